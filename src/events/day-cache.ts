import { dayIn, parseDay, readDate } from '../metrics/parse-date.js';

/** Distinct dates kept before the cache starts over (a year of days is 366). */
const MAX_CACHED = 100_000;

const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const digits2 = (text: string, at: number): number =>
  (text.charCodeAt(at) - 48) * 10 + (text.charCodeAt(at + 1) - 48);

/** `HH:MM` at `at`: two digits, a colon, two digits. */
const isClock = (text: string, at: number): boolean =>
  isDigit(text.charCodeAt(at)) &&
  isDigit(text.charCodeAt(at + 1)) &&
  text.charCodeAt(at + 2) === 58 &&
  isDigit(text.charCodeAt(at + 3)) &&
  isDigit(text.charCodeAt(at + 4));

/**
 * `YYYY-MM-DD` at the start of `text`, as the number YYYYMMDD; -1 when the first ten characters
 * are not that shape.
 */
function datePrefix(text: string): number {
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return -1;
  for (let at = 0; at < 10; at++)
    if (at !== 4 && at !== 7 && !isDigit(text.charCodeAt(at))) return -1;
  return (
    (digits2(text, 0) * 100 + digits2(text, 2)) * 10_000 + digits2(text, 5) * 100 + digits2(text, 8)
  );
}

/**
 * Whether the rest of `text` after the date is one of the common event-log times, every one of
 * which `parseDay` accepts: nothing, `THH:MM`, `THH:MM:SS` (a space instead of the T too), and
 * either of those followed by `Z`.
 */
function isPlainTime(text: string): boolean {
  const n = text.length;
  if (n === 10) return true;
  const t = text.charCodeAt(10);
  if ((t !== 84 && t !== 32) || !isClock(text, 11)) return false;
  const end = text.charCodeAt(n - 1) === 90 ? n - 1 : n;
  if (end === 16) return true;
  return (
    end === 19 &&
    text.charCodeAt(16) === 58 &&
    isDigit(text.charCodeAt(17)) &&
    isDigit(text.charCodeAt(18))
  );
}

/**
 * `parseDay` for event timestamps, with the day of each `YYYY-MM-DD` prefix computed once: logs
 * repeat the same few hundred dates millions of times. Any text outside the common shapes goes
 * to `parseDay` itself, so the result is always exactly `parseDay(text)`.
 */
export class DayCache {
  private readonly days = new Map<number, number>();

  day(text: string): number {
    if (text.length < 10 || text.length > 20 || !isPlainTime(text)) return parseDay(text);
    const key = datePrefix(text);
    if (key < 0) return parseDay(text);
    const cached = this.days.get(key);
    if (cached !== undefined) return cached;
    if (this.days.size >= MAX_CACHED) this.days.clear();
    const day = parseDay(text.slice(0, 10));
    this.days.set(key, day);
    return day;
  }
}

/** `DD/MM/YYYY` or `DD.MM.YYYY`, optionally followed by a time: the day-first dates events take. */
const DAY_FIRST = /^(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?:[ T][0-9:.]*)?$/;

/**
 * The day of an event or lifecycle date that is not ISO: day-first, as both engines read it
 * (the DuckDB engine's `dateExpression`); NaN for anything else.
 */
export function dayFirstDay(text: string): number {
  const m = DAY_FIRST.exec(text);
  return m === null ? NaN : dayIn(readDate(`${m[1] ?? ''}/${m[3] ?? ''}/${m[4] ?? ''}`), 'dmy');
}
