import type { FileDescription } from '../report.js';
import type { Location } from '../types.js';
import type { MetricProblem } from './problems.js';

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
  /** The value per segment, when rows name one (sorted by segment); `value` pools them all. */
  segments?: Record<string, SegmentValue>;
  /** Rows of this touchpoint and metric that were not used, by why. */
  unused?: UnusedRows;
}

/** One segment's share of a metric value. */
export interface SegmentValue {
  value?: number;
  rows: number;
}

/** Why rows of one touchpoint's metric were not used: how many for each reason. */
export interface UnusedRows {
  /** Bad rows: the date cell could not be read. */
  unreadableDate: number;
  /** Bad rows: the value cell could not be read (the date could). */
  unreadableValue: number;
  /** Empty or `N/A` values (and zero denominators). */
  empty: number;
  /** Dated after the as-of date. */
  afterAsOf: number;
  /** Dated before the period's first day. */
  beforePeriod: number;
}

/** Rows of a metric that were not used, whatever the reason. */
export function unusedCount(unused: UnusedRows | undefined): number {
  if (unused === undefined) return 0;
  return (
    unused.unreadableDate +
    unused.unreadableValue +
    unused.empty +
    unused.afterAsOf +
    unused.beforePeriod
  );
}

/**
 * Rows naming ids that are not in the inventory, past the first {@link UntrackedIds.limit}
 * such ids: counted per shape of id, never kept one by one, so memory follows the inventory,
 * not the export.
 */
export interface UntrackedIds {
  /** How many distinct ids not in the inventory were kept one by one before counting began. */
  limit: number;
  /** Per shape of id (`promo-*`, see idPattern), in order of first row; `pattern` absent for the rest. */
  groups: UntrackedGroup[];
}

export interface UntrackedGroup {
  pattern?: string;
  /** Rows naming such ids. */
  rows: number;
  /** The first of those rows. */
  location: Location;
  /** The first few distinct ids, in order of first row. */
  examples: string[];
}

export interface IdSighting {
  /** Rows naming the id, usable or not. */
  rows: number;
  /** The first CSV row mentioning the id. */
  location: Location;
  /** Rows naming the id that could not be used (bad rows), and the first of them. */
  rejected?: { rows: number; location: Location };
}

/** Row counts, per file and over all files. */
export interface RowStats {
  /** Data rows read (after the header). */
  rows: number;
  /** Rows (or wide-format cells) whose value was read, dated at or before the period's end. */
  used: number;
  /** Empty or N/A values: skipped without a problem. */
  skipped: number;
  /** Bad rows (each a `metrics/bad-row` problem, past the cap summarised). */
  bad: number;
  /** Values dated after the period's end (the as-of date): counted, not used. */
  afterAsOf: number;
  /** Totals rows (every key cell empty) closing a table: left out, never bad rows. */
  totals: number;
}

/** What was read from one file. */
export interface FileRead extends RowStats {
  file: string;
  /** Values of `used` dated inside the period (undated ones too). */
  inPeriod: number;
  /** The first and last day (days since 1970) of the file's dated values, as-of or after. */
  firstDay?: number;
  lastDay?: number;
}

export interface MetricsResult {
  files: string[];
  /** Per file, in reading order. */
  reads: FileRead[];
  /** Keyed `${touchpoint}\u0000${metric}`; use `metricKey`. */
  values: Map<string, MetricValue>;
  /** Every touchpoint id seen in the exports (after aliases), with how often and where first. */
  ids: Map<string, IdSighting>;
  /** Per file, in reading order: how it was read (encoding, header, columns, rows). */
  descriptions: FileDescription[];
  /** Ids not in the inventory past the first thousand: only summarised (absent when none). */
  untracked?: UntrackedIds;
  /** What was wrong in the files, as facts; the `metrics/*` rules make findings of them. */
  problems: MetricProblem[];
  /** The period the values cover (inclusive ISO dates); undefined when the data has no dates. */
  since?: string;
  asOf?: string;
  /** Over all files. */
  stats: RowStats;
}

export function metricKey(touchpoint: string, metric: string): string {
  return `${touchpoint}\u0000${metric}`;
}
