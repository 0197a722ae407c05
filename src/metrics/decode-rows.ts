import { basename } from 'node:path';
import type { MetricSource } from '../config/config.js';
import type { Aggregator, IdEntry, Series } from './aggregate.js';
import { DateColumn, example } from './date-column.js';
import { detectFormat, type Layout } from './detect-format.js';
import { readDate, type DateOrder, type ParsedDate } from './parse-date.js';
import { isMissingCell, parseNumber } from './parse-number.js';
import type { BadRowProblem, CellProblem, ProblemLog } from './problems.js';
import type { Dialect } from './sniff.js';

const DATE_CACHE_LIMIT = 4096;
/**
 * Rows held while their date column's order is open. Past this many the order is settled from
 * the config (or day-first, reported), so memory stays bounded on a wholly ambiguous file.
 */
export const PENDING_ROWS_CAP = 20_000;

/** How to read what the file itself leaves open: from its `sources:` entry or the config. */
export interface ReadSettings {
  dateOrder?: { order: DateOrder; by: 'config' | 'locale' };
}

/** `String.trim` only when an end is blank: most cells are not. */
function trim(text: string): string {
  return text.charCodeAt(0) > 32 && text.charCodeAt(text.length - 1) > 32 ? text : text.trim();
}

/** Cells kept in problems are cut here: a problem quotes the cell, it does not hold it. */
const CELL_TEXT_KEPT = 41;

function keptText(text: string): string {
  return text.length > CELL_TEXT_KEPT ? text.slice(0, CELL_TEXT_KEPT) : text;
}

/**
 * Decodes one file's records by the layout its header names (long, wide or config-mapped) into
 * observations for the aggregator; rows it cannot use become problems in the log.
 */
export class RowDecoder {
  private layout: Layout | undefined;
  private width = 0;
  private header: string[] = [];
  private readonly dates = new Map<string, ParsedDate>();
  private lastDateText = '';
  private lastParsed: ParsedDate = { kind: 'invalid' };
  private dateIndex = -1;
  readonly dateColumn = new DateColumn();
  /** Rows whose date means different days in the orders still open, in file order. */
  private pending: [string[], number][] = [];
  /** Why the last `number()` or `day()` call returned NaN; undefined for an empty or N/A cell. */
  private problem: CellProblem | undefined;

  constructor(
    private readonly file: string,
    private readonly dialect: Dialect,
    private readonly agg: Aggregator,
    private readonly log: ProblemLog,
    private readonly sources: readonly MetricSource[],
    /** Called when the rest of the file is of no use (its header matches no format). */
    private readonly stop: () => void,
    private readonly settings: ReadSettings = {},
  ) {}

  readonly onRecord = (record: string[], line: number): void => {
    if (this.layout === undefined) {
      this.readHeader(record, line);
      return;
    }
    if (this.dateIndex >= 0) {
      const text = record[this.dateIndex] ?? '';
      const order = this.dateColumn.order;
      const ready = this.dateColumn.observe(this.parseDate(text), line, text);
      if (order !== this.dateColumn.order) this.flush();
      if (!ready) {
        this.pending.push([record, line]);
        if (this.pending.length >= PENDING_ROWS_CAP) this.settle();
        return;
      }
    }
    this.decode(record, line);
  };

  /** Called after the last record: settles what the file left open and reads the held rows. */
  finish(): void {
    if (this.layout === undefined) return;
    this.settle();
    const { conflict } = this.dateColumn;
    if (conflict !== undefined) {
      this.log.fileProblem(
        {
          kind: 'mixed-date-order',
          column: this.header[this.dateIndex] ?? '',
          first: conflict.first,
          order: conflict.firstOrder,
          settled: conflict.settled,
          second: conflict.second,
        },
        conflict.second.line,
      );
    }
  }

  private settle(): void {
    const column = this.dateColumn;
    const guessed = column.settle(this.settings.dateOrder);
    if (guessed !== undefined) {
      const first = column.firstAmbiguous ?? example(1, '');
      this.log.fileProblem(
        {
          kind: 'ambiguous-date',
          column: this.header[this.dateIndex] ?? '',
          text: first.text,
          order: guessed,
          candidates: column.candidatesLeft,
        },
        first.line,
      );
    }
    this.flush();
  }

  private flush(): void {
    const held = this.pending;
    if (held.length === 0) return;
    this.pending = [];
    for (const [record, line] of held) this.decode(record, line);
  }

  private decode(record: string[], line: number): void {
    const layout = this.layout;
    if (layout === undefined) return;
    this.agg.current.rows++;
    if (record.length !== this.width && !this.fitsWidth(record, line)) return;
    switch (layout.kind) {
      case 'long':
        this.long(layout, record, line);
        return;
      case 'wide':
        this.wide(layout, record, line);
        return;
      case 'mapped':
        this.mapped(layout, record, line);
        return;
    }
  }

  private readHeader(record: string[], line: number): void {
    const detection = detectFormat(record, basename(this.file), this.sources);
    if (!detection.ok) {
      this.log.fileProblem(detection.problem, line);
      this.stop();
      return;
    }
    this.layout = detection.layout;
    this.header = record.map((name) => name.replace(/^\uFEFF/, '').trim());
    this.width = record.length;
    this.dateIndex = detection.layout.date ?? -1;
  }

  private bad(line: number, problem: BadRowProblem, entry?: IdEntry, column?: number): void {
    this.agg.current.bad++;
    this.log.badRow(
      problem,
      line,
      entry?.id,
      column === undefined ? undefined : this.header[column],
    );
    if (entry !== undefined) this.agg.reject(entry, { file: this.file, line, column: 1 });
  }

  private badCells(line: number, cells: CellProblem[], entry: IdEntry, column?: number): void {
    this.bad(line, { kind: 'bad-cells', cells }, entry, column);
  }

  /** A row with the wrong number of fields: fine only when the extra fields are empty. */
  private fitsWidth(record: string[], line: number): boolean {
    if (record.length > this.width && record.slice(this.width).every((f) => f.trim() === ''))
      return true;
    if (record.every((f) => f.trim() === '')) return false;
    this.bad(line, { kind: 'wrong-width', fields: record.length, width: this.width });
    return false;
  }

  private id(record: string[], index: number, line: number): string | undefined {
    const id = trim(record[index] ?? '');
    if (id !== '') return this.agg.alias(id);
    if (!record.every((f) => f.trim() === ''))
      this.bad(line, { kind: 'empty-id' }, undefined, index);
    return undefined;
  }

  /** A cell as a number in the series' unit; NaN with `problem` set (bad) or unset (empty, N/A). */
  private number(raw: string, series: Series | undefined, column: number): number {
    this.problem = undefined;
    let text = trim(raw);
    if (isMissingCell(text)) return NaN;
    let divisor = 1;
    if (text.charCodeAt(text.length - 1) === 37 /* % */) {
      text = text.slice(0, -1).trimEnd();
      divisor = series?.percentDivisor ?? 100;
    }
    const value = parseNumber(text, this.dialect.decimalComma);
    if (Number.isFinite(value)) return value / divisor;
    const infinite = !Number.isNaN(value) || /^[-+]?inf(?:inity)?$/i.test(text);
    this.problem = {
      kind: 'not-a-number',
      column: this.header[column] ?? '',
      text: keptText(raw),
      infinite,
    };
    return NaN;
  }

  /** The problem left by the last `number()` or `day()` call, clearing it. */
  private takeProblem(): CellProblem | undefined {
    const problem = this.problem;
    this.problem = undefined;
    return problem;
  }

  /** A date cell as read (cached: exports repeat one date over many consecutive rows). */
  private parseDate(text: string): ParsedDate {
    if (text === this.lastDateText) return this.lastParsed;
    let parsed = this.dates.get(text);
    if (parsed === undefined) {
      parsed = readDate(text.trim());
      if (this.dates.size >= DATE_CACHE_LIMIT) this.dates.clear();
      this.dates.set(text, parsed);
    }
    this.lastDateText = text;
    this.lastParsed = parsed;
    return parsed;
  }

  private day(text: string, column: number): number {
    this.problem = undefined;
    const parsed = this.parseDate(text);
    const day = this.dateColumn.day(parsed);
    if (Number.isNaN(day)) {
      const name = this.header[column] ?? '';
      const kept = keptText(text);
      if (text.trim() === '') this.problem = { kind: 'empty-date', column: name };
      else if (parsed.kind === 'numeric')
        this.problem = {
          kind: 'date-against-order',
          column: name,
          text: kept,
          order: this.dateColumn.order ?? 'dmy',
        };
      else if (parsed.kind === 'invalid' && parsed.year !== undefined)
        this.problem = { kind: 'date-out-of-range', column: name, text: kept, year: parsed.year };
      else this.problem = { kind: 'not-a-date', column: name, text: kept };
    }
    return day;
  }

  private long(layout: Extract<Layout, { kind: 'long' }>, record: string[], line: number): void {
    const id = this.id(record, layout.id, line);
    if (id === undefined) return;
    const entry = this.agg.sight(id, this.file, line);
    const written = record[layout.metric] ?? '';
    if (trim(written) === '') {
      this.bad(line, { kind: 'empty-metric' }, entry, layout.metric);
      return;
    }
    const series = this.agg.series(id, entry, written, this.file, line);
    const value = this.number(record[layout.value] ?? '', series, layout.value);
    const valueProblem = this.takeProblem();
    let day = NaN;
    if (layout.date !== undefined) {
      day = this.day(record[layout.date] ?? '', layout.date);
      const dateProblem = this.takeProblem();
      if (dateProblem !== undefined) {
        if (valueProblem === undefined) this.badCells(line, [dateProblem], entry, layout.date);
        else this.badCells(line, [valueProblem, dateProblem], entry, layout.value);
        return;
      }
    }
    if (valueProblem !== undefined) {
      this.badCells(line, [valueProblem], entry, layout.value);
      return;
    }
    if (Number.isNaN(value)) {
      this.agg.current.skipped++;
      return;
    }
    this.agg.add(series, day, value, 1);
  }

  private wide(layout: Extract<Layout, { kind: 'wide' }>, record: string[], line: number): void {
    const id = this.id(record, layout.id, line);
    if (id === undefined) return;
    const entry = this.agg.sight(id, this.file, line);
    let day = NaN;
    if (layout.date !== undefined) {
      day = this.day(record[layout.date] ?? '', layout.date);
      const dateProblem = this.takeProblem();
      if (dateProblem !== undefined) {
        this.badCells(line, [dateProblem], entry, layout.date);
        return;
      }
    }
    let problems: CellProblem[] | undefined;
    let firstBad: number | undefined;
    for (const { index, name } of layout.metrics) {
      const series = this.agg.series(id, entry, name, this.file, line);
      const value = this.number(record[index] ?? '', series, index);
      const problem = this.takeProblem();
      if (!Number.isNaN(value)) this.agg.add(series, day, value, 1);
      else if (problem === undefined) this.agg.current.skipped++;
      else {
        (problems ??= []).push(problem);
        firstBad ??= index;
      }
    }
    // The row's other cells are independent observations and stay in.
    if (problems !== undefined) this.badCells(line, problems, entry, firstBad);
  }

  private mapped(
    layout: Extract<Layout, { kind: 'mapped' }>,
    record: string[],
    line: number,
  ): void {
    const id = this.id(record, layout.id, line);
    if (id === undefined) return;
    const entry = this.agg.sight(id, this.file, line);
    const metric = layout.metric;
    const written = 'name' in metric ? metric.name : (record[metric.index] ?? '');
    if (trim(written) === '') {
      this.bad(line, { kind: 'empty-metric' }, entry, 'index' in metric ? metric.index : undefined);
      return;
    }
    const series = this.agg.series(id, entry, written, this.file, line);
    const problems: CellProblem[] = [];
    let day = NaN;
    let a: number;
    let b = 1;
    let column: number;
    const collect = (): void => {
      const problem = this.takeProblem();
      if (problem !== undefined) problems.push(problem);
    };
    if ('index' in layout.value) {
      column = layout.value.index;
      a = this.number(record[column] ?? '', series, column);
      collect();
    } else {
      column = layout.value.numerator;
      a = this.number(record[column] ?? '', undefined, column);
      collect();
      b = this.number(record[layout.value.denominator] ?? '', undefined, layout.value.denominator);
      collect();
    }
    if (layout.date !== undefined) {
      day = this.day(record[layout.date] ?? '', layout.date);
      collect();
    }
    if (problems.length > 0) {
      this.badCells(line, problems, entry, column);
      return;
    }
    // A zero denominator (nothing delivered) says nothing about the rate.
    if (Number.isNaN(a) || Number.isNaN(b) || b === 0) {
      this.agg.current.skipped++;
      return;
    }
    this.agg.add(series, day, 'index' in layout.value ? a : a * series.ratioScale, b);
  }
}
