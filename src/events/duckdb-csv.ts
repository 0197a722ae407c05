import { inputError } from '../i18n/worded-error.js';
import { compareText } from '../shared/compare-text.js';
import { open } from 'node:fs/promises';
import { HEAD_BYTES, csvHead, isGzip } from './csv-records.js';
import { loadPapa } from '../metrics/papa-records.js';
import { doubled as literal } from './sql.js';
import { InputError } from '../errors.js';
import { isAggregateHeader } from './aggregate-csv.js';
import { columnIndexes, normalise } from './read-events.js';
import type { ColumnIndexes, EventColumns } from './read-events.js';

/**
 * Fields a row may have past its header's before DuckDB stops at it (a trailing delimiter or
 * two, an export's notes column): the streaming reader ignores them, so DuckDB is given that
 * many unnamed columns more, read as NULL where a row is shorter. Each column costs DuckDB's
 * parser on every row (the 16 about 5% of a pass), so a pass first takes one more than the
 * widest row of the samples, and only a log with a wider row further on is read again with
 * all of them (see `csvRows`).
 */
const SPARE_COLUMNS = 16;

/**
 * DuckDB's CSV buffer: its longest line (2 MiB by default), not its default of 16 of them. Each
 * thread keeps buffers in flight, so the default's cost a 10M-row pass about 60 MiB of its peak,
 * for no speed.
 */
const BUFFER_BYTES = 2 * 1024 * 1024;

/** How one CSV event log is written, as the streaming reader reads it from its first 64 KB. */
export interface CsvLayout {
  file: string;
  delimiter: ',' | ';' | '\t';
  /** Lines before the header: Excel's `sep=` line and empty lines. */
  skip: number;
  /** The header's fields as written. */
  header: string[];
  /**
   * Whole rows of the log: those after the header in its first 64 KB and, in a plain file, of
   * windows spread to its end (rows a window cuts are left out).
   */
  sample: string[][];
}

/**
 * The most ids of {@link touchpointsWritten}: with the days of 1880 to 2059 they still pack in a
 * 32-bit integer (see the engine's `dayBoundFor`).
 */
const MAX_WRITTEN = 4096;

/** The text of `text` after its first `lines` line breaks. */
function afterLines(text: string, lines: number): string {
  let rest = text;
  for (let i = 0; i < lines; i++) {
    const at = rest.search(/\r\n|\n|\r/);
    rest = at < 0 ? '' : rest.slice(at + (rest.startsWith('\r\n', at) ? 2 : 1));
  }
  return rest;
}

/**
 * The layout of a CSV (optionally gzip) event log, read by the streaming reader's own sniffer:
 * an empty or binary file stops with its message, and DuckDB is then told the dialect rather
 * than guessing it (its sniffer costs a fifth of a 1M-row pass, and on a short or ragged file
 * can take the header for a row).
 */
export async function csvLayout(file: string): Promise<CsvLayout> {
  const { text, dialect, complete } = await csvHead(file, 'event log');
  let skip = dialect.separatorLine ? 1 : 0;
  let rest = afterLines(text, skip);
  // Empty lines before the header, which the streaming reader skips too.
  const empty = /^(?:\r\n|\n|\r)*/.exec(rest)?.[0] ?? '';
  const breaks = empty.split(/\r\n|\n|\r/).length - 1;
  skip += breaks;
  rest = afterLines(rest, breaks);
  const Papa = loadPapa();
  const records = (text: string): string[][] =>
    Papa.parse<string[]>(text, { delimiter: dialect.delimiter, quoteChar: '"', escapeChar: '"' })
      .data;
  const [header, ...rows] = records(rest);
  if (header === undefined || (header.length === 1 && header[0] === '')) {
    throw inputError('err.eventsNoHeader', { file });
  }
  if (!complete) rows.pop();
  if (!complete && !isGzip(file)) {
    // Further on in a plain file: an id first written later (a campaign begun mid-year) is packed too.
    for (const text of await spreadSamples(file)) {
      // The first and the last line may be cut.
      rows.push(...records(afterLines(text, 1)).slice(0, -1));
    }
  }
  return { file, delimiter: dialect.delimiter, skip, header, sample: rows };
}

/** Samples of a plain log past its head: {@link SAMPLES} windows of 16 KB, spread to its end. */
const SAMPLES = 16;
const SAMPLE_BYTES = 16 * 1024;

/**
 * The text of {@link SAMPLES} windows spread over a plain file past its head, the last at its
 * end. Each starts and ends mid-line (the caller drops both halves); one that starts inside a
 * quoted field reads as garbage, which only packs an id no row has. Only a speed-up: a file
 * that cannot be read again (gone since its head was read) gives none, and DuckDB's pass says
 * what is wrong with it.
 */
async function spreadSamples(file: string): Promise<string[]> {
  const handle = await open(file, 'r').catch(() => undefined);
  if (handle === undefined) return [];
  try {
    const { size } = await handle.stat();
    const span = size - HEAD_BYTES - SAMPLE_BYTES;
    const decoder = new TextDecoder();
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const texts: string[] = [];
    for (let i = 1; span > 0 && i <= SAMPLES; i++) {
      const at = HEAD_BYTES + Math.floor((span * i) / SAMPLES);
      const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, at);
      texts.push(decoder.decode(buffer.subarray(0, bytesRead)));
    }
    return texts;
  } catch {
    return [];
  } finally {
    await handle.close();
  }
}

/**
 * The touchpoint ids as written in the logs' samples (see {@link CsvLayout.sample}), sorted, for
 * DuckDB to pack as numbers before the inventory is read (any other id is read as text): at
 * most {@link MAX_WRITTEN}, none empty once trimmed (the reader skips such rows).
 */
export function touchpointsWritten(layouts: readonly CsvLayout[], columns: EventColumns): string[] {
  const ids = new Set<string>();
  for (const layout of layouts) {
    const { touchpoint } = rolesOf(layout, columns);
    for (const row of layout.sample) {
      const id = row[touchpoint];
      if (id === undefined || id.trim() === '' || ids.has(id)) continue;
      if (ids.size === MAX_WRITTEN) return [...ids].sort(compareText);
      ids.add(id);
    }
  }
  return [...ids].sort(compareText);
}

/**
 * The rows of CSV event logs as `a`, `t`, `s` and `ts` (text as written; `s` NULL in a log
 * without the segment column), each file read with the dialect of its layout and its columns
 * found as the streaming reader finds them (trimmed, regardless of case). Files written alike
 * share one `read_csv`, which DuckDB reads in parallel; others are added with UNION ALL.
 * A log without a needed column stops with the streaming reader's message. Each file has one
 * column more than the widest of its header and sampled rows or, `wide`, its header's and
 * {@link SPARE_COLUMNS}: DuckDB stops at a row wider than that (see {@link isTooWide}).
 */
export function csvRows(
  layouts: readonly CsvLayout[],
  columns: EventColumns,
  wide = false,
): string {
  const groups = new Map<string, { layouts: CsvLayout[]; roles: ColumnIndexes }>();
  for (const layout of layouts) {
    const roles = rolesOf(layout, columns);
    const key = JSON.stringify([layout.delimiter, layout.skip, layout.header.length, roles]);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { layouts: [layout], roles });
    else group.layouts.push(layout);
  }
  return [...groups.values()]
    .map(({ layouts: alike, roles }) => {
      const [layout] = alike as [CsvLayout, ...CsvLayout[]];
      const files = alike.map((l) => l.file);
      const width = wide ? layout.header.length + SPARE_COLUMNS : narrowWidth(alike);
      const names = Array.from({ length: width }, (_, i) => `'c${String(i)}': 'VARCHAR'`);
      const column = (index: number): string => `c${String(index)}`;
      const segment = roles.segment < 0 ? 'CAST(NULL AS VARCHAR)' : column(roles.segment);
      return `SELECT ${column(roles.account)} AS a, ${column(roles.touchpoint)} AS t, ${segment} AS s, ${column(roles.timestamp)} AS ts
      FROM read_csv([${files.map(literal).join(', ')}], auto_detect = false, header = true,
        delim = ${literal(layout.delimiter)}, quote = '"', escape = '"', skip = ${String(layout.skip)},
        null_padding = true, buffer_size = ${String(BUFFER_BYTES)}, columns = {${names.join(', ')}})`;
    })
    .join('\n      UNION ALL ');
}

/**
 * The columns of a first pass over logs written alike: one more than the widest of their header
 * and sampled rows (a trailing delimiter the samples missed), never more than the wide pass's.
 */
function narrowWidth(alike: readonly CsvLayout[]): number {
  const header = alike[0]?.header.length ?? 0;
  let widest = header;
  for (const layout of alike)
    for (const row of layout.sample) widest = Math.max(widest, row.length);
  return Math.min(widest + 1, header + SPARE_COLUMNS);
}

/**
 * Whether DuckDB stopped at a row with more fields than the columns it was given: a pass over
 * the narrow columns of {@link csvRows} is then read again with all of them.
 */
export const isTooWide = (error: unknown): boolean =>
  error instanceof Error && error.message.includes('Expected Number of Columns');

function rolesOf(layout: CsvLayout, columns: EventColumns): ColumnIndexes {
  const found = columnIndexes(layout.header, columns, `${layout.file}:${String(layout.skip + 1)}`);
  if (found instanceof InputError) throw found;
  return found;
}

/** Whether the log is a `touchpoint sql` result rather than raw events, by its header. */
export const isAggregateLayout = (layout: CsvLayout): boolean =>
  isAggregateHeader(layout.header.map(normalise));
