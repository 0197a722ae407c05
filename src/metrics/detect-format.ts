import { loadPicomatch } from '../text/load-picomatch.js';
import type { MetricSource } from '../config/config.js';
import type { Location } from '../types.js';
import { compileSources, mapsColumns, type CompiledEntry } from './mapping/compile.js';
import type { FileProblem, SourceProblem } from './problems.js';

/** Header name as compared: no BOM, trimmed, lower-case, runs of spaces and dashes as `_`. */
export function normaliseColumn(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** Metric names join case- and spacing-insensitively: `Open Rate` finds `open_rate`. */
export const normaliseMetricName = normaliseColumn;

const ID_COLUMNS = ['touchpoint_id', 'touchpoint'];
const METRIC_COLUMNS = ['metric', 'metric_name'];
const VALUE_COLUMNS = ['value'];
const DATE_COLUMNS = ['date'];
const SEGMENT_COLUMNS = ['segment'];

/** How to read one file's rows, by 0-based column index. */
export type Layout =
  | {
      kind: 'long';
      id: number;
      metric: number;
      value: number;
      date?: number;
      segment?: number;
    }
  | {
      kind: 'wide';
      id: number;
      date?: number;
      segment?: number;
      /** Metric columns: index and metric name as written in the header (trimmed). */
      metrics: { index: number; name: string }[];
    }
  | {
      kind: 'mapped';
      /** Every `sources:` entry that maps the file, resolved against its header. */
      entries: CompiledEntry[];
      /** The first entry's date column: the one whose values settle the file's date order. */
      date?: number;
      /** What is wrong with the entries themselves (two giving one metric). */
      problems: { problem: SourceProblem; at?: Location }[];
    };

export type Detection = { ok: true; layout: Layout } | { ok: false; problem: FileProblem };

/** Problems keep the first few names of a header (it may be huge) and how many there are. */
const HEADER_NAMES_KEPT = 8;

function headerFacts(header: readonly string[]): { header: string[]; columns: number } {
  return { header: header.slice(0, HEADER_NAMES_KEPT), columns: header.length };
}

function findColumn(
  normalised: readonly string[],
  candidates: readonly string[],
): number | undefined {
  for (const candidate of candidates) {
    const i = normalised.indexOf(candidate);
    if (i >= 0) return i;
  }
  return undefined;
}

/** Header cells whose names compare equal to an earlier cell's, with both 0-based indexes. */
export function duplicateColumns(
  header: readonly string[],
): { name: string; first: number; second: number }[] {
  const seen = new Map<string, number>();
  const duplicates: { name: string; first: number; second: number }[] = [];
  header.forEach((name, index) => {
    const key = normaliseColumn(name);
    if (key === '') return;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else duplicates.push({ name: name.replace(/^\uFEFF/, '').trim(), first, second: index });
  });
  return duplicates;
}

function looksLikeData(header: readonly string[]): boolean {
  return header.some((cell) => cell.length < 64 && /^[-+]?\d[\d.,]*%?$/.test(cell.trim()));
}

/** The first `sources:` entry whose `match` glob fits the file's base name. */
export function findSource(
  baseName: string,
  sources: readonly MetricSource[],
): MetricSource | undefined {
  return sources.find((s) => loadPicomatch().isMatch(baseName, s.match, { dot: true }));
}

/** Every `sources:` entry whose `match` glob fits the file's base name, in config order. */
export function matchingSources(
  baseName: string,
  sources: readonly MetricSource[],
): MetricSource[] {
  return sources.filter((s) => loadPicomatch().isMatch(baseName, s.match, { dot: true }));
}

/**
 * Decides how to read a file from its header: the `sources:` entries that map columns and whose
 * `match` glob fits the file's base name win (all of them apply); then the long format (`touchpoint_id, metric, value`); then the wide
 * format (`touchpoint_id` plus metric columns).
 */
export function detectFormat(
  header: readonly string[],
  baseName: string,
  sources: readonly MetricSource[],
): Detection {
  const normalised = header.map(normaliseColumn);
  const mapping = matchingSources(baseName, sources).filter(mapsColumns);
  if (mapping.length > 0) {
    const compiled = compileSources(mapping, header, baseName);
    if (!compiled.ok) return compiled;
    const first = compiled.entries[0]?.date;
    return {
      ok: true,
      layout: {
        kind: 'mapped',
        entries: compiled.entries,
        problems: compiled.problems,
        ...(first === undefined ? {} : { date: first }),
      },
    };
  }

  const id = findColumn(normalised, ID_COLUMNS);
  const metric = findColumn(normalised, METRIC_COLUMNS);
  const value = findColumn(normalised, VALUE_COLUMNS);
  const date = findColumn(normalised, DATE_COLUMNS);
  const segment = findColumn(normalised, SEGMENT_COLUMNS);
  const optional = {
    ...(date === undefined ? {} : { date }),
    ...(segment === undefined ? {} : { segment }),
  };
  if (id !== undefined && metric !== undefined && value !== undefined) {
    return { ok: true, layout: { kind: 'long', id, metric, value, ...optional } };
  }
  if (id !== undefined) {
    // A repeated name is read from its first column only (metrics/duplicate-column says so).
    const reserved = new Set([id, date, segment, metric, value]);
    const named = new Set<string>();
    const metrics: { index: number; name: string }[] = [];
    header.forEach((name, index) => {
      const trimmed = name.replace(/^\uFEFF/, '').trim();
      const key = normalised[index] ?? '';
      if (reserved.has(index) || trimmed === '' || named.has(key)) return;
      named.add(key);
      metrics.push({ index, name: trimmed });
    });
    if (metrics.length > 0) return { ok: true, layout: { kind: 'wide', id, metrics, ...optional } };
    return { ok: false, problem: { kind: 'no-metric-columns', ...headerFacts(header) } };
  }
  return {
    ok: false,
    problem: {
      kind: 'unknown-format',
      ...headerFacts(header),
      baseName,
      looksLikeData: looksLikeData(header),
    },
  };
}
