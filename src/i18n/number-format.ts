import type { Lang } from './lang.js';

const ID_DIGITS = new Map<number, Intl.NumberFormat>();

/** Indonesian decimals with exactly `digits` fraction digits and `.` between thousands. */
function indonesian(digits: number): Intl.NumberFormat {
  let format = ID_DIGITS.get(digits);
  if (format === undefined) {
    format = new Intl.NumberFormat('id-ID', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    ID_DIGITS.set(digits, format);
  }
  return format;
}

/**
 * A number the English reports already wrote (`85.4`, `-14`, `0.34`, `1234`) in the language's
 * marks: Indonesian `85,4`, `1.234`. The English text keeps deciding the rounding and the digits
 * shown, so both languages always show the same value.
 */
export function localizeNumber(lang: Lang, english: string): string {
  if (lang === 'en') return english;
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(english);
  if (match === null) return english;
  const digits = match[3]?.length ?? 0;
  return indonesian(digits).format(Number(english));
}

/** Every plain number inside an English phrase (`1.5 days`, `>= 0.35`) in the language's marks. */
export function localizeNumbersIn(lang: Lang, text: string): string {
  if (lang === 'en') return text;
  // A decimal between non-word characters only: `v0.1.0` and `file.2.csv` are left alone.
  return text.replace(/(?<![\w.])\d+\.\d+(?![\w.])/g, (n) => localizeNumber(lang, n));
}

/**
 * Made on first use: building it loads the locale's calendar data (about 40 ms), which a run in
 * English, or one that never writes a date, should not pay at start-up.
 */
let idDate: Intl.DateTimeFormat | undefined;
const indonesianDate = (): Intl.DateTimeFormat =>
  (idDate ??= new Intl.DateTimeFormat('id-ID', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }));

/**
 * An ISO date (`2026-12-02`) as people read it: English reports keep the ISO date, Indonesian
 * ones write `2 Desember 2026`. Anything that is not a calendar date is returned as it is.
 */
export function formatDate(lang: Lang, iso: string): string {
  if (lang === 'en' || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const ms = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(ms) ? iso : indonesianDate().format(new Date(ms));
}
