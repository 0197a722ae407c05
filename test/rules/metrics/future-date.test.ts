import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/config/config.js';
import { metricPeriodOrThrow } from '../../../src/metrics/period.js';
import { readMetrics } from '../../../src/metrics/read-metrics.js';
import { metricKey } from '../../../src/metrics/types.js';
import rule from '../../../src/rules/metrics/future-date.js';
import { runRule } from '../../metrics/rule-harness.js';

const FILE = 'test/fixtures/metrics/future-dates.csv';
const read = (asOf: string) =>
  readMetrics([FILE], {
    config: defaultConfig(),
    period: metricPeriodOrThrow({ days: 90, asOf }),
  });

describe('metrics/future-date', () => {
  it('is a warning of the audit phase', () => {
    expect(rule.meta.id).toBe('metrics/future-date');
    expect(rule.meta.defaultSeverity).toBe('warning');
    expect(rule.phase).toBe('audit');
  });

  it('reports the rows after the as-of date once per file, with the count and the first line', async () => {
    const metrics = await read('2026-11-15');
    const reports = runRule(rule, { touchpoints: [], metrics });
    expect(reports).toEqual([
      {
        message:
          '2 rows are dated after the as-of date 2026-11-15 (latest 2962-11-02, first at line 3) and not used',
        location: { file: FILE, line: 3, column: 1 },
      },
    ]);
    // A mistyped 2962 never moves the period: the real rows are the evidence.
    const value = metrics.values.get(metricKey('welcome', 'open_rate'));
    expect(value?.rows).toBe(2);
    expect(value?.value).toBeCloseTo(0.35, 12);
    expect(metrics.since).toBe('2026-08-18');
    expect(metrics.asOf).toBe('2026-11-15');
  });

  it('is silent when no row is after the as-of date', async () => {
    const metrics = await readMetrics([FILE], {
      config: defaultConfig(),
      period: metricPeriodOrThrow({ days: 90, since: '2026-01-01', asOf: '2999-12-31' }),
    });
    expect(runRule(rule, { touchpoints: [], metrics })).toEqual([]);
  });
});
