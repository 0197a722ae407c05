import type { DateOrder } from './parse-date.js';

/** The day/month/year order a locale writes numeric dates in (`en-US` mdy, `id-ID` dmy). */
export function localeDateOrder(locale: string): DateOrder | undefined {
  try {
    const parts = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      timeZone: 'UTC',
    }).formatToParts(Date.UTC(2025, 0, 15));
    const order = parts
      .map((part) => part.type)
      .filter((type) => type === 'day' || type === 'month' || type === 'year')
      .map((type) => type.charAt(0))
      .join('');
    return order === 'dmy' || order === 'mdy' || order === 'ymd' ? order : undefined;
  } catch {
    return undefined;
  }
}

/** The decimal mark a locale writes (`en-US` `.`, `id-ID` and `nl-NL` `,`). */
export function localeDecimal(locale: string): '.' | ',' | undefined {
  try {
    const mark = new Intl.NumberFormat(locale)
      .formatToParts(1.5)
      .find((part) => part.type === 'decimal')?.value;
    return mark === '.' || mark === ',' ? mark : undefined;
  } catch {
    return undefined;
  }
}
