import type { Lang } from './lang.js';
import { localizeNumber } from './number-format.js';

/** The values a UI string is filled with; numbers are written in the language's marks. */
export type TextData = Readonly<Record<string, string | number>>;

/** `{{key}}`, or `{{key|count:noun}}` / `{{key|count:entry/entries}}`: a number and its noun. */
const PLACEHOLDER = /\{\{(\w+)(?:\|(\w+):([^}]*))?\}\}/g;

/** The `{{key}}` names a UI string uses. */
export function textKeys(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
}

function numberText(lang: Lang, value: string | number): string {
  return typeof value === 'number' ? localizeNumber(lang, String(value)) : value;
}

/**
 * Fills a UI string. `count` writes the number and its noun: English picks the singular for 1
 * and the plural (given after `/`, else the noun with `s`) otherwise; Indonesian nouns do not
 * change with the number, so its strings give one word. A missing key is a bug: it throws.
 */
export function fillText(lang: Lang, template: string, data: TextData = {}): string {
  return template.replace(PLACEHOLDER, (_all, key: string, format?: string, arg?: string) => {
    if (!Object.hasOwn(data, key)) throw new Error(`UI text has no '${key}': ${template}`);
    const value = data[key] ?? '';
    if (format === undefined) return numberText(lang, value);
    if (format !== 'count' && format !== 'noun') throw new Error(`unknown UI format '${format}'`);
    const [one = '', many = `${one}s`] = (arg ?? '').split('/');
    const noun = lang === 'en' && Number(value) !== 1 ? many : one;
    return format === 'noun' ? noun : `${numberText(lang, value)} ${noun}`;
  });
}
