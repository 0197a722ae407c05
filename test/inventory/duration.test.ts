import { describe, expect, it } from 'vitest';
import { formatDays, parseDuration } from '../../src/inventory/duration.js';
import { parseTarget } from '../../src/inventory/metric-target.js';

describe('parseDuration', () => {
  const cases: [string, number | undefined][] = [
    ['3d', 3],
    ['-90d', -90],
    ['+2w', 14],
    ['3mo', 90],
    ['1y', 365],
    ['4h', 4 / 24],
    ['30min', 30 / 1440],
    ['P3M', 90],
    ['P1Y2M', 425],
    ['P2W', 14],
    ['PT12H', 0.5],
    ['-P10D', -10],
    ['3 days', undefined],
    ['P', undefined],
    ['PT', undefined],
    ['1.5d', undefined],
    ['', undefined],
  ];
  for (const [text, days] of cases) {
    it(`${JSON.stringify(text)} → ${String(days)}`, () => {
      expect(parseDuration(text)).toBe(days);
    });
  }

  it('formats days back', () => {
    expect([formatDays(90), formatDays(0.5), formatDays(30 / 1440)]).toEqual([
      '90d',
      '12h',
      '30min',
    ]);
  });
});

describe('parseTarget', () => {
  it('reads comparisons, bare numbers and percents by unit', () => {
    expect(parseTarget('>= 0.9', 'ratio')).toEqual({ op: '>=', value: 0.9, text: '>= 0.9' });
    expect(parseTarget('<= 4', 'hours')).toEqual({ op: '<=', value: 4, text: '<= 4' });
    expect(parseTarget('90%', 'ratio')).toEqual({ op: '>=', value: 0.9, text: '90%' });
    expect(parseTarget('90%', undefined)).toEqual({ op: '>=', value: 0.9, text: '90%' });
    expect(parseTarget('> 90%', 'percent')).toEqual({ op: '>', value: 90, text: '> 90%' });
    expect(parseTarget('= 1', 'count')).toEqual({ op: '==', value: 1, text: '= 1' });
    expect(parseTarget(40, 'score')).toEqual({ op: '>=', value: 40, text: '>= 40' });
    expect(parseTarget('lots', 'ratio')).toBeUndefined();
    expect(parseTarget(Number.POSITIVE_INFINITY, 'ratio')).toBeUndefined();
    expect(parseTarget(null, 'ratio')).toBeUndefined();
  });
});
