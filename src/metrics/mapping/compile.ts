import type { CellValues, ColumnUnit, MetricMapping, MetricSource } from '../../config/config.js';
import type { Unit } from '../../types.js';
import { normaliseColumn, normaliseMetricName } from '../detect-format.js';
import type { FileProblem, SourceProblem } from '../problems.js';
import type { Location } from '../../types.js';
import { normaliseName } from './aliases.js';

/** A column index, or one fixed value for every row. */
export type ColumnOrFixed = { index: number } | { fixed: string };

/** Rows kept: the cell in `index`, normalised, is one of `values`. */
export interface CompiledFilter {
  index: number;
  values: ReadonlySet<string>;
}

/** How one metric's (a, b) pair comes from a row: the value is Σa / Σb (or Σa for totals). */
export type MetricReading =
  | { kind: 'value'; index: number }
  | { kind: 'ratio'; numerator: number; denominator: number }
  | { kind: 'mean' | 'sum'; index: number }
  | { kind: 'quantile'; q: number; index: number }
  | { kind: 'count'; index?: number }
  | { kind: 'share'; index: number; in: ReadonlySet<string>; of?: ReadonlySet<string> };

export interface CompiledMetric {
  /** The metric name, or the column holding it (`metricColumn`). */
  name: { text: string } | { index: number };
  reading: MetricReading;
  /** `scale:` (1 without). */
  scale: number;
  unit?: ColumnUnit;
  filters: CompiledFilter[];
}

/** One `sources:` entry resolved against a file's header. */
export interface CompiledEntry {
  source: MetricSource;
  touchpoint: ColumnOrFixed;
  segment?: ColumnOrFixed;
  date?: number;
  filters: CompiledFilter[];
  metrics: CompiledMetric[];
}

export type Compilation =
  | { ok: true; entries: CompiledEntry[]; problems: { problem: SourceProblem; at?: Location }[] }
  | { ok: false; problem: FileProblem };

/** True when a `sources:` entry maps columns (rather than only giving reading options). */
export function mapsColumns(source: MetricSource): boolean {
  return source.touchpoint !== undefined || source.metrics !== undefined;
}

/** A configured cell value as compared: `Yes`, `yes ` and `YES` are one. */
export function normaliseCell(text: string): string {
  return normaliseName(text);
}

function valueSet(values: CellValues): Set<string> {
  const list = Array.isArray(values) ? values : [values];
  return new Set(list.map((v) => normaliseCell(String(v))));
}

/** The legacy one-metric form (`metric`/`metricColumn` with `value`/`ratio`) as a metrics list. */
function legacyMetric(source: MetricSource): MetricMapping | 'metric' | 'value' | undefined {
  if (source.metrics !== undefined) return undefined;
  const name = source.metric ?? source.metricColumn;
  if (name === undefined) return 'metric';
  if (source.value === undefined && source.ratio === undefined) return 'value';
  const mapping: MetricMapping = { metric: name };
  if (source.value !== undefined) mapping.value = source.value;
  else if (source.ratio !== undefined) mapping.ratio = source.ratio;
  if (source.scale !== undefined) mapping.scale = source.scale;
  if (source.unit !== undefined) mapping.unit = source.unit;
  return mapping;
}

const QUANTILES = { median: 0.5, p90: 0.9 } as const;

/**
 * Resolves the `sources:` entries that map a file against its header: column names to indices
 * (compared as `normaliseColumn` does), values to sets. A missing column or an incomplete entry
 * is a file problem; two entries giving the same metric are a problem each, the first one read.
 */
export function compileSources(
  sources: readonly MetricSource[],
  header: readonly string[],
  baseName: string,
): Compilation {
  const normalised = header.map(normaliseColumn);
  const entries: CompiledEntry[] = [];
  const problems: { problem: SourceProblem; at?: Location }[] = [];
  const owner = new Map<string, MetricSource>();
  for (const source of sources) {
    const missing: string[] = [];
    const need = (name: string): number => {
      const i = normalised.indexOf(normaliseColumn(name));
      if (i < 0 && !missing.includes(name)) missing.push(name);
      return i;
    };
    const columnOrFixed = (
      spec: MetricSource['touchpoint'] | MetricSource['segment'],
    ): ColumnOrFixed | undefined => {
      if (spec === undefined) return undefined;
      if (typeof spec === 'string') return { index: need(spec) };
      if ('id' in spec) return { fixed: spec.id };
      return { index: need(spec.column) };
    };
    const filters = (filter: Record<string, CellValues> | undefined): CompiledFilter[] =>
      Object.entries(filter ?? {}).map(([column, values]) => ({
        index: need(column),
        values: valueSet(values),
      }));
    const touchpoint = columnOrFixed(source.touchpoint);
    if (touchpoint === undefined) {
      return {
        ok: false,
        problem: { kind: 'mapping-incomplete', match: source.match, lacks: 'touchpoint' },
      };
    }
    const legacy = legacyMetric(source);
    if (legacy === 'metric' || legacy === 'value') {
      return {
        ok: false,
        problem: { kind: 'mapping-incomplete', match: source.match, lacks: legacy },
      };
    }
    const mappings = legacy === undefined ? (source.metrics ?? []) : [legacy];
    const metrics: CompiledMetric[] = [];
    for (const mapping of mappings) {
      const metric = compileMetric(mapping, source, need);
      if (metric === undefined) {
        return {
          ok: false,
          problem: { kind: 'mapping-incomplete', match: source.match, lacks: 'value' },
        };
      }
      if ('text' in metric.name) {
        const key = normaliseMetricName(metric.name.text);
        const first = owner.get(key);
        if (first !== undefined) {
          const problem: SourceProblem = {
            kind: 'duplicate-source',
            baseName,
            metric: metric.name.text,
            first: first.match,
            second: source.match,
          };
          problems.push(
            source.location === undefined ? { problem } : { problem, at: source.location },
          );
          continue;
        }
        owner.set(key, source);
      }
      metrics.push(metric);
    }
    const segment = columnOrFixed(source.segment);
    const date = source.date === undefined ? undefined : need(source.date);
    const entry: CompiledEntry = {
      source,
      touchpoint,
      filters: filters(source.filter),
      metrics,
    };
    if (segment !== undefined) entry.segment = segment;
    if (date !== undefined) entry.date = date;
    if (missing.length > 0) {
      return {
        ok: false,
        problem: { kind: 'mapping-missing-columns', match: source.match, missing },
      };
    }
    entries.push(entry);
  }
  return { ok: true, entries, problems };
}

function compileMetric(
  mapping: MetricMapping,
  source: MetricSource,
  need: (name: string) => number,
): CompiledMetric | undefined {
  const name: CompiledMetric['name'] =
    source.metrics === undefined && source.metric === undefined && source.metricColumn !== undefined
      ? { index: need(source.metricColumn) }
      : { text: mapping.metric };
  let reading: MetricReading | undefined;
  if (mapping.value !== undefined) reading = { kind: 'value', index: need(mapping.value) };
  else if (mapping.ratio !== undefined)
    reading = {
      kind: 'ratio',
      numerator: need(mapping.ratio.numerator),
      denominator: need(mapping.ratio.denominator),
    };
  else if (mapping.aggregate !== undefined) {
    const aggregate = mapping.aggregate;
    switch (aggregate.fn) {
      case 'mean':
      case 'sum':
        reading = { kind: aggregate.fn, index: need(aggregate.column) };
        break;
      case 'median':
      case 'p90':
        reading = { kind: 'quantile', q: QUANTILES[aggregate.fn], index: need(aggregate.column) };
        break;
      case 'count':
        reading =
          aggregate.column === undefined
            ? { kind: 'count' }
            : { kind: 'count', index: need(aggregate.column) };
        break;
      case 'share': {
        const share: MetricReading = {
          kind: 'share',
          index: need(aggregate.column),
          in: valueSet(aggregate.where.in),
        };
        if (aggregate.where.of !== undefined) share.of = valueSet(aggregate.where.of);
        reading = share;
        break;
      }
    }
  }
  if (reading === undefined) return undefined;
  const metric: CompiledMetric = {
    name,
    reading,
    scale: mapping.scale ?? 1,
    filters: Object.entries(mapping.filter ?? {}).map(([column, values]) => ({
      index: need(column),
      values: valueSet(values),
    })),
  };
  if (mapping.unit !== undefined) metric.unit = mapping.unit;
  return metric;
}

const SECONDS: Partial<Record<Unit | ColumnUnit, number>> = {
  seconds: 1,
  minutes: 60,
  hours: 3600,
  days: 86400,
};

/**
 * The factor turning a value in the column's unit into the metric's unit: time units into each
 * other, percent and ratio into each other; 1 when either is unknown or they do not convert.
 */
export function unitFactor(column: ColumnUnit | undefined, metric: Unit | undefined): number {
  if (column === undefined || metric === undefined || column === metric) return 1;
  const from = SECONDS[column];
  const to = SECONDS[metric];
  if (from !== undefined && to !== undefined) return from / to;
  if (column === 'percent' && metric === 'ratio') return 0.01;
  if (column === 'ratio' && metric === 'percent') return 100;
  return 1;
}
