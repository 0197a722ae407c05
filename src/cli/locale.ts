import { ENGLISH } from '../i18n/locale.js';
import type { Locale } from '../i18n/locale.js';
import { isLang, langFromEnv } from '../i18n/lang.js';
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

/**
 * The language of the CLI's own words before a command has parsed its options (its help and
 * usage errors): `--lang X` or `--lang=X` anywhere in the arguments, else the locale
 * environment. The config is not read for these.
 */
export function argvLang(argv: readonly string[], env: CliIo['env']): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value =
      arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice(7) : undefined;
    if (isLang(value)) return value;
  }
  return langFromEnv(env);
}

/** The reporters' locale of a language; English loads no translation. */
export async function loadLocale(lang: Lang): Promise<Locale> {
  if (lang === 'en') return ENGLISH;
  const { reporterLocale } = await import('../rules/translate-finding.js');
  return reporterLocale(lang);
}
