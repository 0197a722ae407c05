import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/config.js';
import { applyPolicy } from '../../src/rules/engine.js';
import type { Finding } from '../../src/types.js';

const finding = (rule: string, touchpoint: string, line: number): Finding => ({
  rule,
  severity: 'warning',
  message: `${rule} on ${touchpoint}`,
  messageId: 'x',
  data: {},
  touchpoint,
  location: { file: 'touchpoints.yaml', line, column: 5 },
});

describe('applyPolicy', () => {
  it('sorts by file, line, column and rule', () => {
    const out = applyPolicy(
      [
        finding('overlap/density', 'b', 9),
        finding('gap/silence', 'a', 9),
        finding('gap/no-data', 'c', 2),
      ],
      {
        config: defaultConfig(),
        asOf: '2026-11-15',
      },
    );
    expect(out.map((f) => `${f.location.line} ${f.rule}`)).toEqual([
      '2 gap/no-data',
      '9 gap/silence',
      '9 overlap/density',
    ]);
  });

  it('applies configured severities and drops rules set to off', () => {
    const config = defaultConfig();
    config.rules = { 'gap/silence': 'error', 'gap/no-data': 'off' };
    const out = applyPolicy([finding('gap/silence', 'a', 1), finding('gap/no-data', 'a', 2)], {
      config,
      asOf: '2026-11-15',
    });
    expect(out.map((f) => `${f.rule} ${f.severity}`)).toEqual(['gap/silence error']);
  });

  it('leaves ignore: to the rules: the policy applies it nowhere a second time', () => {
    const config = defaultConfig();
    config.ignore = ['internal-*'];
    const out = applyPolicy(
      [
        finding('gap/undocumented-touchpoint', 'internal-test', 1),
        finding('gap/undocumented-touchpoint', 'promo', 2),
      ],
      {
        config,
        asOf: '2026-11-15',
      },
    );
    // gap/undocumented-touchpoint never reports an ignored id (its own test holds that); a
    // finding that reaches the policy is kept, so ignore: is applied in exactly one place.
    expect(out.map((f) => f.touchpoint)).toEqual(['internal-test', 'promo']);
  });

  it('marks waived findings, by rule glob and touchpoint glob', () => {
    const config = defaultConfig();
    config.waivers = [
      {
        rule: 'gap/*',
        touchpoint: 'legacy-*',
        reason: 'being retired in Q1',
        expires: '2027-03-31',
      },
    ];
    const out = applyPolicy(
      [finding('gap/silence', 'legacy-fax', 1), finding('gap/silence', 'welcome', 2)],
      { config, asOf: '2026-11-15' },
    );
    expect(out.map((f) => [f.touchpoint, f.waived])).toEqual([
      ['legacy-fax', { reason: 'being retired in Q1', expires: '2027-03-31' }],
      ['welcome', undefined],
    ]);
  });

  it('stops applying an expired waiver and says so once', () => {
    const config = defaultConfig();
    config.file = 'touchpoint.config.yaml';
    config.waivers = [
      {
        rule: 'gap/silence',
        reason: 'old',
        expires: '2026-01-31',
        location: { file: 'touchpoint.config.yaml', line: 4, column: 5 },
      },
    ];
    const out = applyPolicy([finding('gap/silence', 'a', 1), finding('gap/silence', 'b', 2)], {
      config,
      asOf: '2026-11-15',
    });
    expect(
      out.map(
        (f) =>
          `${f.location.file}:${f.location.line} ${f.rule} ${f.severity} ${f.waived ? 'waived' : 'active'} ${f.message}`,
      ),
    ).toEqual([
      'touchpoint.config.yaml:4 waiver/expired warning active the waiver for gap/silence expired on 2026-01-31 and no longer applies',
      'touchpoints.yaml:1 gap/silence warning active gap/silence on a',
      'touchpoints.yaml:2 gap/silence warning active gap/silence on b',
    ]);
  });
});
