import { describe, expect, it } from 'vitest';
import { resolveLang } from '../../src/cli/locale.js';
import { fillText } from '../../src/i18n/fill-text.js';
import { langFromEnv } from '../../src/i18n/lang.js';
import { createLocale, ENGLISH } from '../../src/i18n/locale.js';
import { formatDate, localizeNumber, localizeNumbersIn } from '../../src/i18n/number-format.js';
import { parseConfigText } from '../../src/index.js';

describe('language from the environment', () => {
  it.each([
    [{ LANG: 'id_ID.UTF-8' }, 'id'],
    [{ LANG: 'id' }, 'id'],
    [{ LC_MESSAGES: 'id_ID' }, 'id'],
    [{ LC_ALL: 'id-ID', LANG: 'en_US.UTF-8' }, 'id'],
    [{ LC_ALL: 'en_US.UTF-8', LANG: 'id_ID.UTF-8' }, 'en'],
    [{ LC_ALL: '', LC_MESSAGES: 'id_ID.UTF-8', LANG: 'en_GB' }, 'id'],
    [{ LANG: 'C.UTF-8' }, 'en'],
    [{ LANG: 'ida_XX' }, 'en'],
    [{}, 'en'],
  ] as const)('%j → %s', (env, lang) => {
    expect(langFromEnv(env)).toBe(lang);
  });

  it('--lang wins over lang: in the config, which wins over the environment', () => {
    const env = { LANG: 'id_ID.UTF-8' };
    expect(resolveLang('en', 'id', env)).toBe('en');
    expect(resolveLang(undefined, 'en', env)).toBe('en');
    expect(resolveLang(undefined, undefined, env)).toBe('id');
    expect(resolveLang(undefined, undefined, {})).toBe('en');
  });
});

describe('lang: in the config', () => {
  it('reads en and id, and the schema refuses another language', () => {
    expect(parseConfigText('lang: id\n', 'c.yaml').lang).toBe('id');
    expect(parseConfigText('lang: en\n', 'c.yaml').lang).toBe('en');
    expect(parseConfigText('', 'c.yaml').lang).toBeUndefined();
    expect(() => parseConfigText('lang: fr\n', 'c.yaml')).toThrow(/lang/);
  });
});

describe('Indonesian numbers and dates', () => {
  it('writes the English-rounded number with Indonesian marks', () => {
    expect(localizeNumber('id', '1234.5')).toBe('1.234,5');
    expect(localizeNumber('id', '85.4')).toBe('85,4');
    expect(localizeNumber('id', '85')).toBe('85');
    expect(localizeNumber('id', '-14')).toBe('-14');
    expect(localizeNumber('id', '0.30')).toBe('0,30');
    expect(localizeNumber('id', '1000000')).toBe('1.000.000');
    expect(localizeNumber('id', '—')).toBe('—');
    expect(localizeNumber('en', '1234.5')).toBe('1234.5');
  });

  it('localizes the decimals inside a phrase, not versions or file names', () => {
    expect(localizeNumbersIn('id', '85.4% · +1.9 · v0.1.0 · a.2.csv · 3 of 4')).toBe(
      '85,4% · +1,9 · v0.1.0 · a.2.csv · 3 of 4',
    );
  });

  it('writes a date as day, month name and year; English keeps the ISO date', () => {
    expect(formatDate('id', '2026-12-02')).toBe('2 Desember 2026');
    expect(formatDate('id', '2026-01-31')).toBe('31 Januari 2026');
    expect(formatDate('en', '2026-12-02')).toBe('2026-12-02');
    expect(formatDate('id', 'later')).toBe('later');
  });
});

describe('UI strings', () => {
  it('fills keys and counts nouns per language', () => {
    expect(fillText('en', '{{n|count:finding}}', { n: 1 })).toBe('1 finding');
    expect(fillText('en', '{{n|count:entry/entries}}', { n: 3 })).toBe('3 entries');
    expect(fillText('id', '{{n|count:temuan}}', { n: 1200 })).toBe('1.200 temuan');
    expect(fillText('id', 'skor {{score}}', { score: 85.4 })).toBe('skor 85,4');
    expect(() => fillText('en', '{{missing}}')).toThrow(/missing/);
  });

  it('names stages and channels in Indonesian, ids unchanged in English and when unknown', () => {
    const id = createLocale('id');
    expect([id.stage('renewal'), id.channel('phone'), id.stage('my-stage')]).toEqual([
      'Perpanjangan kontrak',
      'Telepon',
      'my-stage',
    ]);
    expect([ENGLISH.stage('renewal'), ENGLISH.channel('phone')]).toEqual(['renewal', 'phone']);
    expect(id.date('2026-12-02')).toBe('2 Desember 2026');
  });
});
