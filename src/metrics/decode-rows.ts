import { basename } from 'node:path';
import type { MetricSource } from '../config/config.js';
import type { Aggregator, IdEntry, Series } from './aggregate.js';
import { DateColumn, example } from './date-column.js';
import { describeDateColumn, describeNumberColumn, type TableFacts } from './describe.js';
import { detectFormat, duplicateColumns, type Layout } from './detect-format.js';
import { recogniseVendor } from './vendors/recognise-vendor.js';
import { readDate, type DateOrder, type ParsedDate } from './parse-date.js';
import { NumberColumn, numberEvidence, numberWithMark, type DecimalMark } from './number-column.js';
import {
  durationSeconds,
  isMissingCell,
  parsePlainDecimal,
  stripCurrency,
} from './parse-number.js';
import type { BadRowProblem, CellProblem, FileProblem, ProblemLog } from './problems.js';
import type { Dialect } from './sniff.js';
import type { MetricReading } from './mapping/compile.js';
import { MappedRows, type CellReader } from './mapping/mapped-rows.js';

const DATE_CACHE_LIMIT = 4096;
/**
 * Rows held while their date column's order is open. Past this many the order is settled from
 * the config (or day-first, reported), so memory stays bounded on a wholly ambiguous file.
 */
export const PENDING_ROWS_CAP = 20_000;
/** Records looked at for a header before the file is called unknown. */
export const PREAMBLE_RECORDS = 50;

/** How to read what the file itself leaves open: from its `sources:` entry or the config. */
export interface ReadSettings {
  dateOrder?: { order: DateOrder; by: 'config' | 'locale' };
  /** `header: N` in the file's `sources:` entry: the header is on line N. */
  header?: number;
  /** `skipRows: N`: rows after the header that are more header (labels, option names). */
  skipRows?: number;
  /** The decimal mark the file's `sources:` entry names (`decimal:`, else its `locale:`). */
  decimal?: { mark: DecimalMark; by: 'config' | 'locale' };
  /** The decimal mark of the config's `locale:`: used after the delimiter's convention. */
  configDecimal?: DecimalMark;
  /** `section: Attendee Details`: the table after this title line is read, and only it. */
  section?: string;
}

/** Longest cell a label row may hold (Qualtrics question texts run to a few hundred). */
const LABEL_MAX_CHARS = 2_000;

/** Most section titles kept for a file's description (and the section-not-found finding). */
export const SECTIONS_KEPT = 50;

/**
 * A section title line of a multi-table report (Zoom's `Attendee Details,`): a first cell and
 * nothing else. Undefined for any other record.
 */
function titleOf(record: readonly string[]): string | undefined {
  const first = (record[0] ?? '').replace(/^\uFEFF/, '').trim();
  if (first === '') return undefined;
  for (let i = 1; i < record.length; i++) if ((record[i] ?? '').trim() !== '') return undefined;
  return first;
}

/** Titles compare without case, runs of spaces or a trailing colon (`Attendee Details:`). */
function titleKey(title: string): string {
  return title.trim().replace(/:$/, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A number cell as its evidence is judged: trimmed, without `%` or a currency. */
function numberText(raw: string): string {
  let text = trim(raw);
  if (text.charCodeAt(text.length - 1) === 37 /* % */) text = text.slice(0, -1).trimEnd();
  return stripCurrency(text);
}

const MARK_BIT: Readonly<Record<DecimalMark, number>> = { '.': 1, ',': 2 };

/** The columns of a layout that hold numbers. */
function numberIndexes(layout: Layout): number[] {
  switch (layout.kind) {
    case 'long':
      return [layout.value];
    case 'wide':
      return layout.metrics.map((metric) => metric.index);
    case 'mapped':
      return layout.entries.flatMap((entry) =>
        entry.metrics.flatMap(({ reading }) => numbersOf(reading)),
      );
  }
}

/** The columns a mapped metric reads as numbers (count and share read text). */
function numbersOf(reading: MetricReading): number[] {
  switch (reading.kind) {
    case 'ratio':
      return [reading.numerator, reading.denominator];
    case 'value':
    case 'mean':
    case 'sum':
    case 'quantile':
      return [reading.index];
    case 'count':
    case 'share':
      return [];
  }
}

/** The column a layout names touchpoints in; -1 when a mapped file's touchpoint is fixed. */
function idIndex(layout: Layout): number {
  if (layout.kind !== 'mapped') return layout.id;
  const first = layout.entries[0]?.touchpoint;
  return first !== undefined && 'index' in first ? first.index : -1;
}

/** The key (non-value) columns of a mapped layout: touchpoint, segment, date, metric name, filters. */
function mappedKeys(layout: Extract<Layout, { kind: 'mapped' }>): Set<number> {
  const keys = new Set<number>();
  const add = (column: { index: number } | { fixed: string } | { text: string } | undefined) => {
    if (column !== undefined && 'index' in column) keys.add(column.index);
  };
  for (const entry of layout.entries) {
    add(entry.touchpoint);
    add(entry.segment);
    if (entry.date !== undefined) keys.add(entry.date);
    for (const filter of entry.filters) keys.add(filter.index);
    for (const metric of entry.metrics) {
      add(metric.name);
      for (const filter of metric.filters) keys.add(filter.index);
    }
  }
  return keys;
}

/** `String.trim` only when an end may be blank (not printable ASCII): most cells are not. */
function trim(text: string): string {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first > 32 && first < 127 && last > 32 && last < 127 ? text : text.trim();
}

/** Cells kept in problems are cut here: a problem quotes the cell, it does not hold it. */
const CELL_TEXT_KEPT = 41;

function keptText(text: string): string {
  return text.length > CELL_TEXT_KEPT ? text.slice(0, CELL_TEXT_KEPT) : text;
}

/** Distinct values a {@link FewValues} keeps; a column with more is passed through. */
const FEW_VALUES = 16;

/**
 * One string per distinct value of a column that holds few (metric names, segments). Each row's
 * cell is a new string; handing on the kept one lets the aggregator's comparison with the last
 * row's value end at the pointer, without reading the old string from memory.
 */
class FewValues {
  private readonly kept: string[] = [];
  private misses = 0;
  /** Set once a column shows many values: it is not one of few, so nothing is looked up. */
  private many = false;

  of(text: string): string {
    if (this.many) return text;
    const kept = this.kept;
    for (let i = 0; i < kept.length; i++) {
      const value = kept[i] as string;
      if (value === text) return value;
    }
    if (kept.length < FEW_VALUES) {
      if (text.length <= 64) kept.push(text);
    } else if (++this.misses > 1000) this.many = true;
    return text;
  }
}

/**
 * Decodes one file's records by the layout its header names (long, wide or config-mapped) into
 * observations for the aggregator; rows it cannot use become problems in the log.
 */
export class RowDecoder implements CellReader {
  private layout: Layout | undefined;
  private mappedRows: MappedRows | undefined;
  private width = 0;
  private header: string[] = [];
  private readonly dates = new Map<string, ParsedDate>();
  private lastDateText = '';
  private lastParsed: ParsedDate = { kind: 'invalid' };
  private dateIndex = -1;
  private readonly metricNames = new FewValues();
  private readonly segments = new FewValues();
  /** The column touchpoints are named in; -1 when a mapped file's touchpoint is fixed. */
  private idColumn = -1;
  readonly dateColumn = new DateColumn();
  /** Rows whose date means different days in the orders still open, in file order. */
  private pending: [string[], number][] = [];
  /** Number columns by index; those whose decimal mark is still open, and the other columns' marks. */
  readonly numberColumns: (NumberColumn | undefined)[] = [];
  private open: NumberColumn[] = [];
  private fileMarks: Uint8Array = new Uint8Array(0);
  /** Records before the header (comments, a report's preamble), and the header's line. */
  preamble = 0;
  headerLine = 0;
  /** Totals rows (every key cell empty) read and left out; the line of the first. */
  totals = 0;
  /** The line after which nothing was read: the table ended with its totals row or a section title. */
  endedAt: number | undefined;
  private endedBy: 'totals' | 'section' = 'totals';
  private ended = false;
  /** `section:` only: the title lines seen (at most {@link SECTIONS_KEPT}) and the one read. */
  private readonly sectionTitles: string[] = [];
  private section: { title: string; line: number } | undefined;
  /** Records looked at for the header (after the section's title, when one is wanted). */
  private searched = 0;
  /** The record before the one being read for the header, when it was a title line. */
  private titleAbove: string | undefined;
  /** A title line was seen while no sources: entry claims the file: a multi-table report. */
  private multiTable = false;
  /** Data rows taken in (decoded or held): label rows come before the first. */
  private dataRows = 0;
  private labelRows = 0;
  /** Rows after the header that are more header (`skipRows:`, Qualtrics ImportId rows). */
  extraHeaderRows = 0;
  private skipRows = 0;
  private giveUpDone = false;
  private headerProblem: { problem: FileProblem; line: number } | undefined;
  /** The first record a vendor profile recognises as the header: told instead of `headerProblem`. */
  private vendorHeader: { problem: FileProblem; line: number } | undefined;
  /** Line of the row being decoded. */
  private line = 0;
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
    if (this.settings.section !== undefined && this.inSection(record, line)) return;
    if (this.layout === undefined) {
      this.readHeader(record, line);
      return;
    }
    if (this.ended) return;
    if (this.skipRows > 0 || this.isImportIdRow(record)) {
      if (this.skipRows > 0) this.skipRows--;
      this.extraHeaderRows++;
      return;
    }
    if (this.dataRows === 0 && this.labelRows < 2 && this.isLabelRow(record)) {
      // Qualtrics' localised labels, SurveyMonkey's option names: more header, not a bad row.
      this.labelRows++;
      this.extraHeaderRows++;
      return;
    }
    this.dataRows++;
    const idColumn = this.idColumn;
    if (idColumn >= 0 && trim(record[idColumn] ?? '') === '' && this.isTotals(record)) {
      // Analytics exports close a table with its totals (`,,7.374,"85,79%"`): not a row of it,
      // and what follows is another table (`Dagindex,Sessies`).
      this.totals++;
      this.agg.current.totals++;
      this.endedAt = line;
      this.ended = true;
      return;
    }
    let ready = true;
    let decided = false;
    if (this.dateIndex >= 0) {
      const text = record[this.dateIndex] ?? '';
      const order = this.dateColumn.order;
      ready = this.dateColumn.observe(this.parseDate(text), line, text);
      decided = order !== this.dateColumn.order;
    }
    if (this.open.length > 0) {
      const before = this.open.length;
      if (!this.observeNumbers(record, line)) ready = false;
      decided ||= this.open.length !== before;
    }
    if (decided) this.flush();
    if (!ready) {
      this.pending.push([record, line]);
      if (this.pending.length >= PENDING_ROWS_CAP) this.settle();
      return;
    }
    this.decode(record, line);
  };

  /**
   * With `section:`: true when the record is not for the table reader — a record before the
   * wanted title, a title line (kept for the description), or anything after the table's end
   * (the next title ends it).
   */
  private inSection(record: string[], line: number): boolean {
    const title =
      this.layout === undefined || record.length < this.width ? titleOf(record) : undefined;
    if (title !== undefined) {
      if (this.sectionTitles.length < SECTIONS_KEPT) this.sectionTitles.push(title);
      if (this.section === undefined) {
        this.preamble++;
        if (titleKey(title) === titleKey(this.settings.section ?? ''))
          this.section = { title, line };
        return true;
      }
      if (!this.ended) {
        // The next title ends the table (or, before its header, says the section has none).
        this.ended = true;
        this.endedAt = line;
        this.endedBy = 'section';
      }
      return true;
    }
    if (this.layout === undefined && this.ended) {
      this.preamble++;
      return true;
    }
    if (this.section !== undefined) return false;
    this.preamble++;
    return true;
  }

  /**
   * A row right after the header whose cells are words where numbers and dates belong
   * (Qualtrics' `Recorded Date`/question texts, SurveyMonkey's `Response`): no number column
   * holds a number, the date column holds no date, and a number column holds a word.
   */
  private isLabelRow(record: string[]): boolean {
    if (this.dateIndex >= 0) {
      const text = trim(record[this.dateIndex] ?? '');
      if (text !== '' && this.parseDate(text).kind !== 'invalid') return false;
    }
    let words = 0;
    for (const column of this.numberColumns) {
      if (column === undefined) continue;
      const text = trim(record[column.index] ?? '');
      if (text === '' || isMissingCell(text)) continue;
      // A label is a question or an option name, not a 5 MB cell (kept out of the regexes).
      if (text.length > LABEL_MAX_CHARS) return false;
      const bare = numberText(text);
      if (numberEvidence(bare) !== 'none' || !Number.isNaN(durationSeconds(bare))) return false;
      // `Response`, `How satisfied were you (1-5)?`: a name or a phrase; `bad0` is a bad value.
      if (!/\p{L}/u.test(text) || (/\d/.test(text) && !/\s/.test(text))) return false;
      words++;
    }
    return words > 0;
  }

  /**
   * Takes the row's number cells into their open columns' evidence (and, while any is open, the
   * marks of every other cell, as evidence from the rest of the file); false when a value waits.
   */
  private observeNumbers(record: string[], line: number): boolean {
    let ready = true;
    for (const column of this.open) {
      const raw = record[column.index] ?? '';
      if (raw.indexOf('.') < 0 && raw.indexOf(',') < 0) continue;
      const text = numberText(raw);
      if (!column.observe(numberEvidence(text), line, text)) ready = false;
    }
    this.open = this.open.filter((column) => column.mark === undefined);
    const marks = this.fileMarks;
    for (let i = 0; i < record.length && i < marks.length; i++) {
      if (marks[i] === 3 || this.numberColumns[i] !== undefined) continue;
      const raw = record[i] ?? '';
      if (raw.indexOf('.') < 0 && raw.indexOf(',') < 0) continue;
      const evidence = numberEvidence(numberText(raw));
      if (evidence === '.' || evidence === ',') marks[i] = (marks[i] ?? 0) | MARK_BIT[evidence];
    }
    return ready;
  }

  /** True when none of the row's number cells waits for its column's mark. */
  private numbersReady(record: string[]): boolean {
    for (const column of this.open) {
      if (numberEvidence(numberText(record[column.index] ?? '')) === 'either') return false;
    }
    return true;
  }

  /** Settles the open number columns that hold a value reading two ways. */
  private settleNumbers(): void {
    for (const column of this.open) {
      if (column.firstAmbiguous === undefined) continue;
      let others = 0;
      this.fileMarks.forEach((bits, i) => {
        if (i !== column.index) others |= bits;
      });
      for (const other of this.numberColumns) {
        if (other !== undefined && other !== column && other.decidedBy === 'evidence')
          others |= MARK_BIT[other.mark ?? '.'];
      }
      const { decimal, configDecimal } = this.settings;
      if (others === 1 || others === 2) column.settle(others === 1 ? '.' : ',', 'file');
      else if (decimal !== undefined) column.settle(decimal.mark, decimal.by);
      else if (this.dialect.decimalComma) column.settle(',', 'delimiter');
      else if (configDecimal !== undefined) column.settle(configDecimal, 'locale');
      else {
        column.settle('.', 'default');
        this.log.fileProblem(
          {
            kind: 'ambiguous-number',
            reason: 'unsettled',
            column: column.name,
            text: column.firstAmbiguous.text,
            mark: '.',
          },
          column.firstAmbiguous.line,
        );
      }
    }
    this.open = this.open.filter((column) => column.mark === undefined);
  }

  /** No header found: the first record that was not a comment tells why. */
  private giveUp(): void {
    const headerProblem = this.vendorHeader ?? this.headerProblem;
    this.giveUpDone = true;
    if (headerProblem !== undefined)
      this.log.fileProblem(headerProblem.problem, headerProblem.line);
    this.stop();
  }

  /** What the pass over the file found about its table, for the file's description. */
  facts(): TableFacts {
    const facts: TableFacts = {
      sections: this.sectionTitles,
      preamble: this.preamble,
      headerRows: this.extraHeaderRows,
      totals: this.totals,
      columns: [],
    };
    const layout = this.layout;
    if (this.section !== undefined) facts.section = this.section;
    if (layout === undefined) return facts;
    facts.format = layout.kind;
    facts.header = {
      line: this.headerLine,
      by: this.settings.header === undefined ? 'evidence' : 'config',
      columns: this.header.length,
    };
    if (this.endedAt !== undefined) facts.ended = { line: this.endedAt, by: this.endedBy };
    this.numberColumns.forEach((column) => {
      if (column === undefined) return;
      facts.columns.push(describeNumberColumn(column));
    });
    if (this.dateIndex >= 0) {
      const name = this.header[this.dateIndex] ?? '';
      const date = describeDateColumn(name, this.dateIndex, this.dateColumn);
      const at = facts.columns.findIndex((column) => column.column > date.column);
      facts.columns.splice(at < 0 ? facts.columns.length : at, 0, date);
    }
    return facts;
  }

  /** True once the header named a format: the file's rows were read. */
  get readHeaderOk(): boolean {
    return this.layout !== undefined;
  }

  /** Called after the last record: settles what the file left open and reads the held rows. */
  finish(): void {
    const wanted = this.settings.section;
    if (wanted !== undefined && this.section === undefined) {
      this.log.fileProblem({
        kind: 'section-not-found',
        section: wanted,
        found: this.sectionTitles,
        baseName: basename(this.file),
      });
      this.giveUpDone = true;
      return;
    }
    if (this.layout === undefined && this.section !== undefined && this.ended) {
      this.log.fileProblem(
        { kind: 'section-without-table', section: this.section.title, next: this.endedAt ?? 0 },
        this.section.line,
      );
      return;
    }
    if (this.layout === undefined) {
      if (!this.giveUpDone) this.giveUp();
      return;
    }
    this.settle();
    for (const column of this.numberColumns) {
      const conflict = column?.conflict;
      if (column === undefined || conflict === undefined) continue;
      this.log.fileProblem(
        { kind: 'ambiguous-number', reason: 'conflict', column: column.name, ...conflict },
        conflict.second.line,
      );
    }
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
    this.settleNumbers();
    this.flush();
  }

  /** Reads the held rows nothing keeps open any more; the others stay held, in order. */
  private flush(): void {
    const held = this.pending;
    if (held.length === 0) return;
    this.pending = [];
    for (const entry of held) {
      const [record, line] = entry;
      const dateOpen =
        this.dateIndex >= 0 &&
        this.dateColumn.order === undefined &&
        Number.isNaN(this.dateColumn.day(this.parseDate(record[this.dateIndex] ?? '')));
      if (!dateOpen && this.numbersReady(record)) this.decode(record, line);
      else this.pending.push(entry);
    }
  }

  private decode(record: string[], line: number): void {
    const layout = this.layout;
    if (layout === undefined) return;
    this.agg.current.rows++;
    this.line = line;
    if (record.length !== this.width && !this.fitsWidth(record, line)) return;
    switch (layout.kind) {
      case 'long':
        this.long(layout, record, line);
        return;
      case 'wide':
        this.wide(layout, record, line);
        return;
      case 'mapped':
        this.mappedRows?.read(record, line);
        return;
    }
  }

  /**
   * The header is the first record (within {@link PREAMBLE_RECORDS}) that names a format, or the
   * one at `header:`; comment lines (`# ----`, `# Start date: 20260501`) and report preambles
   * (`Attendee Report,` / `Report Generated:,…`) before it are skipped and counted.
   */
  private readHeader(record: string[], line: number): void {
    const wanted = this.settings.header;
    if (wanted !== undefined && line < wanted) {
      this.preamble++;
      return;
    }
    // `# Start date: 20260501` is a comment; a first cell that is `#` alone is Typeform's
    // response-number column, a header. Comments never explain a missing header.
    const detection = detectFormat(record, basename(this.file), this.sources);
    const first = (record[0] ?? '').trim();
    const comment = wanted === undefined && first.startsWith('#') && first !== '#';
    if (!detection.ok) {
      if (!comment) this.headerProblem ??= { problem: detection.problem, line };
      // A vendor's header is only suggested a mapping when no sources: entry claims the file.
      if (!comment && detection.problem.kind === 'unknown-format')
        this.vendorHeader ??= vendorHeaderProblem(record, this.file, line, this.titleAbove);
      this.titleAbove = titleOf(record);
      // An unclaimed multi-table report (title lines such as `Host Details,`) is looked through
      // to the end for a table a vendor profile knows, not only its first 50 lines.
      if (this.titleAbove !== undefined && detection.problem.kind === 'unknown-format')
        this.multiTable = true;
      this.preamble++;
      if (wanted === undefined && this.multiTable && this.vendorHeader === undefined) return;
      if (wanted === undefined && ++this.searched < PREAMBLE_RECORDS) return;
      this.giveUp();
      return;
    }
    this.headerLine = line;
    this.skipRows = this.settings.skipRows ?? 0;
    this.layout = detection.layout;
    for (const { name, first, second } of duplicateColumns(record)) {
      this.agg.problems.push({
        kind: 'duplicate-column',
        column: name,
        first: first + 1,
        second: second + 1,
        location: { file: this.file, line, column: 1, path: name },
      });
    }
    if (detection.layout.kind === 'mapped') {
      this.mappedRows = new MappedRows(detection.layout.entries, this.agg, this, this.file);
      for (const { problem, at } of detection.layout.problems)
        this.agg.problems.push({
          ...problem,
          location: at ?? { file: this.file, line, column: 1 },
        });
    }
    this.header = record.map((name) => name.replace(/^\uFEFF/, '').trim());
    this.width = record.length;
    this.dateIndex = detection.layout.date ?? -1;
    this.idColumn = idIndex(detection.layout);
    for (const index of numberIndexes(detection.layout)) {
      const column = new NumberColumn(index, this.header[index] ?? '');
      this.numberColumns[index] = column;
      this.open.push(column);
    }
    this.fileMarks = new Uint8Array(record.length);
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

  badCells(line: number, cells: CellProblem[], entry: IdEntry, column?: number): void {
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

  id(record: string[], index: number, line: number): string | undefined {
    const id = trim(record[index] ?? '');
    if (id !== '') return this.agg.alias(id);
    if (record.every((f) => f.trim() === '')) return undefined;
    this.bad(line, { kind: 'empty-id' }, undefined, index);
    return undefined;
  }

  /** Qualtrics' third header row: every filled cell is `{"ImportId":"QID1"}`. */
  private isImportIdRow(record: string[]): boolean {
    if (this.extraHeaderRows > 2 || this.agg.current.rows > 0) return false;
    let filled = 0;
    for (const cell of record) {
      const text = cell.trim();
      if (text === '') continue;
      if (!text.startsWith('{"ImportId"')) return false;
      filled++;
    }
    return filled > 0;
  }

  /** Every key cell (id, metric, date, segment: the cells that are not numbers) is empty. */
  private isTotals(record: string[]): boolean {
    let numbers = 0;
    for (let i = 0; i < record.length; i++) {
      const text = (record[i] ?? '').trim();
      if (this.numberColumns[i] !== undefined) {
        if (text !== '') numbers++;
      } else if (i < this.width && this.isKey(i) && text !== '') return false;
    }
    return numbers > 0;
  }

  private isKey(index: number): boolean {
    const layout = this.layout;
    if (layout === undefined) return false;
    if (layout.kind === 'mapped') return mappedKeys(layout).has(index);
    if (index === layout.id || index === layout.date) return true;
    if (layout.kind === 'long') return index === layout.metric || index === layout.segment;
    return index === layout.segment;
  }

  /** A cell as a number in the series' unit; NaN with `problem` set (bad) or unset (empty, N/A). */
  number(raw: string, series: Series | undefined, column: number): number {
    this.problem = undefined;
    let text = trim(raw);
    if (isMissingCell(text)) return NaN;
    let divisor = 1;
    if (text.charCodeAt(text.length - 1) === 37 /* % */) {
      text = text.slice(0, -1).trimEnd();
      divisor = series?.percentDivisor ?? 100;
    }
    const numberColumn = this.numberColumns[column];
    const mark = numberColumn?.mark ?? '.';
    let value = parsePlainDecimal(text, mark === ',' ? 44 : 46, true);
    if (Number.isNaN(value) && text.length <= 64)
      value = this.localised(text, numberColumn, raw, series);
    // `localised` may have said why (a duration without a time unit).
    if (Number.isNaN(value) && (this.problem as CellProblem | undefined) !== undefined) return NaN;
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

  /**
   * A number cell past the fast path: a currency, grouping marks, an exponent, a duration. A
   * value valid with one decimal mark only is read with it (and is evidence against a column
   * read with the other); one that reads two ways is read with the column's mark.
   */
  private localised(
    text: string,
    column: NumberColumn | undefined,
    raw: string,
    series: Series | undefined,
  ): number {
    const bare = stripCurrency(text);
    const seconds = durationSeconds(bare);
    if (!Number.isNaN(seconds)) {
      const perUnit = series?.secondsPerUnit;
      if (perUnit !== undefined) return seconds / perUnit;
      this.problem = {
        kind: 'duration-without-unit',
        column: column?.name ?? '',
        text: keptText(raw),
      };
      return NaN;
    }
    const evidence = numberEvidence(bare);
    if (evidence === 'none') return NaN;
    if (evidence === '.' || evidence === ',') {
      column?.observe(evidence, this.line, bare);
      return numberWithMark(bare, evidence);
    }
    return numberWithMark(bare, column?.mark ?? '.');
  }

  /** The problem left by the last `number()` or `day()` call, clearing it. */
  takeProblem(): CellProblem | undefined {
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

  day(text: string, column: number): number {
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

  /** The row's segment in the long or wide format's segment column; undefined when blank. */
  private segmentOf(record: readonly string[], index: number | undefined): string | undefined {
    if (index === undefined) return undefined;
    const text = trim(record[index] ?? '');
    return text === '' || isMissingCell(text) ? undefined : this.segments.of(text);
  }

  private long(layout: Extract<Layout, { kind: 'long' }>, record: string[], line: number): void {
    const id = this.id(record, layout.id, line);
    if (id === undefined) return;
    const entry = this.agg.sight(id, this.file, line);
    const written = this.metricNames.of(record[layout.metric] ?? '');
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
        series.unreadableDate++;
        if (valueProblem === undefined) this.badCells(line, [dateProblem], entry, layout.date);
        else this.badCells(line, [valueProblem, dateProblem], entry, layout.value);
        return;
      }
    }
    if (valueProblem !== undefined) {
      series.unreadableValue++;
      this.badCells(line, [valueProblem], entry, layout.value);
      return;
    }
    if (Number.isNaN(value)) {
      this.agg.current.skipped++;
      series.empty++;
      return;
    }
    this.agg.add(series, day, value, 1, this.segmentOf(record, layout.segment));
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
        // Every metric of the row loses its value: each says why it has no data.
        for (const { name } of layout.metrics)
          this.agg.series(id, entry, name, this.file, line).unreadableDate++;
        this.badCells(line, [dateProblem], entry, layout.date);
        return;
      }
    }
    let problems: CellProblem[] | undefined;
    let firstBad: number | undefined;
    const segment = this.segmentOf(record, layout.segment);
    for (const { index, name } of layout.metrics) {
      const series = this.agg.series(id, entry, name, this.file, line);
      const value = this.number(record[index] ?? '', series, index);
      const problem = this.takeProblem();
      if (!Number.isNaN(value)) this.agg.add(series, day, value, 1, segment);
      else if (problem === undefined) {
        this.agg.current.skipped++;
        series.empty++;
      } else {
        series.unreadableValue++;
        (problems ??= []).push(problem);
        firstBad ??= index;
      }
    }
    // The row's other cells are independent observations and stay in.
    if (problems !== undefined) this.badCells(line, problems, entry, firstBad);
  }
}

/** A header record that a vendor profile recognises, as the problem that suggests its mapping. */
function vendorHeaderProblem(
  record: readonly string[],
  file: string,
  line: number,
  titleAbove: string | undefined,
): { problem: FileProblem; line: number } | undefined {
  const profile = recogniseVendor(record);
  if (profile === undefined) return undefined;
  const header = record.map((name) => name.replace(/^\uFEFF/, '').trim());
  // A profile's table under its title: the suggestion reads that section, not the first table.
  const section =
    titleAbove !== undefined &&
    profile.section !== undefined &&
    titleKey(titleAbove) === titleKey(profile.section)
      ? titleAbove
      : undefined;
  return {
    problem: {
      kind: 'vendor-export',
      vendor: profile.id,
      baseName: basename(file),
      header,
      ...(section === undefined ? {} : { section }),
    },
    line,
  };
}
