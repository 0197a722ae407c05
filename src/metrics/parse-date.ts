const MS_PER_DAY = 86_400_000;
/** Years outside this range are typos or placeholders (`0000-01-01`), never real metric dates. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2999;

/** The order of day, month and year in a numeric date (`15/01/2025`, `1/15/2025`, `2025.01.15`). */
export type DateOrder = 'dmy' | 'mdy' | 'ymd';
export const DATE_ORDERS: readonly DateOrder[] = ['dmy', 'mdy', 'ymd'];
/** Bit of each order in an order mask. */
export const ORDER_BIT: Readonly<Record<DateOrder, number>> = { dmy: 1, mdy: 2, ymd: 4 };

/**
 * A date cell as read, before its column's day/month order is known:
 * - `day`: the date is the same whatever the order (ISO, a month name, `5/5/2025`);
 * - `numeric`: a date whose meaning depends on the order; `days[i]` is the day number under
 *   `DATE_ORDERS[i]` (NaN where that order makes no valid date), `mask` the valid orders;
 * - `invalid`: not a date; `year` is set when it was one but outside {@link MIN_YEAR}–{@link MAX_YEAR}.
 */
export type ParsedDate =
  | { kind: 'day'; day: number }
  | { kind: 'numeric'; days: readonly [number, number, number]; mask: number }
  | { kind: 'invalid'; year?: number };

const INVALID: ParsedDate = { kind: 'invalid' };

/** A date's day number (days since 1970-01-01, UTC), NaN when the date does not exist. */
function dayNumber(year: number, month: number, day: number): number {
  if (month < 1 || month > 12 || day < 1 || day > 31) return NaN;
  const ms = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 31/02 over into March; a round trip catches impossible dates.
  const date = new Date(ms);
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return NaN;
  return ms / MS_PER_DAY;
}

/** Two-digit years as spreadsheets read them: 00–68 are 2000–2068, 69–99 are 1969–1999. */
function fullYear(text: string): number {
  const year = Number(text);
  if (text.length > 2) return year;
  return year < 69 ? 2000 + year : 1900 + year;
}

function yearProblem(year: number): ParsedDate | undefined {
  return year < MIN_YEAR || year > MAX_YEAR ? { kind: 'invalid', year } : undefined;
}

function single(year: number, month: number, day: number): ParsedDate {
  const problem = yearProblem(year);
  if (problem !== undefined) return problem;
  const n = dayNumber(year, month, day);
  return Number.isNaN(n) ? INVALID : { kind: 'day', day: n };
}

// A time after the date: `21:53:05`, `11:27`, `06:03:00 PM`, `2:20 pm`, ISO `10:15:00.5+07:00`.
const TIME = String.raw`(?:[ T,]+\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT))?)?`;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})${TIME}$`);
/** Three numbers with one separator: `15/01/2025`, `1.15.25`, `2026.10.01`, `13-09-15`. */
const NUMERIC = new RegExp(String.raw`^(\d{1,4})([/.\-])(\d{1,2})\2(\d{1,4})\.?${TIME}$`);
const MONTH_FIRST = new RegExp(
  String.raw`^([A-Za-z]{3,10})\.?[\s-]+(\d{1,2})(?:st|nd|rd|th)?,?[\s-]+(\d{4}|\d{2})${TIME}$`,
);
const DAY_FIRST = new RegExp(
  String.raw`^(\d{1,2})\.?[\s-]+([A-Za-z]{3,10})\.?,?[\s-]+(\d{4}|\d{2})${TIME}$`,
);
/** Excel stores dates as days since 1899-12-30; these serials are 1954–2119. */
const SERIAL = /^(\d{5})(?:\.\d+)?$/;
const SERIAL_EPOCH = 25569;

/** Month names and abbreviations, English and Indonesian, lower-case → month number. */
const MONTHS = new Map<string, number>();
const NAMES: readonly (readonly string[])[] = [
  ['jan', 'january', 'januari'],
  ['feb', 'february', 'februari', 'peb', 'pebruari'],
  ['mar', 'march', 'maret'],
  ['apr', 'april'],
  ['may', 'mei'],
  ['jun', 'june', 'juni'],
  ['jul', 'july', 'juli'],
  ['aug', 'august', 'agu', 'agt', 'agustus', 'ags'],
  ['sep', 'sept', 'september'],
  ['oct', 'october', 'okt', 'oktober'],
  ['nov', 'november', 'nop', 'nopember'],
  ['dec', 'december', 'des', 'desember'],
];
NAMES.forEach((names, index) => {
  for (const name of names) MONTHS.set(name, index + 1);
});

function named(monthName: string, day: string, year: string): ParsedDate {
  const month = MONTHS.get(monthName.toLowerCase());
  return month === undefined ? INVALID : single(fullYear(year), month, Number(day));
}

function numeric(a: string, b: string, c: string): ParsedDate {
  if (a.length > 2 && a.length !== 4) return INVALID;
  if (c.length > 2 && c.length !== 4) return INVALID;
  if (a.length === 4 && c.length === 4) return INVALID;
  const x = Number(a);
  const y = Number(b);
  const z = Number(c);
  if (a.length === 4) return single(x, y, z);
  const days: [number, number, number] = [NaN, NaN, NaN];
  let year = fullYear(c);
  const problem = yearProblem(year);
  if (problem !== undefined && c.length === 4) return problem;
  if (problem === undefined) {
    days[0] = dayNumber(year, y, x);
    days[1] = dayNumber(year, x, y);
  }
  if (c.length <= 2) {
    year = fullYear(a);
    days[2] = dayNumber(year, y, z);
  }
  let mask = 0;
  let first = NaN;
  let same = true;
  for (let i = 0; i < 3; i++) {
    const day = days[i] ?? NaN;
    if (Number.isNaN(day)) continue;
    mask |= 1 << i;
    if (Number.isNaN(first)) first = day;
    else if (day !== first) same = false;
  }
  if (mask === 0) return INVALID;
  // Valid in one order only, it is evidence for the column's order; valid in several orders as
  // the same day (5/5/2025), it is evidence of nothing.
  const oneOrder = mask === 1 || mask === 2 || mask === 4;
  return same && !oneOrder ? { kind: 'day', day: first } : { kind: 'numeric', days, mask };
}

/**
 * Reads a date cell: ISO dates and date-times; numeric dates in any order with 2- or 4-digit
 * years; English and Indonesian month names; an optional time (24-hour or AM/PM, offset
 * ignored: the date is the one the author wrote); a period range `A - B`, whose date is B; and
 * Excel serial numbers. `text` must be trimmed.
 */
export function readDate(text: string): ParsedDate {
  if (text.length > 64) return INVALID;
  const iso = ISO.exec(text);
  if (iso !== null) return single(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const range = /\s[-–]\s/.exec(text);
  if (range !== null) {
    const start = readDate(text.slice(0, range.index).trim());
    const end = readDate(text.slice(range.index + range[0].length).trim());
    return start.kind === 'invalid' ? start : end;
  }
  const num = NUMERIC.exec(text);
  if (num !== null) return numeric(num[1] ?? '', num[3] ?? '', num[4] ?? '');
  const mdy = MONTH_FIRST.exec(text);
  if (mdy !== null) return named(mdy[1] ?? '', mdy[2] ?? '', mdy[3] ?? '');
  const dmy = DAY_FIRST.exec(text);
  if (dmy !== null) return named(dmy[2] ?? '', dmy[1] ?? '', dmy[3] ?? '');
  const serial = SERIAL.exec(text);
  if (serial !== null) {
    const value = Number(serial[1]);
    if (value >= 20000 && value < 80000) return { kind: 'day', day: value - SERIAL_EPOCH };
  }
  return INVALID;
}

/** The day number of a parsed date under `order`; NaN when it is not a date in that order. */
export function dayIn(parsed: ParsedDate, order: DateOrder): number {
  if (parsed.kind === 'day') return parsed.day;
  if (parsed.kind === 'invalid') return NaN;
  return parsed.days[DATE_ORDERS.indexOf(order)] ?? NaN;
}

/** Parses an ISO `YYYY-MM-DD` date (optionally with a time) into a day number; NaN otherwise. */
export function parseDay(text: string): number {
  const iso = ISO.exec(text);
  if (iso === null) return NaN;
  const parsed = single(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return parsed.kind === 'day' ? parsed.day : NaN;
}

/** Day number → `YYYY-MM-DD`. */
export function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
