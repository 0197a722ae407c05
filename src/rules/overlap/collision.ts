import { compareText } from '../../shared/compare-text.js';
import { collisionWindowFor, widestCollisionWindow } from '../../config/limits.js';
import { touchpointLocation } from '../locate.js';
import type { Occurrence } from '../../timeline/types.js';
import type { Days, Touchpoint } from '../../types.js';
import { defineRule } from '../rule.js';
import type { Report } from '../rule.js';
import { GROUP_MIN } from './redundant.js';

/** Members a crowd message names before `N more`; the finding's `related` holds them all. */
const NAMED_MEMBERS = 5;

export interface CollisionData {
  /** The touchpoint reaching the segments first, and the other one. */
  first: string;
  second: string;
  /** The segments both reach (one finding names every segment with the same window). */
  segments: string[];
  /** Lifecycle day of the first collision, unrounded, and of the other touchpoint's touch. */
  day: Days;
  otherDay: Days;
  /** `otherDay - day`: how far apart the two touches are (0 on the same day). */
  apart: Days;
  /** The collision window in days. */
  window: Days;
  /** How many more times the pair collides in these segments. */
  more: number;
  /**
   * Set when either touch is a window (`at: 2d..3d`): the collision is possible, not certain,
   * somewhere from `day` to `until`, the latest day either can land on.
   */
  until?: Days;
  /**
   * For a crowd (ten or more touchpoints landing back to back, every gap under the widest
   * collision window): every member, ordered by id, and how many. `day` and `otherDay` are the
   * crowd's first and last touch; `more` counts the other times the same crowd forms.
   */
  members?: string[];
  count?: number;
}

/** A run of touches with every gap under the widest window, holding GROUP_MIN or more touchpoints. */
interface Crowd {
  first: Occurrence;
  members: string[];
  segments: string[];
  /** The segment whose repeats `count` counts (the same touchpoints land alike in every segment). */
  counted: string;
  count: number;
  from: Days;
  to: Days;
  /** The latest day a window touch in the crowd can land on, when any is a window. */
  until?: Days;
  window: Days;
}

export default defineRule<CollisionData>()({
  meta: {
    id: 'overlap/collision',
    defaultSeverity: 'warning',
    wholeInventory: true,
    description:
      'Two different proactive touchpoints reach a shared segment closer together than the collision window (default 1 day: the same day). One finding per pair and set of segments, naming the first day and how many more occurrences collide; ten or more touchpoints landing back to back (every gap under the window) are one crowd finding naming them all.',
    rationale:
      'Two messages landing together compete for attention and read as an organisation that does not talk to itself — a QBR invitation on the same day as the renewal reminder.',
    fix: 'Move one touchpoint’s `timing.at` (its whole recurrence moves with it): the finding proposes the smallest move, up to 30 days either way, that clears it without a new collision, density breach or silence (“move ‘qbr’ from day 275 to day 282”; `data.suggestion` in JSON, the search under `--explain`). Or merge the two, or narrow their `segments`. Tune `collision.window`, `collision.segments` or `collision.channels` in the config if the spacing is deliberate.',
    // Four overlap findings naming a touchpoint empty its hygiene pillar.
    hygiene: 0.25,
    messages: {
      calendarNote: '{{calendar|list}}: on the calendar, placed at the worst-case alignment',
      sameDay:
        "'{{first}}' and '{{second}}' both reach {{segments|segments}} on day {{day|day}}{{suggestion?|message:move}}",
      sameDayAgain:
        "'{{first}}' and '{{second}}' both reach {{segments|segments}} on day {{day|day}} (and {{more|count:more time}}){{suggestion?|message:move}}",
      apart:
        "'{{first}}' and '{{second}}' both reach {{segments|segments}} {{apart|days}} apart, on day {{day|day}} and day {{otherDay|day}}{{suggestion?|message:move}}",
      window:
        "'{{first}}' and '{{second}}' can collide for {{segments|segments}} between day {{day|day}} and day {{until|day}}{{suggestion?|message:move}}",
      windowAgain:
        "'{{first}}' and '{{second}}' can collide for {{segments|segments}} between day {{day|day}} and day {{until|day}} (and {{more|count:more time}}){{suggestion?|message:move}}",
      apartAgain:
        "'{{first}}' and '{{second}}' both reach {{segments|segments}} {{apart|days}} apart, on day {{day|day}} and day {{otherDay|day}} (and {{more|count:more time}}){{suggestion?|message:move}}",
      crowd: `{{count}} touchpoints all reach {{segments|segments}} on day {{day|day}}: {{members|list:${NAMED_MEMBERS}}}`,
      crowdAgain: `{{count}} touchpoints all reach {{segments|segments}} on day {{day|day}} (and {{more|count:more time}}): {{members|list:${NAMED_MEMBERS}}}`,
      crowdBetween: `{{count}} touchpoints reach {{segments|segments}} back to back, under {{window|days}} apart, between day {{day|day}} and day {{until|day}}: {{members|list:${NAMED_MEMBERS}}}`,
      crowdBetweenAgain: `{{count}} touchpoints reach {{segments|segments}} back to back, under {{window|days}} apart, between day {{day|day}} and day {{until|day}} (and {{more|count:more time}}): {{members|list:${NAMED_MEMBERS}}}`,
      move: "; move '{{touchpoint}}' from day {{from|day}} to day {{to|day}}",
    },
  },
  phase: 'audit',
  check(ctx) {
    const { timeline, config, inventory } = ctx;
    if (!timeline) return;
    const byId = new Map<string, Touchpoint>(inventory.touchpoints.map((t) => [t.id, t]));
    const reportCrowd = (crowd: Crowd): void => {
      const id = crowd.first.touchpoint;
      const touchpoint = byId.get(id);
      if (!touchpoint) return;
      const related = crowd.members.filter((member) => member !== id);
      const sameDay = crowd.until === undefined && crowd.from === crowd.to;
      const base = sameDay ? 'crowd' : 'crowdBetween';
      ctx.report({
        messageId: crowd.count > 1 ? `${base}Again` : base,
        data: {
          first: id,
          second: related[0] ?? '',
          segments: crowd.segments,
          day: crowd.from,
          otherDay: crowd.to,
          apart: crowd.to - crowd.from,
          window: crowd.window,
          more: crowd.count - 1,
          until: crowd.until ?? crowd.to,
          members: crowd.members,
          count: crowd.members.length,
        },
        location: touchpointLocation(touchpoint, 'timing'),
        touchpoint: id,
        related,
        field: 'timing',
      });
    };

    // Touchpoint ids as numbers, so a pair key is one number, not a concatenated string.
    const index = new Map<string, number>();
    for (const touchpoint of inventory.touchpoints) {
      if (!index.has(touchpoint.id)) index.set(touchpoint.id, index.size);
    }
    const stride = index.size + 1;
    // Pairs that never reach the same customer (`exclusive:`, `excludes:`), as pair keys.
    const apart = new Set<number>();
    for (const key of timeline.conditions?.apart ?? []) {
      const [a, b] = key.split('\u0000').map((id) => index.get(id) ?? -1) as [number, number];
      if (a >= 0 && b >= 0) apart.add(a < b ? a * stride + b : b * stride + a);
    }

    // Touchpoints in a pair that never reach the same customer are judged pair by pair.
    const excluded = new Uint8Array(stride);
    for (const key of apart) {
      excluded[Math.floor(key / stride)] = 1;
      excluded[key % stride] = 1;
    }
    // Rank ids and segments once so sorts compare numbers, not strings.
    const names = [...index.keys()];
    const rank = new Map<string, number>();
    [...names].sort(compareText).forEach((id, position) => rank.set(id, position));
    // The same by touchpoint number, and the touchpoint itself: read once per finding.
    const rankOf = names.map((id) => rank.get(id) ?? 0);
    const touchpointOf = names.map((id) => byId.get(id));
    const crowds = new Map<string, Crowd>();

    // Each pair's collisions in a segment are one record: the first collision (as positions in
    // the segment's lane), how many there are and the window. Records are columns of numbers,
    // not objects: a crowded inventory makes 100,000 of them, and objects that live through the
    // sweep cost the garbage collector more than the sweep itself.
    const records = new PairRecords();
    // pair key → the pair's latest record (records of one pair are chained through `previous`).
    const pairs = new Map<number, number>();
    // Segments by number (their order in the timeline), for records and sort keys.
    const lanes: Occurrence[][] = [];
    const laneNames: string[] = [];
    const laneOf = new Map<string, number>();
    const active = new ActiveSet(stride);
    for (const [segment, occurrences] of timeline.segments) {
      const lane = lanes.length;
      lanes.push(occurrences);
      laneNames.push(segment);
      laneOf.set(segment, lane);
      const widest = widestCollisionWindow(config, segment);
      if (!(widest > 0)) continue;
      const columns = laneColumns(occurrences, index, (channel) =>
        collisionWindowFor(config, segment, channel),
      );
      const { days, ids, latest, crowded } = columns;

      // A crowd is one finding, not one per pair (2,000 touchpoints on one day made 2 million
      // findings), and its pairs are not swept: a run never collides with another run.
      for (const run of findCrowdRuns(days, latest, ids, widest, excluded)) {
        crowded.fill(1, run.start, run.end + 1);
        const members = run.members
          .map((id) => names[id] ?? '')
          .sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
        const key = `${members.join('\u0000')}\u0001${String(widest)}`;
        const known = crowds.get(key);
        if (known) {
          if (known.segments[known.segments.length - 1] !== segment) known.segments.push(segment);
          if (known.counted === segment) known.count++;
          continue;
        }
        crowds.set(key, {
          first: occurrences[run.start] as Occurrence,
          members,
          segments: [segment],
          counted: segment,
          count: 1,
          from: days[run.start] ?? 0,
          to: days[run.end] ?? 0,
          ...(run.until === undefined ? {} : { until: run.until }),
          window: widest,
        });
      }

      sweepLane(columns, lane, widest, { stride, apart, active, pairs, records });
    }

    // The findings to report, ordered by day, the two touchpoints' ids and the first segment:
    // crowds, then each pair's records grouped by window.
    const found = new FoundList();
    for (const crowd of crowds.values()) {
      const second = crowd.members.find((member) => member !== crowd.first.touchpoint) ?? '';
      found.add(
        -1,
        crowd.segments,
        crowd.from,
        rank.get(crowd.first.touchpoint) ?? 0,
        rank.get(second) ?? 0,
        laneOf.get(crowd.segments[0] ?? '') ?? 0,
        crowd,
      );
    }
    addPairFindings(found, pairs, records, { lanes, laneNames, rankOf });

    for (const f of found.sorted()) {
      const crowd = found.crowd[f];
      if (crowd) {
        reportCrowd(crowd);
        continue;
      }
      const report = pairReport(found, f, records, lanes, touchpointOf);
      if (report) ctx.report(report);
    }
  },
});

/** The lanes by number, their segments, and each touchpoint number's rank in id order. */
interface Lanes {
  lanes: readonly (readonly Occurrence[])[];
  laneNames: readonly string[];
  rankOf: readonly number[];
}

/**
 * Adds each pair's records to the findings, grouped by window (a touchpoint's days are the same
 * in every segment it reaches, so a pair's collisions differ between segments only through the
 * window: segments with the same window, the usual case, share one finding).
 */
function addPairFindings(
  found: FoundList,
  pairs: ReadonlyMap<number, number>,
  records: PairRecords,
  { lanes, laneNames, rankOf }: Lanes,
): void {
  const chain: number[] = [];
  for (const latest of pairs.values()) {
    chain.length = 0;
    for (let r = latest; r >= 0; r = records.previous[r] ?? -1) chain.push(r);
    const groupStart = found.size;
    for (let c = chain.length - 1; c >= 0; c--) {
      const r = chain[c] ?? 0;
      const lane = records.lane[r] ?? 0;
      const segment = laneNames[lane] ?? '';
      let group = groupStart;
      while (group < found.size && records.window[found.record[group] ?? 0] !== records.window[r])
        group++;
      if (group < found.size) {
        found.segments[group]?.push(segment);
        continue;
      }
      found.add(
        r,
        [segment],
        (lanes[lane] ?? [])[records.first[r] ?? 0]?.day ?? 0,
        rankOf[records.firstId[r] ?? 0] ?? 0,
        rankOf[records.secondId[r] ?? 0] ?? 0,
        lane,
        undefined,
      );
    }
  }
}

/** A pair's message, and the same when the pair collides more than once. */
const PAIR_MESSAGES = {
  sameDay: ['sameDay', 'sameDayAgain'],
  apart: ['apart', 'apartAgain'],
  window: ['window', 'windowAgain'],
} as const;
type PairMessage = (typeof PAIR_MESSAGES)[keyof typeof PAIR_MESSAGES][number];

/** The report of a pair's finding `f`; undefined when its touchpoint is not in the inventory. */
function pairReport(
  found: FoundList,
  f: number,
  records: PairRecords,
  lanes: readonly (readonly Occurrence[])[],
  touchpointOf: readonly (Touchpoint | undefined)[],
): Report<CollisionData, PairMessage> | undefined {
  const r = found.record[f] ?? 0;
  const segments = found.segments[f] ?? [];
  const count = records.count[r] ?? 0;
  const window = records.window[r] ?? 0;
  const occurrences = lanes[records.lane[r] ?? 0] ?? [];
  const a = occurrences[records.first[r] ?? 0] as Occurrence;
  const b = occurrences[records.second[r] ?? 0] as Occurrence;
  const touchpoint = touchpointOf[records.firstId[r] ?? 0];
  if (!touchpoint) return undefined;
  const uncertain = a.latest !== undefined || b.latest !== undefined;
  const base = uncertain ? 'window' : a.day === b.day ? 'sameDay' : 'apart';
  const data: CollisionData = {
    first: a.touchpoint,
    second: b.touchpoint,
    segments,
    day: a.day,
    otherDay: b.day,
    apart: b.day - a.day,
    window,
    more: count - 1,
  };
  if (uncertain) data.until = Math.max(a.latest ?? a.day, b.latest ?? b.day);
  return {
    messageId: PAIR_MESSAGES[base][count > 1 ? 1 : 0],
    data,
    location: touchpointLocation(touchpoint, 'timing'),
    touchpoint: a.touchpoint,
    related: [b.touchpoint],
    field: 'timing',
  };
}

/** A lane's touches as columns of numbers, in day order. */
interface LaneColumns {
  days: Float64Array;
  /** The latest day each touch can land on (its day, for a point in time). */
  latest: Float64Array;
  /** Touchpoint numbers. */
  ids: Int32Array;
  /** Each touch's collision window (by its channel). */
  windows: Float64Array;
  /** 1 for a touch in a crowd: its pairs are not swept. */
  crowded: Uint8Array;
  /** The longest spread of a window touch (`latest - day`). */
  longestWindow: Days;
}

function laneColumns(
  occurrences: readonly Occurrence[],
  index: ReadonlyMap<string, number>,
  windowFor: (channel: string | undefined) => Days,
): LaneColumns {
  const count = occurrences.length;
  const columns: LaneColumns = {
    days: new Float64Array(count),
    latest: new Float64Array(count),
    ids: new Int32Array(count),
    windows: new Float64Array(count),
    crowded: new Uint8Array(count),
    longestWindow: 0,
  };
  const windowByChannel = new Map<string | undefined, number>();
  for (let i = 0; i < count; i++) {
    const occurrence = occurrences[i] as Occurrence;
    const latest = occurrence.latest ?? occurrence.day;
    columns.days[i] = occurrence.day;
    columns.latest[i] = latest;
    columns.longestWindow = Math.max(columns.longestWindow, latest - occurrence.day);
    columns.ids[i] = index.get(occurrence.touchpoint) ?? index.size;
    let window = windowByChannel.get(occurrence.channel);
    if (window === undefined) {
      window = windowFor(occurrence.channel);
      windowByChannel.set(occurrence.channel, window);
    }
    columns.windows[i] = window;
  }
  return columns;
}

/** What the sweep of every lane shares: pair keys, the pairs found so far and their records. */
interface SweepState {
  /** Touchpoint count + 1: a pair key is `low * stride + high`. */
  stride: number;
  /** Pair keys of touchpoints that never reach the same customer. */
  apart: ReadonlySet<number>;
  active: ActiveSet;
  /** Pair key → the pair's latest record. */
  pairs: Map<number, number>;
  records: PairRecords;
}

/**
 * Sweeps one lane in day order, keeping each touchpoint with an occurrence inside the widest
 * window with its latest one: the closest to the current occurrence, so the only one needed to
 * know whether the pair collides. The work per occurrence is the number of distinct touchpoints
 * in the window, however often each of them recurs inside it. A function of its own, called
 * once per lane, so V8 optimises it as a whole instead of replacing it mid-loop.
 */
function sweepLane(columns: LaneColumns, lane: number, widest: Days, state: SweepState): void {
  const { days, latest, ids, windows, crowded, longestWindow } = columns;
  const { stride, apart, active, pairs, records } = state;
  active.clear();
  let start = 0;
  for (let i = 0; i < days.length; i++) {
    const day = days[i] ?? 0;
    const id = ids[i] ?? 0;
    const ownWindow = windows[i] ?? 0;
    for (; (days[start] ?? 0) <= day - widest - longestWindow; start++) {
      active.leave(ids[start] ?? 0, start);
    }
    if (crowded[i] !== 1) {
      for (let slot = 0; slot < active.size; slot++) {
        const other = active.ids[slot] ?? 0;
        if (other === id) continue;
        const j = active.latest[other] ?? 0;
        const window = Math.max(ownWindow, windows[j] ?? 0);
        // j starts no later than i: they can meet when i starts before j's latest day plus
        // the window.
        if (day - (latest[j] ?? 0) >= window) continue;
        const key = other < id ? other * stride + id : id * stride + other;
        if (apart.has(key)) continue;
        // Segments are swept one after another, so the pair's record for this segment, if
        // any, is its latest one.
        const last = pairs.get(key);
        if (last !== undefined && records.lane[last] === lane)
          records.count[last] = (records.count[last] ?? 0) + 1;
        else pairs.set(key, records.add(last ?? -1, lane, j, i, other, id, window));
      }
    }
    active.enter(id, i);
  }
}

/**
 * Runs of touches in day order with every gap under the widest window (a touch further from
 * the latest day so far than that starts a new run, and no pair across runs can collide),
 * kept when they hold GROUP_MIN or more touchpoints and none of them is in a pair that never
 * reaches the same customer (those are judged pair by pair).
 */
function findCrowdRuns(
  days: Float64Array,
  latest: Float64Array,
  ids: Int32Array,
  widest: Days,
  excluded: Uint8Array,
): { start: number; end: number; members: number[]; until?: Days }[] {
  const runs: { start: number; end: number; members: number[]; until?: Days }[] = [];
  // Per touchpoint index, the start of the run that last counted it.
  const seen = new Int32Array(excluded.length).fill(-1);
  let start = 0;
  let reach = -Infinity;
  let members: number[] = [];
  let blocked = false;
  let window = false;
  const close = (end: number): void => {
    if (members.length < GROUP_MIN || blocked) return;
    runs.push({ start, end, members, ...(window ? { until: reach } : {}) });
  };
  for (let i = 0; i < days.length; i++) {
    const day = days[i] ?? 0;
    if (i > 0 && day - reach >= widest) {
      close(i - 1);
      start = i;
      members = [];
      blocked = false;
      window = false;
    }
    const last = latest[i] ?? day;
    if (last !== day) window = true;
    reach = Math.max(reach, last);
    const id = ids[i] ?? 0;
    if (seen[id] !== start) {
      seen[id] = start;
      members.push(id);
      if (excluded[id] === 1) blocked = true;
    }
  }
  if (days.length > 0) close(days.length - 1);
  return runs;
}

/**
 * The collisions of pairs in segments, one record each, as columns: the lane (segment number),
 * the positions in that lane of the first collision's two touches (`first` on or before
 * `second`) and their touchpoints' numbers, how many times the pair collides there, the window,
 * and the pair's record in an earlier segment (-1 for none).
 */
class PairRecords {
  readonly previous: number[] = [];
  readonly lane: number[] = [];
  readonly first: number[] = [];
  readonly second: number[] = [];
  readonly firstId: number[] = [];
  readonly secondId: number[] = [];
  readonly count: number[] = [];
  readonly window: number[] = [];

  add(
    previous: number,
    lane: number,
    first: number,
    second: number,
    firstId: number,
    secondId: number,
    window: number,
  ): number {
    this.previous.push(previous);
    this.lane.push(lane);
    this.first.push(first);
    this.second.push(second);
    this.firstId.push(firstId);
    this.secondId.push(secondId);
    this.count.push(1);
    this.window.push(window);
    return this.lane.length - 1;
  }
}

/**
 * The findings to report, as columns: a pair's record (-1 for a crowd) or the crowd, the
 * segments named, and the sort keys — first day, the ranks of the two ids, the first segment.
 */
class FoundList {
  readonly record: number[] = [];
  readonly segments: string[][] = [];
  readonly crowd: (Crowd | undefined)[] = [];
  private readonly day: number[] = [];
  private readonly rankFirst: number[] = [];
  private readonly rankSecond: number[] = [];
  private readonly lane: number[] = [];

  get size(): number {
    return this.record.length;
  }

  add(
    record: number,
    segments: string[],
    day: Days,
    rankFirst: number,
    rankSecond: number,
    lane: number,
    crowd: Crowd | undefined,
  ): void {
    this.record.push(record);
    this.segments.push(segments);
    this.crowd.push(crowd);
    this.day.push(day);
    this.rankFirst.push(rankFirst);
    this.rankSecond.push(rankSecond);
    this.lane.push(lane);
  }

  /** The findings' indices in report order; ties keep the order they were added in. */
  sorted(): number[] {
    const { day, rankFirst, rankSecond, lane } = this;
    const order = Array.from({ length: this.size }, (_, i) => i);
    const at = (list: number[], i: number): number => list[i] ?? 0;
    return order.sort(
      (a, b) =>
        at(day, a) - at(day, b) ||
        at(rankFirst, a) - at(rankFirst, b) ||
        at(rankSecond, a) - at(rankSecond, b) ||
        at(lane, a) - at(lane, b) ||
        a - b,
    );
  }
}

/**
 * The touchpoints with an occurrence in the sweep's window, by number: a dense list to iterate
 * (`ids[0..size)`; removal swaps the last one in), each one's latest position in the lane and
 * its slot in the list. Iterating a Map's entries instead allocated a pair per step.
 */
class ActiveSet {
  readonly ids: Int32Array;
  readonly latest: Int32Array;
  private readonly slot: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.ids = new Int32Array(capacity);
    this.latest = new Int32Array(capacity);
    this.slot = new Int32Array(capacity).fill(-1);
  }

  /** Records touchpoint `id`'s occurrence at `position` as its latest. */
  enter(id: number, position: number): void {
    if (this.slot[id] === -1) {
      this.slot[id] = this.size;
      this.ids[this.size++] = id;
    }
    this.latest[id] = position;
  }

  /** Drops touchpoint `id` when its latest occurrence is the one at `position`, leaving the window. */
  leave(id: number, position: number): void {
    const slot = this.slot[id] ?? -1;
    if (slot === -1 || this.latest[id] !== position) return;
    const moved = this.ids[--this.size] ?? 0;
    this.ids[slot] = moved;
    this.slot[moved] = slot;
    this.slot[id] = -1;
  }

  clear(): void {
    for (let k = 0; k < this.size; k++) this.slot[this.ids[k] ?? 0] = -1;
    this.size = 0;
  }
}
