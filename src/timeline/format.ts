import type { Days } from '../types.js';

/** A lifecycle day for messages: `275`, `-14`, or `3.5` for fractions (two decimals at most). */
export function formatDay(day: Days): string {
  const rounded = Math.round(day * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** A length in days for messages: `1 day`, `90 days`, `0.5 days`. */
export function formatDayCount(days: Days): string {
  const text = formatDay(days);
  return text === '1' ? '1 day' : `${text} days`;
}
