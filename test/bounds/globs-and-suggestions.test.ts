import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
// The library's loaders: they word the findings' messages from the rule catalogue.
import { parseConfigText } from '../../src/index.js';
import { compileGlobs, globProblem } from '../../src/text/glob.js';
import { suggest } from '../../src/shared/suggest.js';
import { entry, HEADER, validateText } from '../helpers/validate-text.js';

describe('globs over ids match like picomatch without backtracking', () => {
  const cases: [string, string][] = [
    ['seed-list-*', 'seed-list-2026'],
    ['seed-list-*', 'seed-list-'],
    ['*', ''],
    ['*', '.hidden'],
    ['.*', '.hidden'],
    ['gap/*', 'gap/no-data'],
    ['gap/*', 'overlap/density'],
    ['*', 'gap/no-data'],
    ['w?lcome-*', 'welcome-email'],
    ['*a*b', 'xaxb'],
    ['*a*b', 'xaxa'],
    ['{welcome,onboarding}-*', 'onboarding-day-1'],
    ['[ab]*', 'beta'],
    ['gap/**', 'gap/x/y'],
  ];
  it.each(cases)('%s against %s', (pattern, text) => {
    expect(compileGlobs(pattern)(text)).toBe(picomatch(pattern)(text));
    expect(compileGlobs(pattern, { dot: true })(text)).toBe(
      picomatch(pattern, { dot: true })(text),
    );
  });

  it('matches the hostile *a*a…*b against a 40-character id at once (picomatch takes minutes)', () => {
    const pattern = `${'*a'.repeat(10)}*b`;
    expect(compileGlobs(pattern)('a'.repeat(40))).toBe(false);
    expect(compileGlobs(pattern)('a'.repeat(100_000))).toBe(false);
    expect(compileGlobs(pattern)(`${'a'.repeat(40)}b`)).toBe(true);
  });

  it('refuses empty globs and rich globs with many stars', () => {
    expect(globProblem('')).toBe('a glob may not be empty');
    expect(globProblem('*a*a*a*a*a*b')).toBeUndefined();
    expect(globProblem('{a,b}*a*a*a*b')).toBe(
      "a glob with classes, braces or extglobs may hold at most 3 '*' (this one has 4)",
    );
  });

  it('reports such globs in the config with their positions (exit 2, not an internal error)', () => {
    const config = [
      'ignore:',
      '  - ""',
      '  - "[ab]*x*y*z*"',
      'waivers:',
      '  - { rule: "gap/*", touchpoint: "{a,b}*a*a*a*b", reason: x }',
      '',
    ].join('\n');
    expect(() => parseConfigText(config, 'c.yaml')).toThrow(
      [
        'invalid config',
        'c.yaml:2:5: value of the config must NOT have fewer than 1 characters',
      ].join('\n'),
    );
    expect(() => parseConfigText(config.replace('  - ""\n', ''), 'c.yaml')).toThrow(
      [
        'invalid config',
        "c.yaml:2:5: a glob with classes, braces or extglobs may hold at most 3 '*' (this one has 4)",
        "c.yaml:4:34: a glob with classes, braces or extglobs may hold at most 3 '*' (this one has 4)",
      ].join('\n'),
    );
  });
});

describe('did-you-mean is bounded', () => {
  it('gives no suggestion for a very long word and compares at most 1,000 candidates', () => {
    expect(suggest('a'.repeat(60_000), ['a'.repeat(59_999)])).toBeUndefined();
    const filler = Array.from({ length: 999 }, (_, i) => `zz-${i}`);
    expect(suggest('onbaording', [...filler, 'onboarding'])).toBe('onboarding');
    expect(suggest('onbaording', [...filler, 'zz', 'onboarding'])).toBeUndefined();
    expect(suggest('onbaording', ['onboarding'])).toBe('onboarding');
  });

  it('validates a 60,000-character segment reference with its finding', () => {
    const text =
      HEADER.replace('[enterprise, smb]', `[${'a'.repeat(60_000)}]`) +
      entry({ segments: `[${'a'.repeat(59_999)}b]` });
    const [finding] = validateText(text);
    expect(finding).toMatch(
      /^15:5 schema\/unknown-reference segment 'a{59999}b' of touchpoint 'welcome-email' is not/,
    );
  });
});
