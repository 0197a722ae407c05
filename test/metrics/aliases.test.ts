import { describe, expect, it } from 'vitest';
import {
  AliasResolver,
  isPatternKey,
  unsafeRegexReason,
} from '../../src/metrics/mapping/aliases.js';

describe('aliases: exact keys and patterns', () => {
  const aliases = new AliasResolver({
    'RIQ | Welcome Series': 'riq-welcome',
    '*welcome   SERIES*': 'welcome-series',
    '/^(january|february|march) \\d+(st|nd|rd|th): impact report \\d{4}$/': 'impact-newsletter',
    '*': 'newsletter',
  });
  it.each([
    ['RIQ | Welcome Series', 'riq-welcome'], // an exact key wins over any pattern
    ['Q4 2024 QO | Welcome Series', 'welcome-series'],
    ['  welcome series (Aimerce)', 'welcome-series'], // case and spacing do not matter
    ['March 3rd: Impact Report 2026', 'impact-newsletter'],
    ['Black Friday', 'newsletter'], // patterns apply in the order written
  ])('%s → %s', (id, expected) => {
    expect(aliases.resolve(id)).toBe(expected);
  });

  it('tells patterns from exact ids', () => {
    expect(['a*', '/x/', 'a?', 'b[1]', 'plain-id', 'Onboarding tips'].map(isPatternKey)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it('refuses regexes that do not compile or can backtrack for ever', () => {
    expect(unsafeRegexReason('/(a+)+$/')).toBe(
      'a quantified group holding a quantifier can backtrack for ever: write it without the nesting',
    );
    expect(unsafeRegexReason('/(x/')).toMatch(/^not a valid regular expression/);
    expect(unsafeRegexReason('*a*[bc]*d*e')).toBe(
      "a glob with classes, braces or extglobs may hold at most 3 '*' (this one has 4)",
    );
    // A `/` in an export name is an ordinary character.
    expect(new AliasResolver({ '2026/* newsletter': 'n' }).resolve('2026/06/13 Newsletter')).toBe(
      'n',
    );
    expect(unsafeRegexReason('/^welcome/')).toBeUndefined();
    expect(unsafeRegexReason('*glob*')).toBeUndefined();
  });
});
