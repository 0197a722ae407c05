const MS_PER_DAY = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]*(?:Z|[+-]\d{2}:?\d{2})?)?$/;
/** Day first: `DD/MM/YYYY`, `D/M/YYYY`, `DD.MM.YYYY`, optionally followed by a time. */
const DAY_FIRST = /^(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?:[ T][\d:.]*)?$/;

function dayNumber(year: number, month: number, day: number): number {
  if (month < 1 || month > 12 || day < 1) return NaN;
  const ms = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 31/02 over into March; a round trip catches impossible dates.
  const date = new Date(ms);
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return NaN;
  return ms / MS_PER_DAY;
}

/**
 * Parses `YYYY-MM-DD` (optionally with a time, which is ignored) or day-first `DD/MM/YYYY` /
 * `DD.MM.YYYY` into a day number (days since 1970-01-01, UTC). NaN when it is neither or the date
 * does not exist. Slash dates are always day-first, as every locale outside the US writes them.
 */
export function parseDay(text: string): number {
  const iso = ISO.exec(text);
  if (iso !== null) return dayNumber(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dmy = DAY_FIRST.exec(text);
  if (dmy !== null) return dayNumber(Number(dmy[4]), Number(dmy[3]), Number(dmy[1]));
  return NaN;
}

/** Day number → `YYYY-MM-DD`. */
export function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
