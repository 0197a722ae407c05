import type { Days } from '../types.js';

/** [days per unit, units per day]: dividing keeps `30min` exactly 30/1440. */
const UNIT_DAYS: Record<string, [number, number]> = {
  min: [1, 1440],
  h: [1, 24],
  d: [1, 1],
  w: [7, 1],
  mo: [30, 1],
  y: [365, 1],
};

const SIMPLE = /^\s*([+-]?)(\d+)\s*(min|h|d|w|mo|y)\s*$/;
const ISO =
  /^\s*([+-]?)P(?=\d|T\d)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?\s*$/;

/**
 * Parses `3d`, `-90d`, `2w`, `3mo`, `1y`, `4h`, `30min` or an ISO 8601 duration (`P3M`,
 * `PT4H`) into days; a month is 30 days and a year 365. Undefined when the text is not a
 * duration.
 */
export function parseDuration(text: string): Days | undefined {
  const simple = SIMPLE.exec(text);
  if (simple) {
    const [, sign, amount, unit] = simple as unknown as [string, string, string, string];
    const [multiplier, divisor] = UNIT_DAYS[unit] ?? [Number.NaN, 1];
    const days = (Number(amount) * multiplier) / divisor;
    return sign === '-' ? -days : days;
  }
  const iso = ISO.exec(text);
  if (iso) {
    const part = (index: number): number => Number(iso[index] ?? 0);
    const days =
      part(2) * 365 +
      part(3) * 30 +
      part(4) * 7 +
      part(5) +
      part(6) / 24 +
      part(7) / 1440 +
      part(8) / 86400;
    return iso[1] === '-' ? -days : days;
  }
  return undefined;
}

/** `90` → `90d`, `0.5` → `12h`: the shortest exact way to write a number of days. */
export function formatDays(days: Days): string {
  if (Number.isInteger(days)) return `${days}d`;
  const hours = days * 24;
  if (Number.isInteger(Math.round(hours * 1e9) / 1e9)) return `${Math.round(hours)}h`;
  return `${Math.round(days * 1440)}min`;
}

/** The longest duration, horizon or lifecycle offset the tool reads: 100 years (36,500 days). */
export const MAX_DURATION_DAYS = 36_500;

/** What a duration field may hold: signed offsets, positive intervals, or lengths from zero. */
export type DurationRange = 'offset' | 'positive' | 'length';

/** The range of each kind of duration field, as a phrase for a message. */
export const DURATION_RANGE_TEXT: Readonly<Record<DurationRange, string>> = {
  offset: 'between -100y and 100y',
  positive: 'more than 0 and at most 100y',
  length: 'between 0 and 100y',
};

/**
 * Why `days` is outside the documented range for its kind of field, as a phrase for a
 * message ("must be more than 0 and at most 100y"), or undefined when it is inside.
 */
export function durationRangeProblem(days: Days, range: DurationRange): string | undefined {
  const inside =
    Number.isFinite(days) &&
    Math.abs(days) <= MAX_DURATION_DAYS &&
    (range === 'offset' || (range === 'positive' ? days > 0 : days >= 0));
  return inside ? undefined : `must be ${DURATION_RANGE_TEXT[range]}`;
}
