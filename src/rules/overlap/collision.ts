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
    // A pair finding's `related` (the other touchpoint) and `segments` (one segment, usually)
    // are lists shared by the findings naming the same ones, as their locations are: nothing
    // changes a finding's lists, and 100,000 findings need no 200,000 lists of one.
    const relatedOf = names.map((id) => [id]);
    const crowds = new Map<string, Crowd>();

    // Each pair's collisions in a segment are one record: the first collision (as positions in
    // the segment's lane), how many there are and the window. Records are columns of numbers,
    // not objects: a crowded inventory makes 100,000 of them, and objects that live through the
    // sweep cost the garbage collector more than the sweep itself.
    const records = new PairRecords();
    // Each pair's latest record (records of one pair are chained through `previous`).
    const pairs = new PairIndex();
    // Segments by number (their order in the timeline), for records and sort keys.
    const lanes: Occurrence[][] = [];
    const laneNames: string[] = [];
    const laneLists: string[][] = [];
    const laneOf = new Map<string, number>();
    const active = new ActiveSet(stride);
    const marks: CrowdMarks = { seen: new Int32Array(stride).fill(-1), base: 0 };
    for (const [segment, occurrences] of timeline.segments) {
      const lane = lanes.length;
      lanes.push(occurrences);
      laneNames.push(segment);
      laneLists.push([segment]);
      laneOf.set(segment, lane);
      const widest = widestCollisionWindow(config, segment);
      if (!(widest > 0)) continue;
      const columns = laneColumns(occurrences, index, (channel) =>
        collisionWindowFor(config, segment, channel),
      );
      const { days, ids, latest, crowded } = columns;

      // A crowd is one finding, not one per pair (2,000 touchpoints on one day made 2 million
      // findings), and its pairs are not swept: a run never collides with another run.
      for (const run of findCrowdRuns(days, latest, ids, widest, excluded, marks)) {
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
    const found = new FoundList(names.length);
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
    addPairFindings(found, pairs, records, { lanes, laneNames, laneLists, rankOf });

    // Indexed, not `for…of`: this loop runs once per audit, so it may not be optimised before
    // it is done, and unoptimised it makes an iterator result per finding.
    const order = found.sorted();
    for (let k = 0; k < order.length; k++) {
      const f = order[k] ?? 0;
      const crowd = found.crowd[f];
      if (crowd) {
        reportCrowd(crowd);
        continue;
      }
      const report = pairReport(found, f, records, lanes, touchpointOf, relatedOf);
      if (report) ctx.report(report);
    }
  },
});

/**
 * The lanes by number, their segments (alone, and in a list of one each) and each touchpoint
 * number's rank in id order.
 */
interface Lanes {
  lanes: readonly (readonly Occurrence[])[];
  laneNames: readonly string[];
  laneLists: readonly string[][];
  rankOf: readonly number[];
}

/**
 * Adds each pair's records to the findings, grouped by window (a touchpoint's days are the same
 * in every segment it reaches, so a pair's collisions differ between segments only through the
 * window: segments with the same window, the usual case, share one finding).
 */
function addPairFindings(
  found: FoundList,
  pairs: PairIndex,
  records: PairRecords,
  { lanes, laneNames, laneLists, rankOf }: Lanes,
): void {
  // A pair's records, latest first; written over for each pair (`length = 0` would drop the
  // list's room and make a new one per pair).
  const chain: number[] = [];
  for (const latest of pairs.latest) {
    let length = 0;
    for (let r = latest; r >= 0; r = records.previous[r] ?? -1) chain[length++] = r;
    const groupStart = found.size;
    for (let c = length - 1; c >= 0; c--) {
      const r = chain[c] ?? 0;
      const lane = records.lane[r] ?? 0;
      const segment = laneNames[lane] ?? '';
      let group = groupStart;
      while (group < found.size && records.window[found.record[group] ?? 0] !== records.window[r])
        group++;
      if (group < found.size) {
        // A list of one is its lane's shared list: a second segment makes the group its own.
        const list = found.segments[group] ?? [];
        if (list.length === 1) found.segments[group] = [...list, segment];
        else list.push(segment);
        continue;
      }
      found.add(
        r,
        laneLists[lane] ?? [segment],
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
  relatedOf: readonly string[][],
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
    related: relatedOf[records.secondId[r] ?? 0] ?? [b.touchpoint],
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
  /** Each pair's latest record. */
  pairs: PairIndex;
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
        const low = other < id ? other : id;
        const high = other < id ? id : other;
        if (apart.size > 0 && apart.has(low * stride + high)) continue;
        // Segments are swept one after another, so the pair's record for this segment, if
        // any, is its latest one.
        const pair = pairs.find(low, high);
        const last = pair < 0 ? -1 : (pairs.latest[pair] ?? -1);
        if (last >= 0 && records.lane[last] === lane)
          records.count[last] = (records.count[last] ?? 0) + 1;
        else {
          const record = records.add(last, lane, j, i, other, id, window);
          if (pair < 0) pairs.add(low, high, record);
          else pairs.latest[pair] = record;
        }
      }
    }
    active.enter(id, i);
  }
}

/**
 * Per touchpoint number, the run that last counted it, as the run's start plus `base`: the
 * touches of the lanes before (one array for every lane, not a new one filled per lane).
 */
interface CrowdMarks {
  seen: Int32Array;
  base: number;
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
  marks: CrowdMarks,
): { start: number; end: number; members: number[]; until?: Days }[] {
  const runs: { start: number; end: number; members: number[]; until?: Days }[] = [];
  const { seen, base } = marks;
  marks.base += days.length;
  let start = 0;
  let reach = -Infinity;
  // The run's members, `[0, count)`, copied when it is kept (most runs are a few touches, not a
  // crowd): written over for each run, one list for the lane.
  const members: number[] = [];
  let count = 0;
  let blocked = false;
  let window = false;
  const close = (end: number): void => {
    if (count < GROUP_MIN || blocked) return;
    runs.push({
      start,
      end,
      members: members.slice(0, count),
      ...(window ? { until: reach } : {}),
    });
  };
  for (let i = 0; i < days.length; i++) {
    const day = days[i] ?? 0;
    if (i > 0 && day - reach >= widest) {
      close(i - 1);
      start = i;
      count = 0;
      blocked = false;
      window = false;
    }
    const last = latest[i] ?? day;
    if (last !== day) window = true;
    reach = Math.max(reach, last);
    const id = ids[i] ?? 0;
    if (seen[id] !== base + start) {
      seen[id] = base + start;
      members[count++] = id;
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
/** A typed column with twice the room (columns grow instead of being lists pushed to). */
function twice<T extends Int32Array | Float64Array>(column: T): T {
  const wider = new (column.constructor as new (length: number) => T)(column.length * 2);
  wider.set(column);
  return wider;
}

class PairRecords {
  previous = new Int32Array(1024);
  lane = new Int32Array(1024);
  first = new Int32Array(1024);
  second = new Int32Array(1024);
  firstId = new Int32Array(1024);
  secondId = new Int32Array(1024);
  count = new Int32Array(1024);
  window = new Float64Array(1024);
  size = 0;

  add(
    previous: number,
    lane: number,
    first: number,
    second: number,
    firstId: number,
    secondId: number,
    window: number,
  ): number {
    const r = this.size++;
    if (r === this.lane.length) this.grow();
    this.previous[r] = previous;
    this.lane[r] = lane;
    this.first[r] = first;
    this.second[r] = second;
    this.firstId[r] = firstId;
    this.secondId[r] = secondId;
    this.count[r] = 1;
    this.window[r] = window;
    return r;
  }

  private grow(): void {
    this.previous = twice(this.previous);
    this.lane = twice(this.lane);
    this.first = twice(this.first);
    this.second = twice(this.second);
    this.firstId = twice(this.firstId);
    this.secondId = twice(this.secondId);
    this.count = twice(this.count);
    this.window = twice(this.window);
  }
}

/**
 * The pairs found so far, in the order first found, with each one's latest record: an open
 * addressing table of the two touchpoint numbers in typed arrays. A Map keyed by the pair's
 * number cost more than the rest of the sweep (one look-up per pair of touches in a window).
 */
class PairIndex {
  /** Per pair, its latest record. */
  readonly latest: number[] = [];
  /** Per slot, the pair's two numbers (low is -1 in an empty slot) and the pair's index. */
  private low = new Int32Array(1024).fill(-1);
  private high = new Int32Array(1024);
  private pair = new Int32Array(1024);

  /** The pair's index, or -1 when it has not been added. */
  find(low: number, high: number): number {
    const mask = this.low.length - 1;
    for (let slot = pairHash(low, high) & mask; ; slot = (slot + 1) & mask) {
      const known = this.low[slot] ?? -1;
      if (known === -1) return -1;
      if (known === low && this.high[slot] === high) return this.pair[slot] ?? -1;
    }
  }

  /** Adds a pair not yet known, with its first record. */
  add(low: number, high: number, record: number): void {
    this.latest.push(record);
    // Kept at most half full, so probe runs stay short.
    if (this.latest.length * 2 > this.low.length) this.grow();
    this.place(low, high, this.latest.length - 1);
  }

  private place(low: number, high: number, pair: number): void {
    const mask = this.low.length - 1;
    let slot = pairHash(low, high) & mask;
    while (this.low[slot] !== -1) slot = (slot + 1) & mask;
    this.low[slot] = low;
    this.high[slot] = high;
    this.pair[slot] = pair;
  }

  private grow(): void {
    const { low, high, pair } = this;
    this.low = new Int32Array(low.length * 2).fill(-1);
    this.high = new Int32Array(low.length * 2);
    this.pair = new Int32Array(low.length * 2);
    for (let slot = 0; slot < low.length; slot++) {
      const known = low[slot] ?? -1;
      if (known !== -1) this.place(known, high[slot] ?? 0, pair[slot] ?? 0);
    }
  }
}

/** A pair's slot before probing: its two numbers mixed, high bits folded into the low ones. */
function pairHash(low: number, high: number): number {
  const mixed = Math.imul(Math.imul(low, 0x9e3779b1) ^ high, 0x85ebca6b);
  return (mixed ^ (mixed >>> 15)) >>> 0;
}

/**
 * The findings to report, as columns: a pair's record (-1 for a crowd) or the crowd, the
 * segments named, and the sort keys — first day, the ranks of the two ids, the first segment.
 */
class FoundList {
  record = new Int32Array(1024);
  readonly segments: string[][] = [];
  readonly crowd: (Crowd | undefined)[] = [];
  private day = new Float64Array(1024);
  /** The two ids' ranks as one number: `rankFirst * ranks + rankSecond`. */
  private ranks = new Float64Array(1024);
  private lane = new Int32Array(1024);
  size = 0;

  /** `rankCount`: how many ids are ranked. */
  constructor(private readonly rankCount: number) {}

  add(
    record: number,
    segments: string[],
    day: Days,
    rankFirst: number,
    rankSecond: number,
    lane: number,
    crowd: Crowd | undefined,
  ): void {
    const f = this.size++;
    if (f === this.record.length) {
      this.record = twice(this.record);
      this.day = twice(this.day);
      this.ranks = twice(this.ranks);
      this.lane = twice(this.lane);
    }
    this.record[f] = record;
    this.segments.push(segments);
    this.crowd.push(crowd);
    this.day[f] = day;
    this.ranks[f] = rankFirst * this.rankCount + rankSecond;
    this.lane[f] = lane;
  }

  /** The findings' indices in report order; ties keep the order they were added in. */
  sorted(): number[] {
    const { day, ranks, lane } = this;
    const order = Array.from({ length: this.size }, (_, i) => i);
    return order.sort(
      (a, b) =>
        (day[a] ?? 0) - (day[b] ?? 0) ||
        (ranks[a] ?? 0) - (ranks[b] ?? 0) ||
        (lane[a] ?? 0) - (lane[b] ?? 0) ||
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
