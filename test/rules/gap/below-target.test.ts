import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/gap/below-target.js';
import type { Unit } from '../../../src/types.js';
import { metricsOf, runRule, runRuleReports, touchpoint } from '../../metrics/rule-harness.js';
import { factsOf } from '../rendered-reports.js';

describe('gap/below-target', () => {
  it('has meta', () => {
    expect(rule.meta.id).toBe('gap/below-target');
    expect(rule.meta.defaultSeverity).toBe('warning');
  });

  it('hands over metric, value, target, op, unit and attainment as data', () => {
    const reports = runRuleReports(rule, {
      touchpoints: [touchpoint('a', 1, { name: 'open_rate', target: '>= 90%', unit: 'ratio' })],
      metrics: metricsOf([{ touchpoint: 'a', metric: 'open_rate', value: 0.855 }]),
    });
    expect(factsOf(reports)).toEqual([
      {
        messageId: 'belowTarget',
        data: {
          metric: 'open_rate',
          value: 0.855,
          target: 0.9,
          targetText: '>= 90%',
          op: '>=',
          unit: 'ratio',
          attainment: 0.95,
        },
      },
    ]);
  });

  it('does nothing without metric exports', () => {
    expect(
      runRule(rule, { touchpoints: [touchpoint('a', 1, { name: 'm', target: '>= 1' })] }),
    ).toEqual([]);
  });

  it.each<{ target: string; unit?: Unit; value: number; message?: string }>([
    { target: '>= 0.35', value: 0.35 },
    { target: '>= 0.35', value: 0.5 },
    {
      target: '>= 0.35',
      value: 0.18,
      message: 'open_rate is 0.18, target >= 0.35 (attainment 51%)',
    },
    {
      target: '>= 0.35',
      unit: 'ratio',
      value: 0.1833333,
      message: 'open_rate is 18.3%, target >= 35% (attainment 52%)',
    },
    {
      target: '>= 90%',
      unit: 'ratio',
      value: 0.855,
      message: 'open_rate is 85.5%, target >= 90% (attainment 95%)',
    },
    {
      target: '>= 90',
      unit: 'percent',
      value: 45,
      message: 'open_rate is 45%, target >= 90% (attainment 50%)',
    },
    {
      target: '>= 90%',
      unit: 'ratio',
      value: 0.85417,
      message: 'open_rate is 85.4%, target >= 90% (attainment 95%)',
    },
    {
      target: '>= 0.01',
      value: 0.0001234,
      message: 'open_rate is 0.000123, target >= 0.01 (attainment 1%)',
    },
    { target: '> 10', value: 10, message: 'open_rate is 10, target > 10 (attainment 99%)' },
    {
      target: '<= 4',
      unit: 'hours',
      value: 8,
      message: 'open_rate is 8 h, target <= 4 h (attainment 50%)',
    },
    { target: '<= 4', value: 3 },
    { target: '< 4', value: 4, message: 'open_rate is 4, target < 4 (attainment 99%)' },
    { target: '== 100', value: 100 },
    { target: '== 100', value: 90, message: 'open_rate is 90, target == 100 (attainment 90%)' },
    { target: '>= 10', value: -2, message: 'open_rate is -2, target >= 10 (attainment 0%)' },
  ])('$target with $value', ({ target, unit, value, message }) => {
    const metric = { name: 'open_rate', target, ...(unit === undefined ? {} : { unit }) };
    const reports = runRule(rule, {
      touchpoints: [touchpoint('welcome-email', 10, metric)],
      metrics: metricsOf([{ touchpoint: 'welcome-email', metric: 'open_rate', value }]),
    });
    expect(reports).toEqual(
      message === undefined
        ? []
        : [
            {
              message,
              touchpoint: 'welcome-email',
              field: 'metric.target',
              location: { file: 'touchpoints.yaml', line: 18, column: 15 },
            },
          ],
    );
  });

  it('skips touchpoints without a target, without data, or with no value in the period', () => {
    const reports = runRule(rule, {
      touchpoints: [
        touchpoint('no-target', 1, { name: 'm' }),
        touchpoint('no-data', 20, { name: 'm', target: '>= 1' }),
        touchpoint('stale', 40, { name: 'm', target: '>= 1' }),
        touchpoint('no-metric', 60),
      ],
      metrics: metricsOf([
        { touchpoint: 'no-target', metric: 'm', value: 0 },
        { touchpoint: 'stale', metric: 'm', rows: 0, latestDate: '2025-01-01' },
      ]),
    });
    expect(reports).toEqual([]);
  });
});
