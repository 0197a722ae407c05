import type { Config } from '../config/config.js';
import { collisionWindowFor, densityLimitFor } from '../config/limits.js';
import { compareText } from '../shared/compare-text.js';
import type { CalendarPeriod, Days, Touchpoint } from '../types.js';
import type { Occurrence } from './types.js';

/** The length of a calendar period on the reference timeline (a month is 30 days, as `1mo`). */
export const CALENDAR_PERIOD_DAYS: Readonly<Record<CalendarPeriod, Days>> = {
  weekly: 7,
  monthly: 30,
  quarterly: 90,
};

/** A calendar touch to place in one lane. */
export interface CalendarTouch {
  touchpoint: Touchpoint;
  period: CalendarPeriod;
}

/**
 * Places calendar touches in a lane at their worst-case alignment. A customer's lifecycle day 0
 * can fall on any date, so a touch sent on the 1st of each month can land on any lifecycle day
 * of its period: of the whole days 0 … period − 1 where its first touch could fall, the one
 * that gives it the most collisions with the lane's touches, then the most touches within a
 * density window of it, then the earliest. Touches are placed in id order, each against the
 * lane as the ones before it left it. Returns the lane with the touches in day, then id order,
 * and each touch's first day.
 *
 * Work: per touch, one pass over the lane marking, for each of its occurrences, the first days
 * that would bring the calendar touch near it — O(lane × period) — within a budget of lane
 * occurrences looked at; touches past it are placed from day 0 and listed in `unaligned`.
 */
export function placeCalendarTouches(
  lane: readonly Occurrence[],
  touches: readonly CalendarTouch[],
  options: {
    segment: string;
    config: Config;
    horizon: Days;
    /** Lane occurrences the search may still look at, shared by all lanes; spent as it goes. */
    budget: { left: number };
  },
): { occurrences: Occurrence[]; firstDays: Map<string, Days>; unaligned: string[] } {
  const { segment, config, horizon, budget } = options;
  const unaligned: string[] = [];
  const density = densityLimitFor(config, segment).window;
  const occurrences = [...lane];
  const firstDays = new Map<string, Days>();
  const ordered = [...touches].sort((a, b) => compareText(a.touchpoint.id, b.touchpoint.id));
  for (const { touchpoint, period } of ordered) {
    const days = CALENDAR_PERIOD_DAYS[period];
    const own = collisionWindowFor(config, segment, touchpoint.channel);
    const collisions = new Float64Array(days);
    const nearby = new Float64Array(days);
    // Past the budget a touch is placed from day 0, unsearched, and said so.
    budget.left -= occurrences.length;
    if (budget.left < 0) unaligned.push(touchpoint.id);
    else
      for (const other of occurrences) {
        if (other.day < 0 || other.day > horizon) continue;
        const window = Math.max(own, collisionWindowFor(config, segment, other.channel));
        mark(collisions, other.day, window);
        mark(nearby, other.day, density);
      }
    let best = 0;
    for (let first = 1; first < days; first++) {
      const gain =
        (collisions[first] ?? 0) - (collisions[best] ?? 0) ||
        (nearby[first] ?? 0) - (nearby[best] ?? 0);
      if (gain > 0) best = first;
    }
    firstDays.set(touchpoint.id, best);
    for (let day = best; day <= horizon; day += days) {
      occurrences.push({
        touchpoint: touchpoint.id,
        day,
        ...(touchpoint.channel === undefined ? {} : { channel: touchpoint.channel }),
        transactional: touchpoint.transactional,
      });
    }
  }
  occurrences.sort((a, b) => a.day - b.day || compareText(a.touchpoint, b.touchpoint));
  return { occurrences, firstDays, unaligned };
}

/**
 * Counts, for each first day 0 … length − 1, whether a touch recurring every `length` days
 * from it lands closer than `window` to `day` (at most once per first day).
 */
function mark(counts: Float64Array, day: Days, window: Days): void {
  const length = counts.length;
  if (window <= 0) return;
  const span = Math.min(length, Math.ceil(2 * window));
  const from = Math.ceil(day - window + 1e-9);
  for (let k = 0; k < span; k++) {
    const landing = from + k;
    if (Math.abs(landing - day) >= window) continue;
    const first = ((landing % length) + length) % length;
    counts[first] = (counts[first] ?? 0) + 1;
  }
}
