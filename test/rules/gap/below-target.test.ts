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

  describe('per-segment targets', () => {
    const perTier = (): ReturnType<typeof touchpoint> => {
      const tp = touchpoint('support-ticket', 1, { name: 'first_reply_hours', unit: 'hours' });
      if (tp.metric === undefined) throw new Error('no metric');
      tp.metric.target = { op: '<=', value: 48, text: '<= 48h' };
      tp.metric.segmentTargets = [
        { segment: 'enterprise', target: { op: '<=', value: 1, text: '<= 1h' } },
        { segment: 'smb', target: { op: '<=', value: 4, text: '<= 4h' } },
      ];
      tp.fields['metric.target.enterprise'] = { file: 'touchpoints.yaml', line: 10, column: 9 };
      tp.fields['metric.target.smb'] = { file: 'touchpoints.yaml', line: 11, column: 9 };
      tp.fields['metric.target.default'] = { file: 'touchpoints.yaml', line: 12, column: 9 };
      return tp;
    };

    it('reports the segment that misses its own target, and not the others', () => {
      const reports = runRuleReports(rule, {
        touchpoints: [perTier()],
        metrics: metricsOf([
          {
            touchpoint: 'support-ticket',
            metric: 'first_reply_hours',
            value: 10.9,
            segments: {
              // Segment names compare case-insensitively with the map's keys.
              Enterprise: { value: 0.69, rows: 19 },
              scale: { value: 24.8, rows: 19 },
              smb: { value: 7.1, rows: 19 },
            },
          },
        ]),
      });
      expect(factsOf(reports)).toEqual([
        {
          messageId: 'belowSegmentTarget',
          data: {
            metric: 'first_reply_hours',
            segment: 'smb',
            value: 7.1,
            target: 4,
            targetText: '<= 4h',
            op: '<=',
            unit: 'hours',
            attainment: 4 / 7.1,
          },
        },
      ]);
      expect(
        runRule(rule, {
          touchpoints: [perTier()],
          metrics: metricsOf([
            {
              touchpoint: 'support-ticket',
              metric: 'first_reply_hours',
              value: 30,
              segments: { smb: { value: 7.1, rows: 19 }, scale: { value: 50, rows: 3 } },
            },
          ]),
        }),
      ).toEqual([
        {
          message: 'first_reply_hours for scale is 50 h, target <= 48 h (attainment 96%)',
          touchpoint: 'support-ticket',
          field: 'metric.target.scale',
          location: { file: 'touchpoints.yaml', line: 12, column: 9 },
        },
        {
          message: 'first_reply_hours for smb is 7 h 6 min, target <= 4 h (attainment 56%)',
          touchpoint: 'support-ticket',
          field: 'metric.target.smb',
          location: { file: 'touchpoints.yaml', line: 11, column: 9 },
        },
      ]);
    });

    it('judges data without segments pooled, against the default', () => {
      const metrics = metricsOf([
        { touchpoint: 'support-ticket', metric: 'first_reply_hours', value: 50 },
      ]);
      expect(runRule(rule, { touchpoints: [perTier()], metrics })).toEqual([
        {
          message: 'first_reply_hours is 50 h, target <= 48 h (attainment 96%)',
          touchpoint: 'support-ticket',
          field: 'metric.target.default',
          location: { file: 'touchpoints.yaml', line: 12, column: 9 },
        },
      ]);
      const noDefault = perTier();
      if (noDefault.metric !== undefined) delete noDefault.metric.target;
      expect(runRule(rule, { touchpoints: [noDefault], metrics })).toEqual([]);
    });

    it('keeps a single target pooled even when the data has segments', () => {
      const reports = runRule(rule, {
        touchpoints: [touchpoint('a', 1, { name: 'm', target: '<= 4', unit: 'hours' })],
        metrics: metricsOf([
          { touchpoint: 'a', metric: 'm', value: 3, segments: { smb: { value: 9, rows: 1 } } },
        ]),
      });
      expect(reports).toEqual([]);
    });
  });
});
