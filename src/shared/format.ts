import type { Days } from '../types.js';
import { ALL_SEGMENTS } from './segments.js';

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

/** `a`, `a and b`, `a, b and c`. */
export function formatList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** Segment ids for messages; the implicit single segment reads as "all customers". */
export function formatSegments(segments: readonly string[]): string {
  // One segment, the usual case, without two lists made and joined (100,000 findings name one).
  if (segments.length === 1) {
    const [segment = ''] = segments;
    return segment === ALL_SEGMENTS ? 'all customers' : segment;
  }
  return formatList(
    segments.map((segment) => (segment === ALL_SEGMENTS ? 'all customers' : segment)),
  );
}

/** Whether {@link formatSegments} reads as a plural subject ("enterprise and smb hear"). */
export function isPluralSegments(segments: readonly string[]): boolean {
  return segments.length !== 1 || segments[0] === ALL_SEGMENTS;
}
