import { compareText } from '../shared/compare-text.js';
import {
  compareOccurrences,
  expandTimeline,
  laneTiming,
  touchpointSegments,
} from '../timeline/expand.js';
import type { Occurrence, Timeline } from '../timeline/types.js';
import type { Days, Finding, Inventory, Timing, Touchpoint } from '../types.js';
import { collisionWindowFor, widestCollisionWindow } from '../config/limits.js';
import { neverTogether } from '../timeline/conditions.js';
import { GROUP_MIN } from './overlap/redundant.js';
import { renderFinding } from './message.js';
import type { Rule, RuleInput } from './rule.js';

/** Largest shift, in days either way, the search tries. */
export const MAX_SHIFT = 30;

/**
 * Work the search may do in one run, in occurrence units: each candidate re-checks the lanes
 * of the moved touchpoint with every timeline rule, costing their occurrences once per rule.
 * Past it, the remaining findings get no suggestion (and `search.outcome` says why), so a
 * large or crowded inventory costs a bounded extra.
 */
export const SEARCH_BUDGET = 150_000;

/** Rejected candidates a finding's `search` lists; `more` counts the rest. */
export const SHOWN_REJECTIONS = 8;

/** The rules a suggestion is made for, and the rules it must not create a finding of. */
const SUGGESTED = new Set(['overlap/collision', 'overlap/density']);
const RECHECKED = new Set(['overlap/collision', 'overlap/density', 'gap/silence']);

/** The smallest move of one touchpoint that clears a finding and creates none. */
export interface MoveSuggestion {
  touchpoint: string;
  /** The touchpoint's touch in the finding and where it lands (lifecycle days). */
  from: Days;
  to: Days;
  /** `to - from`: how many days later (negative: earlier); the whole series moves. */
  shift: Days;
  /** The new `timing.at` offset from the touchpoint's anchor, in days. */
  at: Days;
}

/** A candidate move the search tried and why it does not do. */
export interface RejectedMove {
  touchpoint: string;
  shift: Days;
  to: Days;
  /** `stays`: the finding remains; `new`: another finding appears; `off`: leaves the timeline. */
  reason: 'stays' | 'new' | 'off';
  /** For `new`: the rule, the other touchpoints and the segment of the finding it creates. */
  rule?: string;
  with?: string[];
  segment?: string;
}

/** How the search went, for `--explain`. */
export interface MoveSearch {
  /**
   * `moved`: `suggestion` is the move; `none`: no move within {@link MAX_SHIFT} days clears
   * it; `budget`: the run's search budget ran out first; `crowd`: no single move can clear
   * it (a crowd of collisions, a density run more than one touchpoint over its limit);
   * `fixed`: none of its touchpoints can be moved (off the timeline or cut short).
   */
  outcome: 'moved' | 'none' | 'budget' | 'crowd' | 'fixed';
  /** Candidate moves tried. */
  tried: number;
  /** The first {@link SHOWN_REJECTIONS} rejected candidates, in the order tried. */
  rejected: RejectedMove[];
  more: number;
}

/**
 * One finding of a timeline rule in one segment it names: findings elsewhere may name several
 * segments at once, but a move changes only the lanes of the touchpoint it moves.
 */
export interface TimelineFact {
  rule: string;
  segment: string;
  /** The per-channel limit's channel, or ''. */
  channel: string;
  /** The touchpoints involved, sorted. */
  touchpoints: string[];
  /** Lifecycle days the finding spans. */
  from: Days;
  to: Days;
  /** How bad it is: a density run's peak, a silence's length (0 for a collision). */
  size: number;
}

type Facts = Map<string, TimelineFact[]>;

const texts = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
const day = (value: unknown): Days => (typeof value === 'number' ? value : 0);

/** The facts of a finding of `overlap/collision`, `overlap/density` or `gap/silence`. */
export function timelineFacts(
  finding: Pick<Finding, 'rule' | 'data' | 'touchpoint' | 'related'>,
): TimelineFact[] {
  const { rule, data } = finding;
  let touchpoints: string[];
  let from = day(data.from);
  let to = day(data.to);
  let size = 0;
  if (rule === 'overlap/collision') {
    touchpoints =
      data.members !== undefined ? texts(data.members) : [String(data.first), String(data.second)];
    from = day(data.day);
    to = day(data.otherDay);
  } else if (rule === 'overlap/density') {
    touchpoints = texts(data.touchpoints);
    size = day(data.peak);
  } else {
    touchpoints = [finding.touchpoint ?? '', ...(finding.related ?? [])];
    size = day(data.days);
  }
  const sorted = distinctSorted(touchpoints);
  const channel = typeof data.channel === 'string' ? data.channel : '';
  return texts(data.segments).map((segment) => ({
    rule,
    segment,
    channel,
    touchpoints: sorted,
    from,
    to,
    size,
  }));
}

/** The distinct ids in id order; a pair (most facts are collisions) without a set and a sort. */
function distinctSorted(ids: string[]): string[] {
  if (ids.length === 2) {
    const [a = '', b = ''] = ids;
    const order = compareText(a, b);
    return order === 0 ? [a] : order < 0 ? ids : [b, a];
  }
  return [...new Set(ids)].sort(compareText);
}

/** Collisions are keyed by their pair; density runs and silences by their lane and channel. */
function factKey(fact: TimelineFact): string {
  const key = `${fact.rule}\u0000${fact.segment}\u0000${fact.channel}`;
  return fact.rule === 'overlap/collision' && fact.touchpoints.length > 0
    ? `${key}\u0000${fact.touchpoints.join('\u0000')}`
    : key;
}

/** The facts by {@link factKey}, for {@link sameFinding} lookups. */
export function indexFacts(facts: Iterable<TimelineFact>): Facts {
  const index: Facts = new Map();
  for (const fact of facts) {
    const key = factKey(fact);
    const list = index.get(key);
    if (list) list.push(fact);
    else index.set(key, [fact]);
  }
  return index;
}

/**
 * Whether two facts of one key are the same finding across a move: a collision of the same
 * touchpoints always; a density run or a silence over overlapping days (its edges move with
 * the touch that bounds it).
 */
function sameFinding(a: TimelineFact, b: TimelineFact): boolean {
  return a.rule === 'overlap/collision' || (a.from <= b.to && b.from <= a.to);
}

/**
 * The first fact of `after` that is new against `before`: the same finding is not there, or
 * it was milder (a density run with fewer touches, a shorter silence).
 */
export function firstNewFact(
  before: Facts,
  after: Iterable<TimelineFact>,
): TimelineFact | undefined {
  for (const fact of after) {
    const same = (before.get(factKey(fact)) ?? []).filter((known) => sameFinding(known, fact));
    if (same.length === 0 || fact.size > Math.max(...same.map((known) => known.size))) return fact;
  }
  return undefined;
}

/** Whether any of `target` (a finding's facts) is still among `after`. */
export function stillFound(target: readonly TimelineFact[], after: Facts): boolean {
  return target.some((fact) =>
    (after.get(factKey(fact)) ?? []).some((found) => sameFinding(fact, found)),
  );
}

interface Candidate {
  touchpoint: Touchpoint;
  segments: string[];
  /** The touchpoints on the lanes, made when the rules first re-check them. */
  inventory?: Inventory;
  lanes: Map<string, Occurrence[]>;
  /** The longest window touch (`latest - day`) on the lanes. */
  longest: Days;
  /** Whether a crowd collides on the lanes before the move. */
  crowded: boolean;
  before: Facts;
}

/** Shared state of one run's searches: the budget and the candidates' lanes already checked. */
interface Search {
  input: RuleInput & { timeline: Timeline };
  rules: Rule[];
  byId: Map<string, Touchpoint>;
  /** The timeline rules' findings of the run by segment. */
  found: Map<string, Finding[]>;
  /** The facts of `found` in each segment, made once: a segment's touchpoints share them. */
  facts: Map<string, TimelineFact[]>;
  /** The same by key, made once per segment. */
  factIndex: Map<string, Facts>;
  candidates: Map<string, Candidate | undefined>;
  budget: number;
}

/**
 * Proposes, for every `overlap/collision` and `overlap/density` finding, the smallest move of
 * one of its touchpoints that clears it without creating a new collision, density breach or
 * silence (`data.suggestion`, and the message's closing sentence), and records the search in
 * `data.search`. Shifts of 1 to {@link MAX_SHIFT} days are tried smallest first; for each, the
 * finding's own touchpoint before the others (a density run's from its last touch back), and
 * later before earlier. A candidate re-checks only the lanes (segments) of the touchpoint it
 * moves: a move changes nothing elsewhere. The findings are the run's own, fresh from
 * `runRules`: their data and messages are completed in place (100,000 collisions are not copied
 * to add one key each), and the same list is returned.
 */
export function suggestMoves(
  findings: Finding[],
  rules: readonly Rule[],
  input: RuleInput,
  budget: number = SEARCH_BUDGET,
): Finding[] {
  const { timeline } = input;
  if (timeline === undefined) return findings;
  const rechecked = rules.filter((rule) => rule.check !== undefined && RECHECKED.has(rule.meta.id));
  const suggested = new Map(
    rules.filter((rule) => SUGGESTED.has(rule.meta.id)).map((rule) => [rule.meta.id, rule]),
  );
  const search: Search = {
    input: { ...input, timeline },
    rules: rechecked,
    byId: new Map(input.inventory.touchpoints.map((t) => [t.id, t])),
    found: findingsBySegment(findings),
    facts: new Map(),
    factIndex: new Map(),
    candidates: new Map(),
    budget,
  };
  // Indexed, not `for…of`: run once per audit, the loop may finish before it is optimised, and
  // unoptimised `for…of` makes an iterator result per item (100,000 findings).
  for (let f = 0; f < findings.length; f++) {
    const finding = findings[f] as Finding;
    const rule = suggested.get(finding.rule);
    if (rule === undefined) continue;
    const { suggestion, trace } = searchMove(finding, search);
    if (suggestion) finding.data.suggestion = suggestion;
    finding.data.search = trace;
    if (suggestion) finding.message = renderFinding(finding, rule.meta.messages);
  }
  return findings;
}

/** The timeline rules' findings by segment they name (made into facts only when needed). */
function findingsBySegment(findings: readonly Finding[]): Map<string, Finding[]> {
  const bySegment = new Map<string, Finding[]>();
  // Indexed, as in suggestMoves.
  for (let f = 0; f < findings.length; f++) {
    const finding = findings[f] as Finding;
    const { segments } = finding.data;
    if (!RECHECKED.has(finding.rule) || !Array.isArray(segments)) continue;
    for (const segment of segments) {
      if (typeof segment !== 'string') continue;
      const list = bySegment.get(segment);
      if (list) list.push(finding);
      else bySegment.set(segment, [finding]);
    }
  }
  return bySegment;
}

/** The touchpoints a finding may move, in the order they are tried. */
function movable(finding: Finding): string[] {
  const { data } = finding;
  if (finding.rule === 'overlap/collision') return [String(data.first), String(data.second)];
  const run = texts(data.touchpoints);
  const own = finding.touchpoint ?? '';
  return [own, ...run.filter((id) => id !== own).reverse()];
}

/**
 * The search of a finding no candidate was tried for, one frozen record per outcome: a crowded
 * inventory spends the budget early and leaves 100,000 findings with the same `budget` search.
 */
const UNTRIED = {
  crowd: Object.freeze({ outcome: 'crowd', tried: 0, rejected: Object.freeze([]), more: 0 }),
  budget: Object.freeze({ outcome: 'budget', tried: 0, rejected: Object.freeze([]), more: 0 }),
} as const;
const untried = (outcome: keyof typeof UNTRIED): MoveSearch =>
  UNTRIED[outcome] as unknown as MoveSearch;

function searchMove(
  finding: Finding,
  search: Search,
): { suggestion?: MoveSuggestion; trace: MoveSearch } {
  if (finding.data.members !== undefined) return { trace: untried('crowd') };
  if (search.budget <= 0) return { trace: untried('budget') };
  const trace: MoveSearch = { outcome: 'none', tried: 0, rejected: [], more: 0 };
  const target = timelineFacts(finding);
  const reject = (move: RejectedMove): void => {
    if (trace.rejected.length < SHOWN_REJECTIONS) trace.rejected.push(move);
    else trace.more++;
  };
  const candidates: { candidate: Candidate; from: Days }[] = [];
  let alone = false;
  const limit = overLimit(finding, search.input.timeline);
  for (const id of movable(finding)) {
    if (limit !== undefined && limit.over - (limit.own.get(id) ?? 0) > 0) {
      alone = true;
      continue;
    }
    const candidate = candidateOf(id, search);
    if (candidate === 'budget') return { trace: { ...trace, outcome: 'budget' } };
    if (candidate === undefined) continue;
    const from = touchDay(finding, candidate);
    if (from !== undefined) candidates.push({ candidate, from });
  }
  if (candidates.length === 0) return { trace: { ...trace, outcome: alone ? 'crowd' : 'fixed' } };

  for (let size = 1; size <= MAX_SHIFT; size++) {
    for (const { candidate, from } of candidates) {
      for (const shift of [size, -size]) {
        const id = candidate.touchpoint.id;
        const to = from + shift;
        // A touch of the relationship is not moved before its start (day 0).
        const occurrences =
          to < 0 && from >= 0 ? undefined : movedOccurrences(candidate, shift, search);
        if (occurrences === undefined) {
          reject({ touchpoint: id, shift, to, reason: 'off' });
          continue;
        }
        let quickCost = 0;
        for (const list of occurrences.values()) quickCost += list.length;
        if (quickCost > search.budget) {
          search.budget = 0;
          return { trace: { ...trace, outcome: 'budget' } };
        }
        search.budget -= quickCost;
        trace.tried++;
        const quick = collisionVerdict(finding, candidate, occurrences, search);
        if (quick !== undefined) {
          reject({ touchpoint: id, shift, to, ...quick });
          continue;
        }
        const lanes = movedLanes(candidate, occurrences);
        // Without a crowd before or after, the quick verdict has judged every collision the
        // move makes or ends; only density and silence are left to re-check.
        const rules =
          candidate.crowded || crowdOn(lanes, search)
            ? search.rules
            : search.rules.filter((rule) => rule.meta.id !== 'overlap/collision');
        const cost = laneCost(lanes, rules.length + 1);
        if (cost > search.budget) {
          search.budget = 0;
          return { trace: { ...trace, outcome: 'budget' } };
        }
        search.budget -= cost;
        const after = runFacts(laneInventory(candidate, search), lanes, search, rules);
        if (stillFound(target, indexFacts(after))) {
          reject({ touchpoint: id, shift, to, reason: 'stays' });
          continue;
        }
        const created = firstNewFact(candidate.before, after);
        if (created) {
          reject({
            touchpoint: id,
            shift,
            to,
            reason: 'new',
            rule: created.rule,
            with: created.touchpoints.filter((other) => other !== id),
            segment: created.segment,
          });
          continue;
        }
        const [lane = ''] = texts(finding.data.segments);
        const timing = laneTiming(candidate.touchpoint, lane) ?? candidate.touchpoint.timing;
        const at = (timing?.kind === 'scheduled' ? timing.at : 0) + shift;
        trace.outcome = 'moved';
        return { suggestion: { touchpoint: id, from, to, shift, at }, trace };
      }
    }
  }
  return { trace };
}

/**
 * For a density run, how many touches its peak is over the limit and each touchpoint's touches
 * in the run (in its first segment): a touchpoint with fewer than that cannot clear it alone.
 */
function overLimit(
  finding: Finding,
  timeline: Timeline,
): { over: number; own: Map<string, number> } | undefined {
  if (finding.rule !== 'overlap/density') return undefined;
  const { peak, max, from, to } = finding.data;
  const [segment] = texts(finding.data.segments);
  if (typeof peak !== 'number' || typeof max !== 'number') return undefined;
  if (typeof from !== 'number' || typeof to !== 'number' || segment === undefined) return undefined;
  const lane = timeline.segments.get(segment) ?? [];
  const own = new Map<string, number>();
  for (let k = firstFrom(lane, from); k < lane.length; k++) {
    const o = lane[k] as Occurrence;
    if (o.day > to) break;
    own.set(o.touchpoint, (own.get(o.touchpoint) ?? 0) + 1);
  }
  return { over: peak - max, own };
}

/** The day of the candidate's touch in the finding. */
function touchDay(finding: Finding, candidate: Candidate): Days | undefined {
  const { data } = finding;
  if (finding.rule === 'overlap/collision') {
    const day = candidate.touchpoint.id === data.first ? data.day : data.otherDay;
    return typeof day === 'number' ? day : undefined;
  }
  const [segment] = texts(data.segments);
  const lane = segment === undefined ? undefined : candidate.lanes.get(segment);
  const { from, to } = data;
  if (lane === undefined || typeof from !== 'number' || typeof to !== 'number') return undefined;
  return lane.find((o) => o.touchpoint === candidate.touchpoint.id && o.day >= from && o.day <= to)
    ?.day;
}

/**
 * The lanes one touchpoint reaches and what the timeline rules found there before any move
 * (the run's own findings: a segment's findings do not depend on the other segments);
 * undefined for a touchpoint that cannot be moved.
 */
function candidateOf(id: string, search: Search): Candidate | undefined | 'budget' {
  if (search.candidates.has(id)) return search.candidates.get(id);
  const { timeline, inventory } = search.input;
  const touchpoint = search.byId.get(id);
  let candidate: Candidate | undefined;
  const segments =
    touchpoint === undefined
      ? []
      : [...new Set(touchpointSegments(touchpoint, inventory))].filter((segment) =>
          timeline.segments.has(segment),
        );
  // Calendar touches are placed against the rest of their lane, so a lane holding one is
  // left alone: a move there would re-align them.
  if (
    touchpoint !== undefined &&
    segments.some((lane) => laneTiming(touchpoint, lane)?.kind === 'scheduled') &&
    !segments.some((lane) => timeline.calendar?.has(lane) === true) &&
    !(timeline.truncated ?? []).includes(id)
  ) {
    const lanes = new Map(
      segments.map((segment) => [segment, timeline.segments.get(segment) ?? []]),
    );
    let cost = laneCost(lanes, 1);
    for (const segment of segments) cost += search.found.get(segment)?.length ?? 0;
    if (cost > search.budget) {
      search.budget = 0;
      return 'budget';
    }
    search.budget -= cost;
    let longest = 0;
    for (const lane of lanes.values())
      for (const o of lane) longest = Math.max(longest, (o.latest ?? o.day) - o.day);
    candidate = {
      touchpoint,
      segments,
      lanes,
      longest,
      before: candidateFacts(segments, search),
      crowded: segments.some((segment) =>
        segmentFacts(segment, search).some(
          (fact) => fact.rule === 'overlap/collision' && fact.touchpoints.length > 2,
        ),
      ),
    };
  }
  search.candidates.set(id, candidate);
  return candidate;
}

/**
 * The facts of a candidate's segments by key: its one segment's index, which the candidates
 * there share (a fact's key holds its segment, so the indexes of several never clash).
 */
function candidateFacts(segments: readonly string[], search: Search): Facts {
  const indexes = segments.map((segment) => {
    let index = search.factIndex.get(segment);
    if (index === undefined) {
      index = indexFacts(segmentFacts(segment, search));
      search.factIndex.set(segment, index);
    }
    return index;
  });
  if (indexes.length === 1 && indexes[0] !== undefined) return indexes[0];
  const merged: Facts = new Map();
  for (const index of indexes) for (const [key, facts] of index) merged.set(key, facts);
  return merged;
}

/** What the timeline rules found in one segment before any move, as facts of that segment. */
function segmentFacts(segment: string, search: Search): TimelineFact[] {
  let facts = search.facts.get(segment);
  if (facts === undefined) {
    facts = (search.found.get(segment) ?? []).flatMap((found) =>
      timelineFacts(found).filter((fact) => fact.segment === segment),
    );
    search.facts.set(segment, facts);
  }
  return facts;
}

/** The inventory of the touchpoints on a candidate's lanes, which the rules re-check. */
function laneInventory(candidate: Candidate, search: Search): Inventory {
  if (candidate.inventory) return candidate.inventory;
  const ids = new Set<string>();
  for (const lane of candidate.lanes.values()) for (const o of lane) ids.add(o.touchpoint);
  candidate.inventory = {
    ...search.input.inventory,
    touchpoints: [...ids].flatMap((other) => {
      const found = search.byId.get(other);
      return found ? [found] : [];
    }),
  };
  return candidate.inventory;
}

/** What re-checking lanes costs: their occurrences once per pass over them. */
function laneCost(lanes: ReadonlyMap<string, readonly Occurrence[]>, passes: number): number {
  let occurrences = 0;
  for (const lane of lanes.values()) occurrences += lane.length;
  return Math.max(1, occurrences) * passes;
}

/**
 * Whether a lane holds a crowd: a run of touches with every gap under the widest collision
 * window (as `overlap/collision` finds them) reaching {@link GROUP_MIN} touchpoints.
 */
function crowdOn(lanes: ReadonlyMap<string, readonly Occurrence[]>, search: Search): boolean {
  for (const [segment, lane] of lanes) {
    const widest = widestCollisionWindow(search.input.config, segment);
    if (!(widest > 0)) continue;
    const runOf = new Map<string, number>();
    let run = 0;
    let members = 0;
    let reach = -Infinity;
    for (const o of lane) {
      if (o.day - reach >= widest) {
        run++;
        members = 0;
      }
      reach = Math.max(reach, o.latest ?? o.day);
      if (runOf.get(o.touchpoint) === run) continue;
      runOf.set(o.touchpoint, run);
      if (++members >= GROUP_MIN) return true;
    }
  }
  return false;
}

/** A timing moved by `shift` days: its offset (and window) change, its recurrence's end stays. */
function shiftTiming(timing: Timing, shift: Days): Timing {
  if (timing.kind !== 'scheduled') return timing;
  return {
    ...timing,
    at: timing.at + shift,
    ...(timing.latest === undefined ? {} : { latest: timing.latest + shift }),
  };
}

/**
 * The candidate's occurrences per lane with its whole series moved by `shift` days, expanded
 * afresh as the timeline expands them (timings per segment, a segment's own lifecycle, cadence
 * phases); undefined when the move takes it off a lane or cuts its recurrence short.
 */
function movedOccurrences(
  candidate: Candidate,
  shift: Days,
  search: Search,
): Map<string, Occurrence[]> | undefined {
  const { touchpoint } = candidate;
  const timings = touchpoint.segmentTimings;
  const moved: Touchpoint = {
    ...touchpoint,
    ...(touchpoint.timing === undefined ? {} : { timing: shiftTiming(touchpoint.timing, shift) }),
    ...(timings === undefined
      ? {}
      : {
          segmentTimings: Object.fromEntries(
            Object.entries(timings).map(([lane, timing]) => [lane, shiftTiming(timing, shift)]),
          ),
        }),
  };
  const { inventory, config } = search.input;
  const alone = expandTimeline(
    { ...inventory, segments: candidate.segments, touchpoints: [moved] },
    config,
  );
  if (alone.truncated !== undefined) return undefined;
  const lanes = new Map<string, Occurrence[]>();
  for (const [lane, before] of candidate.lanes) {
    const after = alone.segments.get(lane) ?? [];
    if (after.length === 0 && before.some((o) => o.touchpoint === touchpoint.id)) return undefined;
    lanes.set(lane, after);
  }
  return lanes;
}

/** The candidate's lanes with its occurrences replaced by the moved ones. */
function movedLanes(
  candidate: Candidate,
  occurrences: ReadonlyMap<string, Occurrence[]>,
): Map<string, Occurrence[]> {
  const id = candidate.touchpoint.id;
  const lanes = new Map<string, Occurrence[]>();
  for (const [segment, lane] of candidate.lanes) {
    lanes.set(
      segment,
      merge(
        lane.filter((o) => o.touchpoint !== id),
        occurrences.get(segment) ?? [],
      ),
    );
  }
  return lanes;
}

/**
 * A quick verdict on a move from the collisions alone, before the rules re-check the lanes:
 * the moved touches still meet the finding's other touchpoint (`stays`), or meet one they did
 * not collide with before (`new`). Undefined when neither: the rules then decide. A pair inside
 * a crowd is judged as a pair here, so a move into a crowd is refused a little early.
 */
function collisionVerdict(
  finding: Finding,
  candidate: Candidate,
  occurrences: ReadonlyMap<string, Occurrence[]>,
  search: Search,
): Pick<RejectedMove, 'reason' | 'rule' | 'with' | 'segment'> | undefined {
  const { config, timeline } = search.input;
  const id = candidate.touchpoint.id;
  const targetSegments = finding.rule === 'overlap/collision' ? texts(finding.data.segments) : [];
  const other =
    finding.rule === 'overlap/collision'
      ? [finding.data.first, finding.data.second].find((x) => x !== id)
      : undefined;
  for (const [segment, lane] of candidate.lanes) {
    const widest = widestCollisionWindow(config, segment);
    if (!(widest > 0)) continue;
    const reach = widest + candidate.longest;
    for (const a of occurrences.get(segment) ?? []) {
      const end = (a.latest ?? a.day) + widest;
      for (let k = firstFrom(lane, a.day - reach); k < lane.length; k++) {
        const b = lane[k] as Occurrence;
        if (b.day >= end) break;
        if (b.touchpoint === id || neverTogether(timeline.conditions, id, b.touchpoint)) continue;
        const [early, late] = compareOccurrences(a, b) <= 0 ? [a, b] : [b, a];
        const window = Math.max(
          collisionWindowFor(config, segment, a.channel),
          collisionWindowFor(config, segment, b.channel),
        );
        if (late.day - (early.latest ?? early.day) >= window) continue;
        if (b.touchpoint === other && targetSegments.includes(segment)) return { reason: 'stays' };
        const [low, high] =
          compareText(id, b.touchpoint) < 0 ? [id, b.touchpoint] : [b.touchpoint, id];
        const key = `overlap/collision\u0000${segment}\u0000\u0000${low}\u0000${high}`;
        if (!candidate.before.has(key)) {
          return { reason: 'new', rule: 'overlap/collision', with: [b.touchpoint], segment };
        }
      }
    }
  }
  return undefined;
}

/** The index of the first occurrence on or after `day` in a lane in timeline order. */
function firstFrom(lane: readonly Occurrence[], day: Days): number {
  let low = 0;
  let high = lane.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((lane[middle] as Occurrence).day < day) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Two lists in timeline order merged into one. */
function merge(a: readonly Occurrence[], b: readonly Occurrence[]): Occurrence[] {
  const out: Occurrence[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && compareOccurrences(x, y) <= 0)) {
      out.push(x as Occurrence);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  return out;
}

/** What the timeline rules find on these lanes. */
function runFacts(
  inventory: Inventory,
  lanes: Map<string, Occurrence[]>,
  search: Search,
  rules: readonly Rule[],
): TimelineFact[] {
  const facts: TimelineFact[] = [];
  const { timeline } = search.input;
  const sub: Timeline = {
    horizon: timeline.horizon,
    segments: lanes,
    ...(timeline.conditions ? { conditions: timeline.conditions } : {}),
  };
  for (const rule of rules) {
    rule.check?.({
      ...search.input,
      inventory,
      timeline: sub,
      report(report) {
        facts.push(
          ...timelineFacts({
            rule: rule.meta.id,
            data: report.data,
            ...(report.touchpoint === undefined ? {} : { touchpoint: report.touchpoint }),
            ...(report.related === undefined ? {} : { related: report.related }),
          }),
        );
      },
    });
  }
  return facts;
}
