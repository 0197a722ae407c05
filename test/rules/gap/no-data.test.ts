import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/gap/no-data.js';
import { metricsOf, runRule, touchpoint } from '../../metrics/rule-harness.js';

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
      name: 'rows only outside the period still count as data (that is gap/stale-data)',
      values: [
        { touchpoint: 'welcome-email', metric: 'open_rate', rows: 0, latestDate: '2025-01-01' },
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
        {
          message:
            'welcome-email has rows for metric open_rate but no values (only empty or N/A cells, or rows dated after the audit period)',
          touchpoint: 'welcome-email',
          field: 'metric',
          location: { file: 'touchpoints.yaml', line: 17, column: 13 },
        },
        {
          message:
            'kickoff-call has no rows for metric attendance_rate; the exports only have duration, show_rate for it',
          touchpoint: 'kickoff-call',
          field: 'metric',
          location: { file: 'touchpoints.yaml', line: 37, column: 13 },
        },
      ],
    },
    {
      name: 'no rows at all',
      values: [],
      expected: [
        {
          message: 'welcome-email has no rows in the metric exports (expected metric open_rate)',
          touchpoint: 'welcome-email',
          field: 'metric',
          location: { file: 'touchpoints.yaml', line: 17, column: 13 },
        },
        {
          message:
            'kickoff-call has no rows in the metric exports (expected metric attendance_rate)',
          touchpoint: 'kickoff-call',
          field: 'metric',
          location: { file: 'touchpoints.yaml', line: 37, column: 13 },
        },
      ],
    },
  ])('$name', ({ values, expected }) => {
    expect(runRule(rule, { touchpoints: tps(), metrics: metricsOf(values) })).toEqual(expected);
  });
});
