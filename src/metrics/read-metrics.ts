import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Config } from '../config/config.js';
import { InputError, UsageError } from '../errors.js';
import badRowRule from '../rules/metrics/bad-row.js';
import unknownColumnRule from '../rules/metrics/unknown-column.js';
import type { Finding, Inventory, Location, MetricSpec } from '../types.js';
import { detectFormat, normaliseMetricName, type Layout } from './detect-format.js';
import { formatDay, parseDay } from './parse-date.js';
import { isMissingCell, parseNumber } from './parse-number.js';
import { sniff, type Dialect } from './sniff.js';
import type { RecordSink } from './record-sink.js';
import { metricKey, type IdSighting, type MetricsResult, type MetricValue } from './types.js';

export interface ReadMetricsOptions {
  config: Config;
  /** Used to read `72%` in each metric's unit and to spell metric names as the inventory does. */
  inventory?: Inventory;
  /** Last day of the period (YYYY-MM-DD); rows after it are ignored. */
  asOf?: string;
  /** First day of the period (YYYY-MM-DD). */
  since?: string;
}

const HEAD_BYTES = 64 * 1024;
/** Bad rows reported one by one per file; the rest are summarised in one finding. */
const BAD_ROW_CAP = 10;
const DATE_CACHE_LIMIT = 4096;
const EMPTY_DAY = -0x80000000;

function describeCell(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/** `String.trim` only when an end is blank: most cells are not. */
function trim(text: string): string {
  return text.charCodeAt(0) > 32 && text.charCodeAt(text.length - 1) > 32 ? text : text.trim();
}

function percentDivisor(spec: MetricSpec | undefined): number {
  if (spec?.unit === 'percent') return 1;
  if (spec?.unit === 'ratio' || spec?.target === undefined) return 100;
  return spec.target.value > 1 ? 1 : 100;
}

/**
 * Ring of per-day buckets over the last `period` days before the latest date seen so far, as one
 * array of `[day, a, b, rows]` quadruples: a row touches one cache line, not four arrays.
 */
const SLOTS = 4;

/** One touchpoint's metric while reading: a mean (a = Σvalue, b = n) or a ratio (a = Σnum, b = Σden). */
class Series {
  sumA = 0;
  sumB = 0;
  rows = 0;
  latest = -Infinity;
  ring: Float64Array | undefined;
  constructor(
    readonly touchpoint: string,
    readonly metric: string,
    readonly location: Location,
    /** Turns a `72%` cell into the metric's unit: 100 for ratios, 1 for percents. */
    readonly percentDivisor: number,
    /** Turns a numerator/denominator ratio into the metric's unit. */
    readonly ratioScale: number,
  ) {}
}

interface IdEntry {
  id: string;
  /** The entry of the row that followed this id's last row. */
  next: IdEntry | undefined;
  rows: number;
  location: Location;
  /** By metric name as written in the file (fast path), then by normalised name. */
  series: Map<string, Series>;
  byName: Map<string, Series>;
  lastWritten: string;
  lastSeries: Series | undefined;
}

/** Everything kept while streaming: bounded by touchpoints × metrics × period, not by rows. */
class Aggregator {
  readonly ids = new Map<string, IdEntry>();
  readonly findings: Finding[] = [];
  readonly stats = { rows: 0, used: 0, skipped: 0, bad: 0 };
  private readonly aliases: Map<string, string>;
  private readonly touchpoints = new Map<string, MetricSpec | undefined>();
  private readonly period: number;
  private readonly lo: number;
  private readonly hi: number;
  /** Without --since and --as-of the period ends at the latest date in the data: a sliding ring. */
  private readonly sliding: boolean;
  private maxDay = -Infinity;
  private previous: IdEntry | undefined;

  constructor(options: ReadMetricsOptions) {
    this.aliases = new Map(Object.entries(options.config.aliases));
    for (const tp of options.inventory?.touchpoints ?? []) {
      if (!this.touchpoints.has(tp.id)) this.touchpoints.set(tp.id, tp.metric);
    }
    this.period = Math.max(1, Math.round(options.config.period));
    const since = options.since === undefined ? undefined : optionDay('--since', options.since);
    const asOf = options.asOf === undefined ? undefined : optionDay('--as-of', options.asOf);
    if (since !== undefined && asOf !== undefined && since > asOf) {
      throw new UsageError(`--since ${options.since ?? ''} is after --as-of ${options.asOf ?? ''}`);
    }
    this.sliding = since === undefined && asOf === undefined;
    this.hi = asOf ?? Infinity;
    this.lo = since ?? (asOf === undefined ? -Infinity : asOf - this.period + 1);
  }

  alias(id: string): string {
    return this.aliases.size === 0 ? id : (this.aliases.get(id) ?? id);
  }

  sight(id: string, file: string, line: number): IdEntry {
    // Exports list ids in the same order day after day (or group rows by id): guessing the id
    // that followed the previous one last time, and comparing, beats hashing every row's id.
    const previous = this.previous;
    let entry = previous?.next;
    if (entry?.id !== id) {
      entry = previous?.id === id ? previous : this.lookup(id, file, line);
      if (previous !== undefined && entry !== previous) previous.next = entry;
    }
    this.previous = entry;
    entry.rows++;
    return entry;
  }

  private lookup(id: string, file: string, line: number): IdEntry {
    let entry = this.ids.get(id);
    if (entry === undefined) {
      entry = {
        id,
        next: undefined,
        rows: 0,
        location: { file, line, column: 1 },
        series: new Map(),
        byName: new Map(),
        lastWritten: '',
        lastSeries: undefined,
      };
      this.ids.set(id, entry);
    }
    return entry;
  }

  series(id: string, entry: IdEntry, written: string, file: string, line: number): Series {
    // Most ids carry one metric: comparing with the last one beats hashing.
    if (written === entry.lastWritten && entry.lastSeries !== undefined) return entry.lastSeries;
    let series = entry.series.get(written);
    if (series !== undefined) {
      entry.lastWritten = written;
      entry.lastSeries = series;
      return series;
    }
    const name = written.trim();
    const normalised = normaliseMetricName(name);
    series = entry.byName.get(normalised);
    if (series === undefined) {
      const spec = this.touchpoints.get(id);
      const known =
        spec !== undefined && normaliseMetricName(spec.name) === normalised ? spec : undefined;
      series = new Series(
        id,
        known?.name ?? name,
        { file, line, column: 1 },
        percentDivisor(known),
        known?.unit === 'percent' ? 100 : 1,
      );
      entry.byName.set(normalised, series);
    }
    entry.series.set(written, series);
    entry.lastWritten = written;
    entry.lastSeries = series;
    return series;
  }

  /** Adds one observation; `day` is NaN for undated rows, which always count. */
  add(series: Series, day: number, a: number, b: number): void {
    this.stats.used++;
    if (Number.isNaN(day)) {
      series.sumA += a;
      series.sumB += b;
      series.rows++;
      return;
    }
    if (day > this.hi) return;
    if (day > series.latest) series.latest = day;
    if (day > this.maxDay) this.maxDay = day;
    if (!this.sliding) {
      if (day >= this.lo) {
        series.sumA += a;
        series.sumB += b;
        series.rows++;
      }
      return;
    }
    const period = this.period;
    // The window only moves forward, so a day already behind it can never be inside it.
    if (day <= this.maxDay - period) return;
    let ring = series.ring;
    if (ring === undefined) {
      ring = new Float64Array(period * SLOTS);
      for (let k = 0; k < ring.length; k += SLOTS) ring[k] = EMPTY_DAY;
      series.ring = ring;
    }
    let k = day % period;
    if (k < 0) k += period;
    k *= SLOTS;
    if (ring[k] === day) {
      ring[k + 1] = (ring[k + 1] ?? 0) + a;
      ring[k + 2] = (ring[k + 2] ?? 0) + b;
      ring[k + 3] = (ring[k + 3] ?? 0) + 1;
    } else {
      // The bucket holds a day at least one period older: outside the window now.
      ring[k] = day;
      ring[k + 1] = a;
      ring[k + 2] = b;
      ring[k + 3] = 1;
    }
  }

  finish(files: string[]): MetricsResult {
    const values = new Map<string, MetricValue>();
    const ids = new Map<string, IdSighting>();
    const hasDates = this.maxDay !== -Infinity;
    const lo = this.sliding ? this.maxDay - this.period + 1 : this.lo;
    for (const [id, entry] of this.ids) {
      ids.set(id, { rows: entry.rows, location: entry.location });
      for (const series of entry.byName.values()) {
        let { sumA, sumB, rows } = series;
        const ring = series.ring;
        if (ring !== undefined) {
          for (let k = 0; k < ring.length; k += SLOTS) {
            if ((ring[k] ?? EMPTY_DAY) >= lo) {
              sumA += ring[k + 1] ?? 0;
              sumB += ring[k + 2] ?? 0;
              rows += ring[k + 3] ?? 0;
            }
          }
        }
        const value: MetricValue = {
          touchpoint: id,
          metric: series.metric,
          rows,
          location: series.location,
        };
        if (rows > 0 && sumB !== 0) value.value = sumA / sumB;
        if (series.latest !== -Infinity) value.latestDate = formatDay(series.latest);
        values.set(metricKey(id, series.metric), value);
      }
    }
    const result: MetricsResult = {
      files,
      values,
      ids,
      findings: this.findings,
      stats: this.stats,
    };
    if (hasDates || !this.sliding) {
      const since = lo === -Infinity ? undefined : formatDay(lo);
      const end = this.hi === Infinity ? (hasDates ? this.maxDay : undefined) : this.hi;
      if (since !== undefined) result.since = since;
      if (end !== undefined) result.asOf = formatDay(end);
    }
    return result;
  }
}

function optionDay(flag: string, text: string): number {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text) ? parseDay(text) : NaN;
  if (Number.isNaN(day))
    throw new UsageError(`${flag} must be a date (YYYY-MM-DD), got ${JSON.stringify(text)}`);
  return day;
}

/** Reads one file's records into the aggregator according to its header. */
class FileReader {
  private layout: Layout | undefined;
  private width = 0;
  private header: string[] = [];
  private badRows = 0;
  private firstUnreported = 0;
  private readonly dates = new Map<string, number>();
  private lastDateText = '';
  private lastDay = NaN;
  /** Why the last `number()` call returned NaN; undefined for an empty or N/A cell. */
  private problem: string | undefined;

  constructor(
    private readonly file: string,
    private readonly dialect: Dialect,
    private readonly agg: Aggregator,
    private readonly sources: Config['sources'],
  ) {}

  readonly onRecord = (record: string[], line: number): void => {
    if (this.layout === undefined) {
      this.readHeader(record, line);
      return;
    }
    this.agg.stats.rows++;
    if (record.length !== this.width && !this.fitsWidth(record, line)) return;
    switch (this.layout.kind) {
      case 'long':
        this.long(this.layout, record, line);
        return;
      case 'wide':
        this.wide(this.layout, record, line);
        return;
      case 'mapped':
        this.mapped(this.layout, record, line);
        return;
    }
  };

  sink: RecordSink | undefined;

  private readHeader(record: string[], line: number): void {
    const detection = detectFormat(record, basename(this.file), this.sources);
    if (!detection.ok) {
      this.unknownColumn(detection.message, line);
      this.sink?.stop();
      return;
    }
    this.layout = detection.layout;
    this.header = record.map((name) => name.replace(/^\uFEFF/, '').trim());
    this.width = record.length;
  }

  unknownColumn(message: string, line = 1): void {
    this.agg.findings.push({
      rule: unknownColumnRule.meta.id,
      severity: unknownColumnRule.meta.defaultSeverity,
      message,
      location: { file: this.file, line, column: 1 },
    });
  }

  bad(line: number, message: string, touchpoint?: string, column?: number): void {
    this.agg.stats.bad++;
    this.badRows++;
    if (this.badRows > BAD_ROW_CAP) {
      if (this.firstUnreported === 0) this.firstUnreported = line;
      return;
    }
    const location: Location = { file: this.file, line, column: 1 };
    const path = column === undefined ? undefined : this.header[column];
    if (path !== undefined && path !== '') location.path = path;
    const finding: Finding = {
      rule: badRowRule.meta.id,
      severity: badRowRule.meta.defaultSeverity,
      message,
      location,
    };
    if (touchpoint !== undefined) finding.touchpoint = touchpoint;
    this.agg.findings.push(finding);
  }

  /** Called after the file: one finding for the bad rows past the cap. */
  summarise(): void {
    const more = this.badRows - BAD_ROW_CAP;
    if (more <= 0) return;
    this.agg.findings.push({
      rule: badRowRule.meta.id,
      severity: badRowRule.meta.defaultSeverity,
      message: `…and ${more} more bad row${more === 1 ? '' : 's'} in this file (first at line ${this.firstUnreported}); fix the ones above and re-run to see them`,
      location: { file: this.file, line: this.firstUnreported, column: 1 },
    });
  }

  /** A row with the wrong number of fields: fine only when the extra fields are empty. */
  private fitsWidth(record: string[], line: number): boolean {
    if (record.length > this.width && record.slice(this.width).every((f) => f.trim() === ''))
      return true;
    if (record.every((f) => f.trim() === '')) return false;
    this.bad(
      line,
      `the row has ${record.length} field${record.length === 1 ? '' : 's'}, the header has ${this.width}`,
    );
    return false;
  }

  private id(record: string[], index: number, line: number): string | undefined {
    const id = trim(record[index] ?? '');
    if (id !== '') return this.agg.alias(id);
    if (!record.every((f) => f.trim() === ''))
      this.bad(line, 'the touchpoint id is empty', undefined, index);
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
    const name = this.header[column] ?? '';
    const infinite = !Number.isNaN(value) || /^[-+]?inf(?:inity)?$/i.test(text);
    this.problem = `${name} ${describeCell(raw)} is not a ${infinite ? 'finite ' : ''}number`;
    return NaN;
  }

  /** The problem left by the last `number()` or `day()` call, clearing it. */
  private takeProblem(): string | undefined {
    const problem = this.problem;
    this.problem = undefined;
    return problem;
  }

  private day(text: string, column: number): number {
    this.problem = undefined;
    // Exports repeat one date over many consecutive rows: comparing beats hashing.
    if (text === this.lastDateText && !Number.isNaN(this.lastDay)) return this.lastDay;
    let day = this.dates.get(text);
    if (day === undefined) {
      day = parseDay(text.trim());
      if (this.dates.size >= DATE_CACHE_LIMIT) this.dates.clear();
      this.dates.set(text, day);
    }
    this.lastDateText = text;
    this.lastDay = day;
    if (Number.isNaN(day)) {
      const name = this.header[column] ?? '';
      this.problem =
        text.trim() === ''
          ? `${name} is empty`
          : `${name} ${describeCell(text)} is not a valid date (expected YYYY-MM-DD or DD/MM/YYYY)`;
    }
    return day;
  }

  private long(layout: Extract<Layout, { kind: 'long' }>, record: string[], line: number): void {
    const id = this.id(record, layout.id, line);
    if (id === undefined) return;
    const entry = this.agg.sight(id, this.file, line);
    const written = record[layout.metric] ?? '';
    if (trim(written) === '') {
      this.bad(line, 'the metric name is empty', id, layout.metric);
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
        if (valueProblem === undefined) this.bad(line, dateProblem, id, layout.date);
        else this.bad(line, `${valueProblem}; ${dateProblem}`, id, layout.value);
        return;
      }
    }
    if (valueProblem !== undefined) {
      this.bad(line, valueProblem, id, layout.value);
      return;
    }
    if (Number.isNaN(value)) {
      this.agg.stats.skipped++;
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
        this.bad(line, dateProblem, id, layout.date);
        return;
      }
    }
    let problems: string[] | undefined;
    let firstBad: number | undefined;
    for (const { index, name } of layout.metrics) {
      const series = this.agg.series(id, entry, name, this.file, line);
      const value = this.number(record[index] ?? '', series, index);
      const problem = this.takeProblem();
      if (!Number.isNaN(value)) this.agg.add(series, day, value, 1);
      else if (problem === undefined) this.agg.stats.skipped++;
      else {
        (problems ??= []).push(problem);
        firstBad ??= index;
      }
    }
    // The row's other cells are independent observations and stay in.
    if (problems !== undefined) this.bad(line, problems.join('; '), id, firstBad);
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
      this.bad(line, 'the metric name is empty', id, 'index' in metric ? metric.index : undefined);
      return;
    }
    const series = this.agg.series(id, entry, written, this.file, line);
    const problems: string[] = [];
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
      this.bad(line, problems.join('; '), id, column);
      return;
    }
    // A zero denominator (nothing delivered) says nothing about the rate.
    if (Number.isNaN(a) || Number.isNaN(b) || b === 0) {
      this.agg.stats.skipped++;
      return;
    }
    this.agg.add(series, day, 'index' in layout.value ? a : a * series.ratioScale, b);
  }
}

function reason(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    return error.code === 'ENOENT' ? 'no such file' : `${error.code}: ${error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}

async function readHead(file: string): Promise<Buffer> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw new InputError(`cannot read metrics file ${file}: ${reason(error)}`);
  }
  try {
    if ((await handle.stat()).isDirectory()) {
      throw new InputError(`cannot read metrics file ${file}: it is a directory`);
    }
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
    return head.subarray(0, bytesRead);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read metrics file ${file}: ${reason(error)}`);
  } finally {
    await handle.close();
  }
}

async function readFile(file: string, agg: Aggregator, config: Config): Promise<void> {
  const sniffed = sniff(await readHead(file));
  const dialect: Dialect =
    sniffed.kind === 'text'
      ? sniffed.dialect
      : { delimiter: ',', separatorLine: false, decimalComma: false };
  const reader = new FileReader(file, dialect, agg, config.sources);
  if (sniffed.kind === 'empty') {
    reader.unknownColumn(
      'the file is empty: expected a header row such as touchpoint_id,metric,value,date',
    );
    return;
  }
  if (sniffed.kind === 'binary') {
    reader.unknownColumn(`the file is not CSV text: ${sniffed.reason}`);
    return;
  }
  // Loaded on first use: `validate` never pays for the CSV stack.
  const { RecordSink, MAX_RECORD_CHARS, csvErrorCode } = await import('./record-sink.js');
  const sink = new RecordSink(dialect, reader.onRecord);
  reader.sink = sink;
  sink.resume();
  try {
    await pipeline(createReadStream(file, { highWaterMark: 256 * 1024 }), sink);
  } catch (error) {
    if (!sink.stopped) {
      const code = csvErrorCode(error);
      if (code === undefined)
        throw new InputError(`cannot read metrics file ${file}: ${reason(error)}`);
      const line = sink.nextLine;
      reader.bad(
        line,
        code === 'CSV_MAX_RECORD_SIZE'
          ? `the row starting at line ${line} is longer than ${MAX_RECORD_CHARS / 1024 / 1024} MiB (an unclosed quote?); the rest of the file was not read`
          : code === 'CSV_QUOTE_NOT_CLOSED'
            ? `a quoted field starting at or after line ${line} is never closed; the rest of the file was not read`
            : `${reason(error)}; the rest of the file was not read`,
      );
    }
  }
  reader.summarise();
}

/**
 * Streams metric exports (long, wide or config-mapped CSV) and aggregates, per touchpoint (after
 * `config.aliases`) and metric, the value over the period: `since`..`asOf` when given, otherwise
 * the latest `config.period` days of data. Memory is bounded by touchpoints × metrics × period,
 * never by row count. Problems in the files are `metrics/bad-row` and `metrics/unknown-column`
 * findings; a missing or unreadable file throws `InputError`.
 */
export async function readMetrics(
  files: string[],
  options: ReadMetricsOptions,
): Promise<MetricsResult> {
  const agg = new Aggregator(options);
  for (const file of files) await readFile(file, agg, options.config);
  return agg.finish([...files]);
}
