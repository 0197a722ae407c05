import type { Config } from '../config/config.js';
import { DEFAULT_TARGET_KEY } from '../types.js';
import type { CadencePhase, Days, Inventory, Timing, Touchpoint, Until } from '../types.js';
import { compareText } from '../shared/compare-text.js';
import { ALL_SEGMENTS } from '../shared/segments.js';
import { CALENDAR_PERIOD_DAYS, placeCalendarTouches } from './calendar.js';
import type { CalendarTouch } from './calendar.js';
import { readConditions } from './conditions.js';
import type { Occurrence, Timeline } from './types.js';

/** Most occurrences one touchpoint may put on the timeline (guards `every: 1min` over a year). */
export const MAX_OCCURRENCES_PER_TOUCHPOINT = 10_000;

/**
 * Most recurrences (occurrences after each touchpoint's first) on the whole timeline, counted
 * once per segment they land in, so a hostile horizon, `every` or segment fan-out cannot
 * exhaust memory; touchpoints later in the inventory are cut first.
 */
export const MAX_RECURRENCES_TOTAL = 250_000;

// Days are floats (hours and minutes are fractions); absorb the drift of `first + k * every`.
const EPSILON = 1e-9;

/**
 * The last day on the timeline: the latest lifecycle event, or `config.horizon` when that is
 * later (or the lifecycle is empty) — a lifecycle that stops at go-live still gets a year.
 */
export function timelineHorizon(inventory: Inventory, config: Config): Days {
  let latest = -Infinity;
  const lifecycles = [inventory.lifecycle, ...Object.values(inventory.segmentLifecycles ?? {})];
  for (const day of lifecycles.flatMap((lifecycle) => Object.values(lifecycle))) {
    if (Number.isFinite(day) && day > latest) latest = day;
  }
  return Math.max(latest, config.horizon);
}

/** The lanes of the timeline: the declared segments, or everyone as one when none are declared. */
export function timelineSegments(inventory: Inventory): string[] {
  return inventory.segments.length > 0 ? inventory.segments : [ALL_SEGMENTS];
}

/** The segments a touchpoint reaches on the timeline. */
export function touchpointSegments(touchpoint: Touchpoint, inventory: Inventory): string[] {
  return touchpoint.segments.length > 0 ? touchpoint.segments : timelineSegments(inventory);
}

/**
 * Expands every scheduled proactive touchpoint into its occurrences on the reference
 * lifecycle, per segment.
 *
 * - The first occurrence falls on `lifecycle[anchor] + at`; with `every`, further ones follow
 *   while they are on or before `until` (an anchor's day, or an offset from the touchpoint's
 *   own anchor day) and the horizon.
 * - Occurrences after the horizon are dropped; days before 0 (before the lifecycle's zero)
 *   are kept.
 * - Reactive and always-on touchpoints, and touchpoints whose anchor is not in the lifecycle
 *   (a schema rule reports those), stay off the timeline.
 * - A non-positive or non-finite `every` means no recurrence; at most
 *   {@link MAX_OCCURRENCES_PER_TOUCHPOINT} occurrences are produced per touchpoint and
 *   {@link MAX_RECURRENCES_TOTAL} recurrences in all, and the
 *   ids of those cut short are listed in `truncated`.
 *
 * One sort of all occurrences, then a linear distribution into segments: O(n log n).
 */
export function expandTimeline(inventory: Inventory, config: Config): Timeline {
  const horizon = timelineHorizon(inventory, config);
  // Parallel arrays: the day of each occurrence and the index of its schedule.
  const days: number[] = [];
  const sources: number[] = [];
  const schedules: Schedule[] = [];
  const truncated: string[] = [];
  const touchpoints = inventory.touchpoints;
  let recurrences = 0;

  for (let t = 0; t < touchpoints.length; t++) {
    const touchpoint = touchpoints[t] as Touchpoint;
    if (touchpoint.mode !== 'proactive') continue;
    let cut = false;
    for (const { timing, lanes, lifecycle } of laneSchedules(touchpoint, inventory)) {
      const anchorDay = Object.hasOwn(lifecycle, timing.anchor)
        ? lifecycle[timing.anchor]
        : undefined;
      if (anchorDay === undefined || !Number.isFinite(anchorDay) || !Number.isFinite(timing.at))
        continue;
      const first = anchorDay + timing.at;
      if (first > horizon + EPSILON) continue;
      const s = schedules.push({ t, lanes, timing }) - 1;
      days.push(first);
      sources.push(s);

      const phases = cadencePhases(timing);
      if (phases.length === 0) continue;
      const end = Math.min(recurrenceEnd(timing.until, anchorDay, lifecycle, horizon), horizon);
      // Each recurrence lands in every lane of the schedule.
      const fanOut = lanes.length;
      // Each phase recurs from the last touch of the one before, up to its own end; the n-th
      // touch of a phase is placed from the phase's start, so sums do not drift.
      let start = first;
      let placed = 1;
      phases: for (const phase of phases) {
        const phaseEnd =
          phase.until === undefined
            ? end
            : Math.min(recurrenceEnd(phase.until, anchorDay, lifecycle, end), end);
        let latest = start;
        for (let n = 1; ; n++) {
          const day = start + n * phase.every;
          if (day > phaseEnd + EPSILON) break;
          if (
            placed >= MAX_OCCURRENCES_PER_TOUCHPOINT ||
            recurrences + fanOut > MAX_RECURRENCES_TOTAL
          ) {
            cut = true;
            break phases;
          }
          days.push(day);
          sources.push(s);
          placed++;
          latest = day;
          recurrences += fanOut;
        }
        start = latest;
      }
    }
    if (cut) truncated.push(touchpoint.id);
  }

  // Timeline order is day, then touchpoint id: rank the touchpoints by id once, then sort the
  // occurrences on two numbers.
  const rank = new Int32Array(touchpoints.length);
  touchpoints
    .map((touchpoint, t) => ({ id: touchpoint.id, t }))
    .sort((a, b) => compareText(a.id, b.id) || a.t - b.t)
    .forEach((entry, position) => (rank[entry.t] = position));
  // The sort keys as columns, so the comparator reads two numbers per side, not five look-ups.
  const dayAt = Float64Array.from(days);
  const rankAt = new Int32Array(days.length);
  for (let i = 0; i < days.length; i++) rankAt[i] = rank[schedules[sources[i] ?? 0]?.t ?? 0] ?? 0;
  const order = timelineOrder(dayAt, rankAt, touchpoints.length);

  const segments = new Map<string, Occurrence[]>();
  // Every lane exists, the ones nothing reaches too: a silence is judged on an empty lane.
  for (const segment of timelineSegments(inventory)) segments.set(segment, []);
  const extra = new Map<string, Occurrence[]>();
  const segmentsOf = new Map<number, Occurrence[][]>();
  for (let k = 0; k < order.length; k++) {
    const i = order[k] ?? 0;
    const s = sources[i] ?? 0;
    const schedule = schedules[s] as Schedule;
    const touchpoint = touchpoints[schedule.t] as Touchpoint;
    const occurrence: Occurrence =
      touchpoint.channel === undefined
        ? { touchpoint: touchpoint.id, day: days[i] ?? 0, transactional: touchpoint.transactional }
        : {
            touchpoint: touchpoint.id,
            day: days[i] ?? 0,
            channel: touchpoint.channel,
            transactional: touchpoint.transactional,
          };
    let lists = segmentsOf.get(s);
    if (!lists) {
      lists = [];
      for (const segment of schedule.lanes) {
        let list = segments.get(segment) ?? extra.get(segment);
        if (!list) {
          list = [];
          extra.set(segment, list);
        }
        if (!lists.includes(list)) lists.push(list);
      }
      segmentsOf.set(s, lists);
    }
    const timing = schedule.timing;
    if (timing.latest !== undefined && timing.latest > timing.at)
      occurrence.latest = occurrence.day + (timing.latest - timing.at);
    // Indexed, not `for…of`: unoptimised, that makes an iterator result per touch and lane.
    for (let l = 0; l < lists.length; l++) lists[l]?.push(occurrence);
  }
  for (const segment of [...extra.keys()].sort(compareText)) {
    segments.set(segment, extra.get(segment) ?? []);
  }

  // Calendar touches go last: each lane places them at their worst case against the rest.
  const calendar = new Map<string, Map<string, Days>>();
  const unaligned = new Set<string>();
  const budget = { left: CALENDAR_SEARCH_BUDGET };
  for (const [lane, touches] of calendarTouches(inventory)) {
    const kept = touches.filter(({ touchpoint, period }) => {
      const count = Math.floor(horizon / CALENDAR_PERIOD_DAYS[period]) + 1;
      if (recurrences + count > MAX_RECURRENCES_TOTAL) {
        if (!truncated.includes(touchpoint.id)) truncated.push(touchpoint.id);
        return false;
      }
      recurrences += count;
      return true;
    });
    const placed = placeCalendarTouches(segments.get(lane) ?? [], kept, {
      segment: lane,
      config,
      horizon,
      budget,
    });
    segments.set(lane, placed.occurrences);
    if (placed.firstDays.size > 0) calendar.set(lane, placed.firstDays);
    for (const id of placed.unaligned) unaligned.add(id);
  }

  const conditions = readConditions(inventory);
  return {
    horizon,
    segments,
    ...(truncated.length > 0 ? { truncated: truncated.sort(compareText) } : {}),
    ...(conditions ? { conditions } : {}),
    ...(calendar.size > 0 ? { calendar } : {}),
    ...(unaligned.size > 0 ? { unaligned: [...unaligned].sort(compareText) } : {}),
  };
}

/**
 * The occurrences' positions ordered by day, then touchpoint rank, then position. When every
 * day is whole (the usual timeline), the three are packed into one number each, which sorts
 * natively: a comparator called 2 million times cost more than the rest of the expansion.
 */
function timelineOrder(dayAt: Float64Array, rankAt: Int32Array, ranks: number): ArrayLike<number> {
  const count = dayAt.length;
  let first = Infinity;
  let last = -Infinity;
  let whole = true;
  for (const day of dayAt) {
    if (!Number.isInteger(day)) whole = false;
    first = Math.min(first, day);
    last = Math.max(last, day);
  }
  if (whole && (last - first + 1) * Math.max(1, ranks) * count <= Number.MAX_SAFE_INTEGER) {
    const packed = new Float64Array(count);
    for (let i = 0; i < count; i++)
      packed[i] = (((dayAt[i] ?? 0) - first) * ranks + (rankAt[i] ?? 0)) * count + i;
    packed.sort();
    const order = new Int32Array(count);
    for (let k = 0; k < count; k++) order[k] = (packed[k] ?? 0) % count;
    return order;
  }
  const order = Array.from({ length: count }, (_, i) => i);
  return order.sort(
    (a, b) => (dayAt[a] ?? 0) - (dayAt[b] ?? 0) || (rankAt[a] ?? 0) - (rankAt[b] ?? 0) || a - b,
  );
}

/**
 * Most lane occurrences the calendar alignment search looks at in one audit (each calendar
 * touch looks at its lane once); touches past it are placed from day 0.
 */
export const CALENDAR_SEARCH_BUDGET = 5_000_000;

/** Per lane, the proactive calendar touches that reach it, in inventory order. */
function calendarTouches(inventory: Inventory): Map<string, CalendarTouch[]> {
  const lanes = new Map<string, CalendarTouch[]>();
  for (const touchpoint of inventory.touchpoints) {
    if (touchpoint.mode !== 'proactive') continue;
    for (const lane of new Set(touchpointSegments(touchpoint, inventory))) {
      const timing = laneTiming(touchpoint, lane);
      if (timing?.kind !== 'calendar') continue;
      const list = lanes.get(lane) ?? [];
      list.push({ touchpoint, period: timing.calendar });
      lanes.set(lane, list);
    }
  }
  return lanes;
}

type ScheduledTiming = Extract<Timing, { kind: 'scheduled' }>;

/** Occurrences placed by one timing on one lifecycle, for the lanes that share both. */
interface Schedule {
  t: number;
  lanes: string[];
  timing: ScheduledTiming;
}

/**
 * The schedules of a touchpoint: its lanes grouped by the timing (a timing per segment) and the
 * lifecycle (a segment's own anchor days) that place its touches there. Usually one.
 */
function laneSchedules(
  touchpoint: Touchpoint,
  inventory: Inventory,
): { timing: ScheduledTiming; lanes: string[]; lifecycle: Record<string, Days> }[] {
  // The common case, one timing and one lifecycle for every lane: one schedule.
  if (touchpoint.segmentTimings === undefined && inventory.segmentLifecycles === undefined) {
    const timing = touchpoint.timing;
    if (timing?.kind !== 'scheduled') return [];
    const lanes = [...new Set(touchpointSegments(touchpoint, inventory))];
    return [{ timing, lanes, lifecycle: inventory.lifecycle }];
  }
  const groups = new Map<
    string,
    { timing: ScheduledTiming; lanes: string[]; lifecycle: Record<string, Days> }
  >();
  const timings: Timing[] = [];
  for (const lane of new Set(touchpointSegments(touchpoint, inventory))) {
    const timing = laneTiming(touchpoint, lane);
    if (timing?.kind !== 'scheduled') continue;
    const own = segmentLifecycle(inventory, lane);
    if (!timings.includes(timing)) timings.push(timing);
    const key = `${String(timings.indexOf(timing))}\u0000${own === undefined ? '' : lane}`;
    const group = groups.get(key);
    if (group) group.lanes.push(lane);
    else
      groups.set(key, {
        timing,
        lanes: [lane],
        lifecycle: own === undefined ? inventory.lifecycle : { ...inventory.lifecycle, ...own },
      });
  }
  return [...groups.values()];
}

/** The timing a touchpoint has on a lane: its one timing, or its segment's (or default) entry. */
export function laneTiming(touchpoint: Touchpoint, lane: string): Timing | undefined {
  const timings = touchpoint.segmentTimings;
  if (timings === undefined) return touchpoint.timing;
  if (Object.hasOwn(timings, lane)) return timings[lane];
  return Object.hasOwn(timings, DEFAULT_TARGET_KEY) ? timings[DEFAULT_TARGET_KEY] : undefined;
}

/** A segment's own anchor days, or undefined when it keeps the inventory's. */
function segmentLifecycle(inventory: Inventory, segment: string): Record<string, Days> | undefined {
  const own = inventory.segmentLifecycles;
  return own !== undefined && Object.hasOwn(own, segment) ? own[segment] : undefined;
}

/** The phases of a scheduled timing's cadence: its `phases`, or its one `every`; [] when it does not recur. */
function cadencePhases(timing: ScheduledTiming): CadencePhase[] {
  const phases = timing.phases ?? (timing.every === undefined ? [] : [{ every: timing.every }]);
  // A non-positive or non-finite interval does not recur (the loader reports it).
  return phases.filter((phase) => Number.isFinite(phase.every) && phase.every > 0);
}

function recurrenceEnd(
  until: Until | undefined,
  anchorDay: Days,
  lifecycle: Record<string, Days>,
  horizon: Days,
): Days {
  if (until === undefined) return horizon;
  const offset = until.offset ?? 0;
  if (!Number.isFinite(offset)) return horizon;
  if (!('anchor' in until)) return anchorDay + offset;
  const day = Object.hasOwn(lifecycle, until.anchor) ? lifecycle[until.anchor] : undefined;
  // An unknown `until` anchor is a schema finding; recur to the horizon meanwhile.
  return day !== undefined && Number.isFinite(day) ? day + offset : horizon;
}

/** Timeline order: by day, then touchpoint id. */
export function compareOccurrences(a: Occurrence, b: Occurrence): number {
  return a.day - b.day || compareText(a.touchpoint, b.touchpoint);
}
