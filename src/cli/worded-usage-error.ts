import { UsageError } from '../errors.js';
import type { TextData } from '../i18n/fill-text.js';
import { createLocale, ENGLISH } from '../i18n/locale.js';
import type { Lang } from '../i18n/lang.js';
import type { UiKey } from '../i18n/ui-en.js';

/**
 * A usage error of the CLI's own, by its UI string and facts: `main()` words it in the
 * language of the run (`--lang`, else the locale environment); its `message` is the English.
 */
export class WordedUsageError extends UsageError {
  readonly key: UiKey;
  readonly data: TextData;
  constructor(key: UiKey, data: TextData = {}) {
    super(ENGLISH.text(key, data));
    this.key = key;
    this.data = data;
  }

  /** The message in `lang`. */
  wordedIn(lang: Lang): string {
    return lang === 'en' ? this.message : createLocale(lang).text(this.key, this.data);
  }
}

/** The choices of a list for `(choose {{some}} or {{last}})`: `a, b` and `c`. */
export function choices(list: readonly string[]): { some: string; last: string } {
  return { some: list.slice(0, -1).join(', '), last: list[list.length - 1] ?? '' };
}
