import { ignoreMatcher } from '../config/ignore.js';
import { compareText } from '../shared/compare-text.js';
import { representativeTarget, type Inventory, type Location, type MetricSpec } from '../types.js';
import { normaliseMetricName } from './detect-format.js';
import { AliasResolver } from './mapping/aliases.js';
import { idPattern } from './mapping/id-pattern.js';
import { QuantileSketch } from './mapping/quantile.js';
import { formatDay } from './parse-date.js';
import type { MetricPeriod } from './period.js';
import { DayWindows, type WindowSums } from './day-window.js';
import type { MetricProblem } from './problems.js';
import {
  metricKey,
  unusedCount,
  type FileRead,
  type IdSighting,
  type MetricsResult,
  type MetricValue,
  type RowStats,
  type SegmentValue,
  type UntrackedGroup,
} from './types.js';

/**
 * Distinct ids not in the inventory (or ignored by `ignore:`) kept one by one, with their rows
 * and first line; past it such ids are only counted per shape (300,000 of them took 1.2 GB).
 */
export const UNTRACKED_AFTER = 1_000;
/** Shapes of untracked ids counted apart; ids of any further shape share one group. */
const UNTRACKED_PATTERNS = 100;
/** Example ids kept per shape. */
const UNTRACKED_EXAMPLES = 3;

function percentDivisor(spec: MetricSpec | undefined): number {
  if (spec?.unit === 'percent') return 1;
  const target = representativeTarget(spec);
  if (spec?.unit === 'ratio' || target === undefined) return 100;
  return target.value > 1 ? 1 : 100;
}

const SECONDS_PER_UNIT: Partial<Record<string, number>> = {
  seconds: 1,
  minutes: 60,
  hours: 3600,
  days: 86400,
};

/** One touchpoint's metric while reading: a mean (a = Σvalue, b = n) or a ratio (a = Σnum, b = Σden). */
export class Series {
  sumA = 0;
  sumB = 0;
  rows = 0;
  /** Rows added with a date at or before the period's end (or none): `rows` plus the older. */
  added = 0;
  /** Rows not used, by why; rows before the period are `added - rows` at the end. */
  unreadableDate = 0;
  unreadableValue = 0;
  empty = 0;
  afterAsOf = 0;
  latest = -Infinity;
  /** The series' index in the aggregator's day windows; -1 until it has a value in the window. */
  window = -1;
  /** A sum or a count: the value is Σa, not Σa / Σb. */
  total = false;
  /** For a median or percentile: which quantile (0.5, 0.9), and the values' sketches. */
  quantile: number | undefined;
  sketch: QuantileSketch | undefined;
  /** Sliding window only: one sketch per day, so days that leave the window leave the value. */
  daySketches: Map<number, QuantileSketch> | undefined;
  /** The same metric per segment, when rows name one. */
  segments: Map<string, Series> | undefined;
  /** The segment of this series' last row, its series and that series' day window. */
  lastSegment = '';
  lastChild: Series | undefined;
  lastChildWindow = -1;
  /** `location.line`, read on every row without touching the location. */
  line: number;
  constructor(
    readonly touchpoint: string,
    readonly metric: string,
    public location: Location,
    /** Turns a `72%` cell into the metric's unit: 100 for ratios, 1 for percents. */
    readonly percentDivisor: number,
    /** Turns a numerator/denominator ratio into the metric's unit. */
    readonly ratioScale: number,
    /** Seconds in one unit of the metric (`01:30:00` is 1.5 hours); undefined for other units. */
    readonly secondsPerUnit?: number,
  ) {
    this.line = location.line;
  }
}

export interface IdEntry {
  id: string;
  /** The entry of the row that followed this id's last row. */
  next: IdEntry | undefined;
  rows: number;
  location: Location;
  /** `location.line`, kept beside `rows`: the row path reads it without the location's cache line. */
  line: number;
  rejected: number;
  firstRejected: Location | undefined;
  /** By metric name as written in the file (fast path), then by normalised name. */
  series: Map<string, Series>;
  byName: Map<string, Series>;
  lastWritten: string;
  lastSeries: Series | undefined;
  /** Set for the shared entry of untracked ids: its rows are counted, its values dropped. */
  untracked?: true;
}

function newEntry(id: string, file: string, line: number): IdEntry {
  return {
    id,
    next: undefined,
    rows: 0,
    location: { file, line, column: 1 },
    line,
    rejected: 0,
    firstRejected: undefined,
    series: new Map(),
    byName: new Map(),
    lastWritten: '',
    lastSeries: undefined,
  };
}

export function emptyStats(): RowStats {
  return { rows: 0, used: 0, skipped: 0, bad: 0, afterAsOf: 0, totals: 0 };
}

/**
 * Everything kept while streaming, across files: bounded by touchpoints × metrics × period, not
 * by rows. Rows come in through `sight` (the id), `series` (the metric) and `add` (the value).
 */
export class Aggregator {
  readonly ids = new Map<string, IdEntry>();
  readonly problems: MetricProblem[] = [];
  readonly stats = emptyStats();
  readonly reads: FileRead[] = [];
  /** The counts of the file being read; also added to `stats`. */
  current: RowStats = emptyStats();
  private readonly aliases: AliasResolver;
  private readonly touchpoints = new Map<string, MetricSpec | undefined>();
  private readonly period: number;
  private readonly lo: number;
  private readonly hi: number;
  /** Without bounds the period ends at the latest date in the data: a sliding ring. */
  private readonly sliding: boolean;
  /** Per-day buckets of the sliding window's series. */
  private readonly windows: DayWindows;
  private maxDay = -Infinity;
  private previous: IdEntry | undefined;
  /** Line of the row being read (set by `sight`), for rows dated after the as-of date. */
  private line = 0;
  /** The current file's rows dated after the as-of date: how many, the first, the latest day. */
  private future = { rows: 0, line: 0, lastLine: 0, latest: -Infinity };
  /** The current file's dated values: first and last day, and values inside the period. */
  private span = { first: Infinity, last: -Infinity, inPeriod: 0 };
  /** With an inventory, ids outside it are kept one by one only up to UNTRACKED_AFTER. */
  private readonly bounded: boolean;
  private readonly ignored: ((id: string) => boolean) | undefined;
  private outsiders = 0;
  /** Per shape of id ('' for the rest), the untracked ids' shared entry and examples. */
  private readonly untracked = new Map<string, { entry: IdEntry; examples: string[] }>();
  /** Ignored ids past the limit: neither kept nor reported. */
  private readonly ignoredSink = { ...newEntry('', '', 0), untracked: true as const };
  /** The series every untracked row's values go to, and are dropped from. */
  private readonly sinkSeries = new Series('', '', { file: '', line: 0, column: 1 }, 100, 1);

  constructor(
    period: MetricPeriod,
    aliases: Record<string, string>,
    inventory?: Inventory,
    ignore: readonly string[] = [],
  ) {
    this.aliases = new AliasResolver(aliases);
    this.bounded = inventory !== undefined;
    this.ignored = ignoreMatcher(ignore);
    for (const tp of inventory?.touchpoints ?? []) {
      if (!this.touchpoints.has(tp.id)) this.touchpoints.set(tp.id, tp.metric);
    }
    this.period = Math.max(1, Math.round(period.days));
    const { since, asOf } = period;
    this.sliding = since === undefined && asOf === undefined;
    this.windows = new DayWindows(this.period);
    this.hi = asOf ?? Infinity;
    this.lo = since ?? (asOf === undefined ? -Infinity : asOf - this.period + 1);
  }

  /** Starts counting a new file's rows. */
  startFile(file: string): void {
    this.current = emptyStats();
    this.future = { rows: 0, line: 0, lastLine: 0, latest: -Infinity };
    this.span = { first: Infinity, last: -Infinity, inPeriod: 0 };
    this.reads.push({ file, ...this.current, inPeriod: 0 });
  }

  /** Closes the current file's counts. */
  endFile(): void {
    const read = this.reads[this.reads.length - 1];
    if (read === undefined) return;
    Object.assign(read, this.current);
    const { first, last, inPeriod } = this.span;
    read.inPeriod = inPeriod;
    if (first <= last) Object.assign(read, { firstDay: first, lastDay: last });
    const future = this.future;
    if (future.rows > 0) {
      this.problems.push({
        kind: 'future-date',
        rows: future.rows,
        latest: formatDay(future.latest),
        asOf: formatDay(this.hi),
        location: { file: read.file, line: future.line, column: 1 },
      });
    }
    for (const key of Object.keys(this.stats) as (keyof RowStats)[])
      this.stats[key] += this.current[key];
  }

  /** The inventory's unit for a touchpoint's metric, when the inventory gives one. */
  unitOf(id: string): MetricSpec['unit'] {
    return this.touchpoints.get(id)?.unit;
  }

  alias(id: string): string {
    return this.aliases.empty ? id : this.aliases.resolve(id);
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
    this.line = line;
    entry.rows++;
    // Rows held for their date order are read after later ones: keep the first line.
    if (line < entry.line && entry.location.file === file) {
      entry.location = { file, line, column: 1 };
      entry.line = line;
    }
    return entry;
  }

  /** A row of this id that could not be used. */
  reject(entry: IdEntry, location: Location): void {
    entry.rejected++;
    entry.firstRejected ??= location;
  }

  private lookup(id: string, file: string, line: number): IdEntry {
    let entry = this.ids.get(id);
    if (entry === undefined) {
      if (this.bounded && !this.touchpoints.has(id)) {
        if (this.outsiders >= UNTRACKED_AFTER) return this.untrackedEntry(id, file, line);
        this.outsiders++;
      }
      entry = newEntry(id, file, line);
      this.ids.set(id, entry);
    }
    return entry;
  }

  /** The shared entry of an id past the limit: one per shape, with its first few ids. */
  private untrackedEntry(id: string, file: string, line: number): IdEntry {
    if (this.ignored?.(id) === true) return this.ignoredSink;
    let shape = idPattern(id) ?? '';
    if (!this.untracked.has(shape) && this.untracked.size >= UNTRACKED_PATTERNS) shape = '';
    let group = this.untracked.get(shape);
    if (group === undefined) {
      group = { entry: { ...newEntry(id, file, line), untracked: true }, examples: [] };
      this.untracked.set(shape, group);
    }
    if (group.examples.length < UNTRACKED_EXAMPLES && !group.examples.includes(id))
      group.examples.push(id);
    return group.entry;
  }

  series(id: string, entry: IdEntry, written: string, file: string, line: number): Series {
    if (entry.untracked === true) return this.sinkSeries;
    // Most ids carry one metric: comparing with the last one beats hashing.
    let series = entry.lastSeries;
    if (written !== entry.lastWritten || series === undefined) {
      series = entry.series.get(written);
      if (series === undefined) return this.newSeries(id, entry, written, file, line);
      entry.lastWritten = written;
      entry.lastSeries = series;
    }
    if (line < series.line && series.location.file === file) {
      series.location = { file, line, column: 1 };
      series.line = line;
    }
    return series;
  }

  private newSeries(
    id: string,
    entry: IdEntry,
    written: string,
    file: string,
    line: number,
  ): Series {
    let series: Series | undefined;
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
        known?.unit === undefined ? undefined : SECONDS_PER_UNIT[known.unit],
      );
      entry.byName.set(normalised, series);
    }
    entry.series.set(written, series);
    entry.lastWritten = written;
    entry.lastSeries = series;
    return series;
  }

  /** The series' values of one segment (created on first use). */
  private segmentOf(series: Series, segment: string): Series {
    // A touchpoint's rows mostly name one segment: comparing with the last one beats hashing.
    if (segment === series.lastSegment && series.lastChild !== undefined) return series.lastChild;
    const segments = (series.segments ??= new Map<string, Series>());
    let child = segments.get(segment);
    if (child === undefined) {
      child = new Series(
        series.touchpoint,
        series.metric,
        series.location,
        series.percentDivisor,
        series.ratioScale,
      );
      child.total = series.total;
      child.quantile = series.quantile;
      segments.set(segment, child);
    }
    series.lastSegment = segment;
    series.lastChild = child;
    return child;
  }

  /**
   * Adds one observation (a = value or numerator, b = 1 or denominator); `day` is NaN for
   * undated rows, which always count. With a segment, it counts in the pooled value and in the
   * segment's.
   */
  add(series: Series, day: number, a: number, b: number, segment?: string): void {
    const span = this.span;
    if (day < span.first) span.first = day;
    if (day > span.last) span.last = day;
    if (day > this.hi) {
      this.current.afterAsOf++;
      series.afterAsOf++;
      const future = this.future;
      // A wide row adds one value per metric: count it once.
      if (future.lastLine !== this.line) {
        future.rows++;
        future.lastLine = this.line;
        if (future.line === 0 || this.line < future.line) future.line = this.line;
      }
      if (day > future.latest) future.latest = day;
      return;
    }
    this.current.used++;
    series.added++;
    // NaN (an undated value) is never before the period: it always counts.
    if (!(day < this.lo)) span.inPeriod++;
    if (day > this.maxDay) this.maxDay = day;
    if (series === this.sinkSeries) return;
    this.accumulate(series, day, a, b);
    if (segment !== undefined) this.accumulateSegment(series, segment, day, a, b);
  }

  /**
   * Adds a row's value to its segment's series. A row in the sliding window of the same segment as
   * the series' last goes straight to the segment's day buckets, held beside the pooled series',
   * without reading the segment's series (a segment's latest date is never reported).
   */
  private accumulateSegment(series: Series, segment: string, day: number, a: number, b: number) {
    if (
      series.lastChildWindow >= 0 &&
      segment === series.lastSegment &&
      this.sliding &&
      day > this.maxDay - this.period &&
      series.quantile === undefined
    ) {
      this.windows.add(series.lastChildWindow, day, a, b);
      return;
    }
    const child = this.segmentOf(series, segment);
    this.accumulate(child, day, a, b);
    series.lastChildWindow = child.window;
  }

  private accumulate(series: Series, day: number, a: number, b: number): void {
    if (Number.isNaN(day) || (!this.sliding && day >= this.lo)) {
      if (day > series.latest) series.latest = day;
      series.sumA += a;
      series.sumB += b;
      series.rows++;
      if (series.quantile !== undefined) (series.sketch ??= new QuantileSketch()).add(a);
      return;
    }
    if (day > series.latest) series.latest = day;
    if (!this.sliding) return;
    const period = this.period;
    // The window only moves forward, so a day already behind it can never be inside it.
    if (day <= this.maxDay - period) return;
    if (series.quantile !== undefined) this.addToDaySketch(series, day, a);
    if (series.window < 0) series.window = this.windows.allocate();
    this.windows.add(series.window, day, a, b);
  }

  private addToDaySketch(series: Series, day: number, value: number): void {
    const days = (series.daySketches ??= new Map<number, QuantileSketch>());
    let sketch = days.get(day);
    if (sketch === undefined) {
      // Days behind the window are dropped as it moves: at most `period` sketches stay.
      if (days.size >= this.period) {
        for (const old of days.keys()) if (old <= this.maxDay - this.period) days.delete(old);
      }
      sketch = new QuantileSketch();
      days.set(day, sketch);
    }
    sketch.add(value);
  }

  /** A series' value and rows over the window starting at `lo`. */
  private summarise(series: Series, lo: number): { value?: number; rows: number } {
    const sums: WindowSums = { sumA: series.sumA, sumB: series.sumB, rows: series.rows };
    if (series.window >= 0) this.windows.sum(series.window, lo, sums);
    const { sumA, sumB, rows } = sums;
    if (rows === 0) return { rows };
    if (series.quantile !== undefined) {
      const merged = new QuantileSketch();
      if (series.sketch !== undefined) merged.merge(series.sketch);
      for (const [day, sketch] of series.daySketches ?? []) if (day >= lo) merged.merge(sketch);
      const value = merged.quantile(series.quantile);
      return value === undefined ? { rows } : { value, rows };
    }
    if (series.total) return { value: sumA, rows };
    return sumB === 0 ? { rows } : { value: sumA / sumB, rows };
  }

  finish(): MetricsResult {
    const values = new Map<string, MetricValue>();
    const ids = new Map<string, IdSighting>();
    const hasDates = this.maxDay !== -Infinity;
    const lo = this.sliding ? this.maxDay - this.period + 1 : this.lo;
    const fileIndex = new Map(this.reads.map((read, i) => [read.file, i]));
    const byPosition = (a: Location, b: Location): number =>
      (fileIndex.get(a.file) ?? 0) - (fileIndex.get(b.file) ?? 0) || a.line - b.line;
    const entries = [...this.ids.values()].sort((a, b) => byPosition(a.location, b.location));
    for (const entry of entries) {
      const { id } = entry;
      const sighting: IdSighting = { rows: entry.rows, location: entry.location };
      if (entry.firstRejected !== undefined)
        sighting.rejected = { rows: entry.rejected, location: entry.firstRejected };
      ids.set(id, sighting);
      const ordered = [...entry.byName.values()].sort((a, b) => byPosition(a.location, b.location));
      for (const series of ordered) {
        const { value: observed, rows } = this.summarise(series, lo);
        const value: MetricValue = {
          touchpoint: id,
          metric: series.metric,
          rows,
          location: series.location,
        };
        if (observed !== undefined) value.value = observed;
        const unused = {
          unreadableDate: series.unreadableDate,
          unreadableValue: series.unreadableValue,
          empty: series.empty,
          afterAsOf: series.afterAsOf,
          beforePeriod: series.added - rows,
        };
        if (unusedCount(unused) > 0) value.unused = unused;
        if (series.segments !== undefined) {
          const segments: Record<string, SegmentValue> = {};
          const names = [...series.segments.keys()].sort(compareText);
          for (const name of names) {
            const child = series.segments.get(name);
            if (child === undefined) continue;
            const summary = this.summarise(child, lo);
            const segment: SegmentValue = { rows: summary.rows };
            if (summary.value !== undefined) segment.value = summary.value;
            segments[name] = segment;
          }
          value.segments = segments;
        }
        if (series.latest !== -Infinity) value.latestDate = formatDay(series.latest);
        values.set(metricKey(id, series.metric), value);
      }
    }
    const result: MetricsResult = {
      files: this.reads.map((read) => read.file),
      reads: this.reads,
      values,
      ids,
      descriptions: [],
      problems: this.problems,
      stats: this.stats,
    };
    if (this.untracked.size > 0) {
      const groups = [...this.untracked].map(([shape, { entry, examples }]) => {
        const group: UntrackedGroup = { rows: entry.rows, location: entry.location, examples };
        if (shape !== '') group.pattern = shape;
        return group;
      });
      groups.sort((a, b) => byPosition(a.location, b.location));
      result.untracked = { limit: UNTRACKED_AFTER, groups };
    }
    if (hasDates || !this.sliding) {
      const since = lo === -Infinity ? undefined : formatDay(lo);
      const end = this.hi === Infinity ? (hasDates ? this.maxDay : undefined) : this.hi;
      if (since !== undefined) result.since = since;
      if (end !== undefined) result.asOf = formatDay(end);
    }
    return result;
  }
}
