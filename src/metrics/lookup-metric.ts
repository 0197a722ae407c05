import { normaliseMetricName } from './detect-format.js';
import { metricKey, type MetricsResult, type MetricValue } from './types.js';

const indexes = new WeakMap<MetricsResult, Map<string, MetricValue>>();

/**
 * The aggregated value of a touchpoint's metric. Exact key first; then case- and
 * spacing-insensitive, for results read without the inventory (`Open Rate` finds `open_rate`).
 */
export function lookupMetric(
  metrics: MetricsResult,
  touchpoint: string,
  metric: string,
): MetricValue | undefined {
  const exact = metrics.values.get(metricKey(touchpoint, metric));
  if (exact !== undefined) return exact;
  let index = indexes.get(metrics);
  if (index === undefined) {
    index = new Map();
    for (const value of metrics.values.values()) {
      const key = metricKey(value.touchpoint, normaliseMetricName(value.metric));
      if (!index.has(key)) index.set(key, value);
    }
    indexes.set(metrics, index);
  }
  return index.get(metricKey(touchpoint, normaliseMetricName(metric)));
}

/** The metric names the exports hold for a touchpoint, sorted. */
export function metricsOf(metrics: MetricsResult, touchpoint: string): string[] {
  const names: string[] = [];
  for (const value of metrics.values.values())
    if (value.touchpoint === touchpoint) names.push(value.metric);
  return names.sort();
}
