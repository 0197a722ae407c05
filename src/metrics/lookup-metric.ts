import type { Config } from '../config/config.js';
import { normaliseMetricName } from './detect-format.js';
import { parseDay } from './parse-date.js';
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

/**
 * A metric whose rows are all before the period and older than the freshness window:
 * `gap/stale-data` explains its missing evidence (naming the latest date), not `gap/no-data`
 * — unless stale-data is off, when no-data says why instead of nothing saying it.
 */
export function explainedAsStale(
  found: MetricValue,
  asOf: string | undefined,
  config: Pick<Config, 'freshness' | 'rules'>,
): boolean {
  if (found.rows > 0 || found.latestDate === undefined || asOf === undefined) return false;
  if (config.rules['gap/stale-data'] === 'off') return false;
  return parseDay(asOf) - parseDay(found.latestDate) > config.freshness;
}
