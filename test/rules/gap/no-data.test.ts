import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/gap/no-data.js';
import { metricsOf, runRule, touchpoint } from '../../metrics/rule-harness.js';

const LINES = { 'welcome-email': 17, 'kickoff-call': 37 } as const;

/** A gap/no-data finding at the touchpoint's metric in touchpoints.yaml. */
const finding = (touchpoint: keyof typeof LINES, message: string) => ({
  message,
  touchpoint,
  field: 'metric',
  location: { file: 'touchpoints.yaml', line: LINES[touchpoint], column: 13 },
});

const NONE = { unreadableDate: 0, unreadableValue: 0, empty: 0, afterAsOf: 0, beforePeriod: 0 };

const tps = () => [
  touchpoint('welcome-email', 10, { name: 'open_rate', target: '>= 0.35' }),
  touchpoint('kickoff-call', 30, { name: 'attendance_rate', target: '>= 0.9' }),
  touchpoint('qbr', 50),
];

describe('gap/no-data', () => {
  it('has meta', () => {
    expect(rule.meta.id).toBe('gap/no-data');
    expect(rule.meta.defaultSeverity).toBe('warning');
    expect(rule.phase).toBe('audit');
  });

  it('does nothing when no metric exports were given', () => {
    expect(runRule(rule, { touchpoints: tps() })).toEqual([]);
  });

  it.each([
    {
      name: 'every metric has rows',
      values: [
        { touchpoint: 'welcome-email', metric: 'open_rate', value: 0.4 },
        { touchpoint: 'kickoff-call', metric: 'attendance_rate', value: 0.95 },
      ],
      expected: [],
    },
    {
      name: 'rows only older than the freshness window are for gap/stale-data to explain (it names the latest)',
      values: [
        {
          touchpoint: 'welcome-email',
          metric: 'open_rate',
          rows: 0,
          latestDate: '2025-01-01',
          unused: { ...NONE, beforePeriod: 4 },
        },
        { touchpoint: 'kickoff-call', metric: 'Attendance Rate', value: 0.95 },
      ],
      expected: [],
    },
    {
      name: 'a touchpoint absent from the exports, one with other metrics only, one with empty cells only',
      values: [
        { touchpoint: 'kickoff-call', metric: 'show_rate', value: 0.8 },
        { touchpoint: 'kickoff-call', metric: 'duration', value: 30 },
        { touchpoint: 'welcome-email', metric: 'open_rate', rows: 0 },
      ],
      expected: [
        finding(
          'welcome-email',
          'welcome-email has rows for metric open_rate but no values (only empty or N/A cells, or rows dated after the audit period)',
        ),
        finding(
          'kickoff-call',
          'kickoff-call has no rows for metric attendance_rate; the exports only have duration, show_rate for it',
        ),
      ],
    },
    {
      name: 'no rows at all',
      values: [],
      expected: [
        finding(
          'welcome-email',
          'welcome-email has no rows in the metric exports (expected metric open_rate)',
        ),
        finding(
          'kickoff-call',
          'kickoff-call has no rows in the metric exports (expected metric attendance_rate)',
        ),
      ],
    },
    {
      name: 'rows that exist but none usable say why, with the first of them',
      values: [
        {
          touchpoint: 'welcome-email',
          metric: 'open_rate',
          rows: 0,
          line: 2,
          unused: { ...NONE, unreadableDate: 37 },
        },
        {
          touchpoint: 'kickoff-call',
          metric: 'attendance_rate',
          rows: 0,
          line: 9,
          latestDate: '2026-03-20',
          unused: { ...NONE, unreadableValue: 2, empty: 1, afterAsOf: 3, beforePeriod: 1 },
        },
      ],
      expected: [
        finding(
          'welcome-email',
          'welcome-email has 37 rows for metric open_rate, all with dates that could not be read; first at line 2 of metrics.csv',
        ),
        finding(
          'kickoff-call',
          'kickoff-call has 7 rows for metric attendance_rate and none usable: 2 with values that could not be read, 1 empty or N/A, 3 dated after the as-of date 2026-03-31, 1 dated before the period; first at line 9 of metrics.csv',
        ),
      ],
    },
    {
      name: 'one row dated after the as-of date',
      values: [
        {
          touchpoint: 'welcome-email',
          metric: 'open_rate',
          rows: 0,
          line: 4,
          unused: { ...NONE, afterAsOf: 1 },
        },
        { touchpoint: 'kickoff-call', metric: 'attendance_rate', value: 0.95 },
      ],
      expected: [
        finding(
          'welcome-email',
          'welcome-email has 1 row for metric open_rate, dated after the as-of date 2026-03-31, at line 4 of metrics.csv',
        ),
      ],
    },
  ])('$name', ({ values, expected }) => {
    expect(runRule(rule, { touchpoints: tps(), metrics: metricsOf(values) })).toEqual(expected);
  });

  const before = (latestDate: string) =>
    metricsOf([
      {
        touchpoint: 'welcome-email',
        metric: 'open_rate',
        rows: 0,
        line: 5,
        latestDate,
        unused: { ...NONE, beforePeriod: 4 },
      },
      { touchpoint: 'kickoff-call', metric: 'attendance_rate', value: 0.95 },
    ]);
  const beforeFinding = finding(
    'welcome-email',
    'welcome-email has 4 rows for metric open_rate, all dated before the period; first at line 5 of metrics.csv',
  );

  it('explains rows before a period shorter than the freshness window (they are not stale)', () => {
    // --since 2026-03-25 with freshness 30d: 2026-03-20 is recent, yet outside the period.
    expect(runRule(rule, { touchpoints: tps(), metrics: before('2026-03-20') })).toEqual([
      beforeFinding,
    ]);
  });

  it('explains old rows itself when gap/stale-data is off', () => {
    const config = { rules: { 'gap/stale-data': 'off' as const } };
    expect(runRule(rule, { touchpoints: tps(), metrics: before('2025-01-01'), config })).toEqual([
      beforeFinding,
    ]);
    expect(runRule(rule, { touchpoints: tps(), metrics: before('2025-01-01') })).toEqual([]);
  });
});
