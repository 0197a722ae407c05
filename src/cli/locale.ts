import { ENGLISH } from '../i18n/locale.js';
import type { Locale } from '../i18n/locale.js';
import { langFromEnv } from '../i18n/lang.js';
import type { Lang } from '../i18n/lang.js';
import type { CliIo } from './io.js';

/** The language of human output: `--lang`, else `lang:` in the config, else the locale env. */
export function resolveLang(
  flag: Lang | undefined,
  config: Lang | undefined,
  env: CliIo['env'],
): Lang {
  return flag ?? config ?? langFromEnv(env);
}

/** The reporters' locale of a language; English loads no translation. */
export async function loadLocale(lang: Lang): Promise<Locale> {
  if (lang === 'en') return ENGLISH;
  const { reporterLocale } = await import('../rules/translate-finding.js');
  return reporterLocale(lang);
}
