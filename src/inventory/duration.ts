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
