import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/metrics/duplicate-column.js';
import { metricKey } from '../../../src/metrics/types.js';
import { readWithConfig } from '../../metrics/mapping-harness.js';
import { runRule } from '../../metrics/rule-harness.js';

const LONG = 'test/fixtures/metrics/duplicate-columns/two-dates.csv';
const WIDE = 'test/fixtures/metrics/duplicate-columns/wide-twice.csv';

describe('metrics/duplicate-column', () => {
  it('is a warning of the audit phase', () => {
    expect(rule.meta.defaultSeverity).toBe('warning');
    expect(rule.phase).toBe('audit');
  });

  it('reports two Date columns at the header, and dates rows by the first one only', async () => {
    const metrics = await readWithConfig([LONG], '');
    expect(runRule(rule, { touchpoints: [], metrics })).toEqual([
      {
        message:
          'the header names column "date" twice (columns 4 and 5): values are read from column 4 only',
        location: { file: LONG, line: 1, column: 1, path: 'date' },
      },
    ]);
    expect(metrics.values.get(metricKey('welcome-email', 'open_rate'))).toMatchObject({
      value: 0.5,
      rows: 2,
      latestDate: '2026-04-02',
    });
  });

  it('reads a metric column named twice in a wide file once, not twice', async () => {
    const metrics = await readWithConfig([WIDE], '');
    expect(runRule(rule, { touchpoints: [], metrics })).toEqual([
      {
        message:
          'the header names column "Open Rate" twice (columns 3 and 4): values are read from column 3 only',
        location: { file: WIDE, line: 1, column: 1, path: 'Open Rate' },
      },
    ]);
    expect(metrics.values.get(metricKey('welcome-email', 'open_rate'))).toMatchObject({
      value: 0.4,
      rows: 1,
    });
  });

  it('is silent for a header without repeats', async () => {
    const metrics = await readWithConfig(['examples/b2b-saas/metrics/crm-export.csv'], '');
    expect(runRule(rule, { touchpoints: [], metrics })).toEqual([]);
  });
});
