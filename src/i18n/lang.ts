/** The languages human output is written in; ids, keys and machine formats stay English. */
export const LANGS = ['en', 'id'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/**
 * The language a POSIX locale environment asks for: the first of `LC_ALL`, `LC_MESSAGES` and
 * `LANG` that is set decides (as `setlocale` reads them), and only Indonesian (`id`, `id_ID`,
 * `id_ID.UTF-8`, `id-ID`) picks Indonesian; anything else, or nothing, is English.
 */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find(
    (value) => value !== undefined && value !== '',
  );
  return locale !== undefined && /^id(?:[_.@-]|$)/i.test(locale) ? 'id' : 'en';
}
