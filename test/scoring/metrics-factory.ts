import {
  metricKey,
  type MetricsResult,
  type MetricValue,
  type SegmentValue,
} from '../../src/metrics/types.js';

export interface ValueInput {
  touchpoint: string;
  metric: string;
  value?: number;
  latestDate?: string;
  rows?: number;
  segments?: Record<string, SegmentValue>;
}

/** A MetricsResult holding exactly the given aggregated values. */
export function metricsResult(values: ValueInput[], asOf = '2026-11-01'): MetricsResult {
  const map = new Map<string, MetricValue>();
  values.forEach((input, index) => {
    map.set(metricKey(input.touchpoint, input.metric), {
      touchpoint: input.touchpoint,
      metric: input.metric,
      ...(input.value === undefined ? {} : { value: input.value }),
      rows: input.rows ?? (input.value === undefined ? 0 : 3),
      ...(input.latestDate === undefined ? {} : { latestDate: input.latestDate }),
      ...(input.segments === undefined ? {} : { segments: input.segments }),
      location: { file: 'metrics.csv', line: index + 2, column: 1 },
    });
  });
  return {
    files: ['metrics.csv'],
    reads: [],
    descriptions: [],
    values: map,
    ids: new Map(
      values.map((v, i) => [
        v.touchpoint,
        { rows: 3, location: { file: 'metrics.csv', line: i + 2, column: 1 } },
      ]),
    ),
    problems: [],
    since: '2026-08-04',
    asOf,
    stats: {
      rows: values.length * 3,
      used: values.length * 3,
      skipped: 0,
      bad: 0,
      afterAsOf: 0,
      totals: 0,
    },
  };
}
