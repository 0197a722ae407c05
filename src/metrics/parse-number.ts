/** Cell texts that mean "no value" (compared lower-cased): skipped and counted, never an error. */
const MISSING = new Set(['', 'n/a', 'na', '#n/a', 'null', 'none', '-', '--', '–', '—']);

/** True for an empty or N/A cell. `text` must already be trimmed. */
export function isMissingCell(text: string): boolean {
  if (text.length > 4) return false;
  if (text.length === 0) return true;
  // Every entry but '' starts with `n`, `#` or a dash: other cells (`smb`, `4.5`) need no lookup.
  const first = text.charCodeAt(0) | 0x20;
  if (first !== 110 /* n */ && first !== 35 /* # */ && first !== 45 /* - */ && first < 0x2000)
    return false;
  return MISSING.has(text.toLowerCase());
}

// Unambiguous (no two quantifiers competing for the same digits): linear even on a 5 MB cell.
const PLAIN = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
/** No number in a metric export is longer; longer cells are rejected before any regex runs. */
const MAX_NUMBER_LENGTH = 64;
const DIGITS = /^\d*$/;
/** An integer part with one kind of thousands separator between groups of three digits. */
const GROUPED = /^\d{1,3}([,.\s\u00a0\u202f'])\d{3}(?:\1\d{3})*$/;
const COMMA_THOUSANDS = /^\d{1,3}(?:,\d{3})+$/;

/**
 * Parses a number as spreadsheets from any locale export it. `text` must be trimmed and without
 * a trailing `%`. Returns NaN when the text is not a number, ±Infinity when it overflows.
 *
 * - `1234.5`, `-3`, `1e3`: plain numbers.
 * - Both `,` and `.` present: the last one is the decimal mark (`1.234,5`, `1,234.5`).
 * - A single `,`: the decimal mark in `;`/tab files (`4,5` → 4.5, `1,234` → 1.234). In `,` files
 *   (where the cell had to be quoted) it is a thousands separator only before exactly three digits
 *   (`"1,234"` → 1234, `"4,5"` → 4.5).
 * - Several `,` or several `.`: thousands separators (`1.234.567`).
 * - Spaces, no-break spaces and apostrophes between groups of three digits: thousands separators.
 */
export function parseNumber(text: string, decimalComma: boolean): number {
  if (text.length > MAX_NUMBER_LENGTH) return NaN;
  const plain = parsePlainDecimal(text, decimalComma ? 44 : 46);
  if (!Number.isNaN(plain)) return plain;
  if (PLAIN.test(text)) return Number(text);
  return parseLocalised(text, decimalComma);
}

const POWERS = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * `0.4312`, `-12`, `7.`, and in decimal-comma files `0,4312`: an optional minus, at most 15 digits
 * and at most one decimal mark (`.`, or the comma when `mark` is 44; only `mark` when `strict`).
 * NaN for anything else.
 * Computed from char codes without a string allocation; `(digits) / 10^k` with both exact is
 * correctly rounded, so the result is identical to `Number()` of the same decimal.
 */
export function parsePlainDecimal(text: string, mark: number, strict = false): number {
  const negative = text.charCodeAt(0) === 45;
  let digits = 0;
  let count = 0;
  let scale = -1;
  for (let i = negative ? 1 : 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits = digits * 10 + (c - 48);
      count++;
    } else if ((c === mark || (c === 46 && !strict)) && scale < 0) {
      scale = text.length - i - 1;
    } else return NaN;
  }
  if (count === 0 || count > 15) return NaN;
  const value = scale > 0 ? digits / (POWERS[scale] ?? NaN) : digits;
  return negative ? -value : value;
}

function parseLocalised(text: string, decimalComma: boolean): number {
  let s = text.replace('\u2212', '-');
  let sign = '';
  if (s.startsWith('-') || s.startsWith('+')) {
    sign = s.charAt(0);
    s = s.slice(1).trimStart();
  }
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  let decimalAt = -1;
  if (lastComma >= 0 && lastDot >= 0) {
    decimalAt = Math.max(lastComma, lastDot);
  } else if (lastComma >= 0) {
    const single = s.indexOf(',') === lastComma;
    if (single && (decimalComma || !COMMA_THOUSANDS.test(s))) decimalAt = lastComma;
  } else if (lastDot >= 0 && s.indexOf('.') === lastDot) {
    decimalAt = lastDot;
  }
  let integer = decimalAt >= 0 ? s.slice(0, decimalAt) : s;
  const fraction = decimalAt >= 0 ? s.slice(decimalAt + 1) : '';
  if (!DIGITS.test(fraction)) return NaN;
  if (!DIGITS.test(integer)) {
    const grouped = GROUPED.exec(integer);
    // The thousands separator can never be the decimal mark itself (`1.234.5`).
    if (grouped === null || (decimalAt >= 0 && grouped[1] === s.charAt(decimalAt))) return NaN;
    integer = integer.replace(/\D/g, '');
  }
  if (integer === '' && fraction === '') return NaN;
  return Number(`${sign}${integer || '0'}.${fraction || '0'}`);
}

const CURRENCY_PREFIX = /^(?:[A-Z]{0,3}\$|[€£¥₹]|Rp\.?|IDR|USD|EUR|GBP)\s*/;
const CURRENCY_SUFFIX = /\s*(?:[$€£¥₹]|Rp|IDR|USD|EUR|GBP)$/;

/** A money cell without its currency: `US$ 0,00` → `0,00`, `Rp 1.250.000`, `12,50 €`. */
export function stripCurrency(text: string): string {
  let s = text;
  const first = s.charCodeAt(0);
  if (!(first >= 48 && first <= 57) && first !== 45) s = s.replace(CURRENCY_PREFIX, '');
  const last = s.charCodeAt(s.length - 1);
  if (!(last >= 48 && last <= 57)) s = s.replace(CURRENCY_SUFFIX, '');
  return s;
}

/** `01:30:00`, `1:30:00.5`: a duration in seconds; NaN for anything else (`1:30` is not one). */
export function durationSeconds(text: string): number {
  const match = /^(-?)(\d+):([0-5]\d):([0-5]\d(?:[.,]\d+)?)$/.exec(text);
  if (match === null) return NaN;
  const seconds =
    Number(match[2]) * 3600 + Number(match[3]) * 60 + Number((match[4] ?? '').replace(',', '.'));
  return match[1] === '-' ? -seconds : seconds;
}
