import { describe, expect, it } from 'vitest';
import { formatDays, parseDuration } from '../../src/inventory/duration.js';
import { parseTarget, parseTargets } from '../../src/inventory/metric-target.js';

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

describe('duration targets and per-segment target maps', () => {
  it('converts a duration target to the metric time unit', () => {
    expect(parseTarget('<= 1h', 'hours')).toEqual({ op: '<=', value: 1, text: '<= 1h' });
    expect(parseTarget('<= 1h', 'minutes')).toEqual({ op: '<=', value: 60, text: '<= 1h' });
    expect(parseTarget('< 30min', 'hours')).toEqual({ op: '<', value: 0.5, text: '< 30min' });
    expect(parseTarget('<= 2d', 'hours')).toEqual({ op: '<=', value: 48, text: '<= 2d' });
    expect(parseTarget('<= 1w', 'days')).toEqual({ op: '<=', value: 7, text: '<= 1w' });
    expect(parseTarget('<= 90min', 'seconds')).toEqual({ op: '<=', value: 5400, text: '<= 90min' });
  });

  it('refuses a duration target on a metric without a time unit (the schema says why)', () => {
    expect(parseTarget('<= 1h', 'ratio')).toBeUndefined();
    expect(parseTarget('<= 1h', undefined)).toBeUndefined();
  });

  it('reads a map: default is the target, the other keys are segment targets in order', () => {
    expect(
      parseTargets({ enterprise: '<= 1h', smb: '<= 24h', default: '<= 48h' }, 'hours'),
    ).toEqual({
      target: { op: '<=', value: 48, text: '<= 48h' },
      segmentTargets: [
        { segment: 'enterprise', target: { op: '<=', value: 1, text: '<= 1h' } },
        { segment: 'smb', target: { op: '<=', value: 24, text: '<= 24h' } },
      ],
    });
    expect(parseTargets({ smb: '90%', bad: 'soon' }, 'ratio')).toEqual({
      segmentTargets: [{ segment: 'smb', target: { op: '>=', value: 0.9, text: '90%' } }],
    });
    expect(parseTargets('>= 0.4', 'ratio')).toEqual({
      target: { op: '>=', value: 0.4, text: '>= 0.4' },
    });
    expect(parseTargets(['>= 1'], 'ratio')).toEqual({});
  });
});
