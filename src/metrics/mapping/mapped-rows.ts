import type { Aggregator, IdEntry, Series } from '../aggregate.js';
import { isMissingCell } from '../parse-number.js';
import type { CellProblem } from '../problems.js';
import {
  normaliseCell,
  unitFactor,
  type ColumnOrFixed,
  type CompiledEntry,
  type CompiledFilter,
  type CompiledMetric,
} from './compile.js';

/** What the row decoder lends the mapping: reading cells as it reads them in every format. */
export interface CellReader {
  /** A cell as a number in the series' unit; NaN for empty/N/A (no problem) or bad (problem). */
  number(raw: string, series: Series | undefined, column: number): number;
  /** A date cell as a day number; NaN with a problem when it is not a date. */
  day(text: string, column: number): number;
  takeProblem(): CellProblem | undefined;
  /** The (aliased) touchpoint id in a column; undefined (reported when the row is not blank). */
  id(record: string[], index: number, line: number): string | undefined;
  badCells(line: number, cells: CellProblem[], entry: IdEntry, column?: number): void;
}

function cell(record: readonly string[], index: number): string {
  return record[index] ?? '';
}

function keeps(filters: readonly CompiledFilter[], record: readonly string[]): boolean {
  for (const filter of filters)
    if (!filter.values.has(normaliseCell(cell(record, filter.index)))) return false;
  return true;
}

function fixedOrCell(spec: ColumnOrFixed, record: readonly string[]): string {
  return 'fixed' in spec ? spec.fixed : cell(record, spec.index).trim();
}

/** The metric's name for this row; undefined when its filters leave the row out or it is blank. */
function writtenName(metric: CompiledMetric, record: readonly string[]): string | undefined {
  if (!keeps(metric.filters, record)) return undefined;
  const written = 'text' in metric.name ? metric.name.text : cell(record, metric.name.index);
  return written.trim() === '' ? undefined : written;
}

/**
 * Reads one row of a file mapped by `sources:` entries: every entry whose filter keeps the row
 * gives each of its metrics one observation (a, b) for its touchpoint, day and segment.
 */
export class MappedRows {
  /** Unit factor per series, computed once: the inventory's unit for the series' touchpoint. */
  private readonly factors = new WeakMap<CompiledMetric, { series: Series; factor: number }>();

  constructor(
    private readonly entries: readonly CompiledEntry[],
    private readonly agg: Aggregator,
    private readonly reader: CellReader,
    private readonly file: string,
  ) {}

  read(record: string[], line: number): void {
    for (const entry of this.entries) this.readEntry(entry, record, line);
  }

  private readEntry(entry: CompiledEntry, record: string[], line: number): void {
    const { agg, reader } = this;
    if (!keeps(entry.filters, record)) {
      agg.current.skipped++;
      return;
    }
    const touchpoint = entry.touchpoint;
    const id =
      'fixed' in touchpoint
        ? agg.alias(touchpoint.fixed)
        : reader.id(record, touchpoint.index, line);
    if (id === undefined) return;
    const sighting = agg.sight(id, this.file, line);
    const problems: CellProblem[] = [];
    let firstBad: number | undefined;
    const collect = (column: number): boolean => {
      const problem = reader.takeProblem();
      if (problem === undefined) return false;
      problems.push(problem);
      firstBad ??= column;
      return true;
    };
    let day = NaN;
    if (entry.date !== undefined) {
      day = reader.day(cell(record, entry.date), entry.date);
      if (collect(entry.date)) {
        // Every metric the row speaks about loses its value: each says why it has no data.
        for (const metric of entry.metrics) {
          const written = writtenName(metric, record);
          if (written !== undefined)
            agg.series(id, sighting, written, this.file, line).unreadableDate++;
        }
        reader.badCells(line, problems, sighting, firstBad);
        return;
      }
    }
    const segmentText = entry.segment === undefined ? '' : fixedOrCell(entry.segment, record);
    const segment = segmentText === '' || isMissingCell(segmentText) ? undefined : segmentText;
    for (const metric of entry.metrics) {
      const written = writtenName(metric, record);
      if (written === undefined) {
        agg.current.skipped++;
        continue;
      }
      const series = agg.series(id, sighting, written, this.file, line);
      const observation = this.observe(metric, series, record, collect);
      if (observation === undefined) continue;
      const [a, b] = observation;
      agg.add(series, day, a, b, segment);
    }
    // The row's other metrics are independent observations and stay in.
    if (problems.length > 0) reader.badCells(line, problems, sighting, firstBad);
  }

  private factor(metric: CompiledMetric, series: Series): number {
    const known = this.factors.get(metric);
    if (known?.series === series) return known.factor;
    const factor = metric.scale * unitFactor(metric.unit, this.agg.unitOf(series.touchpoint));
    this.factors.set(metric, { series, factor });
    return factor;
  }

  /** The row's (a, b) for one metric; undefined when the row says nothing about it. */
  private observe(
    metric: CompiledMetric,
    series: Series,
    record: string[],
    collect: (column: number) => boolean,
  ): [number, number] | undefined {
    const { reader, agg } = this;
    const reading = metric.reading;
    const skip = (): [number, number] | undefined => {
      agg.current.skipped++;
      return undefined;
    };
    /** An empty or N/A cell (a zero denominator), or one that could not be read. */
    const unused = (bad: boolean): [number, number] | undefined => {
      if (bad) series.unreadableValue++;
      else series.empty++;
      return skip();
    };
    switch (reading.kind) {
      case 'value':
      case 'mean':
      case 'sum':
      case 'quantile': {
        if (reading.kind === 'sum') series.total = true;
        if (reading.kind === 'quantile') series.quantile = reading.q;
        const value = reader.number(cell(record, reading.index), series, reading.index);
        const bad = collect(reading.index);
        if (Number.isNaN(value)) return unused(bad);
        return [value * this.factor(metric, series), 1];
      }
      case 'ratio': {
        const a = reader.number(cell(record, reading.numerator), undefined, reading.numerator);
        const badA = collect(reading.numerator);
        const b = reader.number(cell(record, reading.denominator), undefined, reading.denominator);
        const badB = collect(reading.denominator);
        // A zero denominator (nothing delivered) says nothing about the rate.
        if (Number.isNaN(a) || Number.isNaN(b) || b === 0) return unused(badA || badB);
        return [a * series.ratioScale * metric.scale, b];
      }
      case 'count': {
        series.total = true;
        if (reading.index !== undefined) {
          const text = cell(record, reading.index).trim();
          if (isMissingCell(text)) return unused(false);
        }
        return [metric.scale, 1];
      }
      case 'share': {
        const text = cell(record, reading.index).trim();
        if (isMissingCell(text)) return unused(false);
        const value = normaliseCell(text);
        if (reading.of !== undefined && !reading.of.has(value)) return skip();
        return [reading.in.has(value) ? series.ratioScale * metric.scale : 0, 1];
      }
    }
  }
}
