import type { Finding, Location } from '../types.js';

/** One touchpoint's metric, aggregated over the observation period. */
export interface MetricValue {
  touchpoint: string;
  metric: string;
  /** Mean of the values inside the period; undefined when no row falls inside it. */
  value?: number;
  /** Rows inside the period. */
  rows: number;
  /** Date (YYYY-MM-DD) of the latest row, in or out of the period; undefined for undated rows. */
  latestDate?: string;
  /** The first row that mentions this touchpoint and metric. */
  location: Location;
}

export interface IdSighting {
  rows: number;
  /** The first CSV row mentioning the id. */
  location: Location;
}

export interface MetricsResult {
  files: string[];
  /** Keyed `${touchpoint}\u0000${metric}`; use `metricKey`. */
  values: Map<string, MetricValue>;
  /** Every touchpoint id seen in the exports (after aliases), with how often and where first. */
  ids: Map<string, IdSighting>;
  /** `metrics/bad-row` and `metrics/unknown-column` findings from reading. */
  findings: Finding[];
  /** The period the values cover (inclusive ISO dates); undefined when the data has no dates. */
  since?: string;
  asOf?: string;
  /** Rows read, used and skipped (empty or N/A cells). */
  stats: { rows: number; used: number; skipped: number; bad: number };
}

export function metricKey(touchpoint: string, metric: string): string {
  return `${touchpoint}\u0000${metric}`;
}
