import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/gap/stale-data.js';
import { metricsOf, runRule, touchpoint } from '../../metrics/rule-harness.js';

describe('gap/stale-data', () => {
  it('has meta', () => {
    expect(rule.meta.id).toBe('gap/stale-data');
    expect(rule.meta.defaultSeverity).toBe('warning');
  });

  it.each([
    { latestDate: '2026-03-31', freshness: 30 },
    { latestDate: '2026-03-01', freshness: 30 },
    { latestDate: '2026-04-15', freshness: 30 },
    { latestDate: undefined, freshness: 30 },
    {
      latestDate: '2026-02-28',
      freshness: 30,
      message:
        'the latest open_rate row is from 2026-02-28, 31 days before 2026-03-31 (freshness window 30 days)',
    },
    { latestDate: '2026-01-01', freshness: 90 },
    {
      latestDate: '2025-12-01',
      freshness: 90,
      message:
        'the latest open_rate row is from 2025-12-01, 120 days before 2026-03-31 (freshness window 90 days)',
    },
  ])('latest row $latestDate, freshness $freshness', ({ latestDate, freshness, message }) => {
    const reports = runRule(rule, {
      touchpoints: [touchpoint('welcome-email', 10, { name: 'open_rate', target: '>= 0.35' })],
      metrics: metricsOf([
        {
          touchpoint: 'welcome-email',
          metric: 'open_rate',
          value: 0.4,
          ...(latestDate ? { latestDate } : {}),
        },
      ]),
      config: { freshness },
      asOf: '2026-03-31',
    });
    expect(reports).toEqual(
      message === undefined
        ? []
        : [
            {
              message,
              touchpoint: 'welcome-email',
              field: 'metric',
              location: { file: 'touchpoints.yaml', line: 17, column: 13 },
            },
          ],
    );
  });

  it('does nothing without metric exports or without data for the touchpoint', () => {
    const touchpoints = [touchpoint('a', 1, { name: 'm' }), touchpoint('b', 20)];
    expect(runRule(rule, { touchpoints })).toEqual([]);
    expect(runRule(rule, { touchpoints, metrics: metricsOf([]) })).toEqual([]);
  });
});
