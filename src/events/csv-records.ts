import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InputError } from '../errors.js';
import { inputError } from '../i18n/worded-error.js';
import { MAX_RECORD_CHARS, loadPapa, papaRecords, type PapaEnd } from '../metrics/papa-records.js';
import { sniff } from '../metrics/sniff.js';
import type { Dialect } from '../metrics/sniff.js';
import { EventFilesError } from './errors.js';
import type { EventRowProblem } from './types.js';

/** The head of a CSV file that is sniffed (and, for the DuckDB engine, sampled for ids). */
export const HEAD_BYTES = 64 * 1024;
/** After this many bad rows in a file, one finding summarises the rest. */
const MAX_BAD_ROWS = 10;

export const isGzip = (file: string): boolean => /\.gz$/i.test(file);
export const isParquet = (file: string): boolean => /\.parquet$/i.test(file);

function reason(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    return error.code === 'ENOENT' ? 'no such file' : error.code;
  }
  return error instanceof Error ? error.message : String(error);
}

function openStream(file: string): Readable {
  const raw = createReadStream(file, { highWaterMark: 256 * 1024 });
  if (!isGzip(file)) return raw;
  const gunzip = createGunzip();
  raw.on('error', (error) => gunzip.destroy(error));
  return raw.pipe(gunzip);
}

async function readHead(file: string, noun: string): Promise<Buffer> {
  if (!isGzip(file)) {
    const handle = await open(file, 'r').catch((error: unknown) => {
      throw inputError('err.eventsCannotRead', { file, reason: reason(error) }, { what: noun });
    });
    try {
      if ((await handle.stat()).isDirectory())
        throw inputError('err.eventsDirectory', { file }, { what: noun });
      const head = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
      return head.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }
  const chunks: Buffer[] = [];
  let size = 0;
  const stream = openStream(file);
  try {
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size >= HEAD_BYTES) break;
    }
  } catch (error) {
    throw inputError('err.eventsCannotRead', { file, reason: reason(error) }, { what: noun });
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, HEAD_BYTES);
}

/** The first 64 KB of a CSV file as text, without its BOM, and its dialect. */
export interface CsvHead {
  text: string;
  dialect: Dialect;
  /** Whether `text` is the whole file. */
  complete: boolean;
}

/**
 * The head of a CSV (optionally gzip) file and what it says of the dialect; an empty or binary
 * file stops here, with one message for every reader of it.
 */
export async function csvHead(file: string, noun: string): Promise<CsvHead> {
  // Event logs and accounts files are read as UTF-8: UTF-16 shows as NUL bytes, Windows-1252 as U+FFFD.
  const head = await readHead(file, noun);
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const sniffed = sniff(text);
  if (sniffed.kind !== 'text') {
    throw sniffed.kind === 'empty'
      ? inputError('err.eventsEmpty', { file }, { what: noun })
      : inputError('err.eventsNotCsv', { file, reason: sniffed.reason }, { what: noun });
  }
  return { text, dialect: sniffed.dialect, complete: head.length < HEAD_BYTES };
}

/** What was wrong with a row, without its position (which {@link BadRows.report} adds). */
export type RowProblemFacts = EventRowProblem extends infer P
  ? P extends EventRowProblem
    ? Omit<P, 'location'>
    : never
  : never;

/** The bad rows of one file (`observed/bad-row`): the first ten, then one problem for the rest. */
export class BadRows {
  count = 0;
  constructor(
    private readonly file: string,
    private readonly problems: EventRowProblem[],
    private readonly onReport?: () => void,
  ) {}

  report(line: number, column: number, problem: RowProblemFacts): void {
    this.count++;
    this.onReport?.();
    if (this.count > MAX_BAD_ROWS) return;
    this.problems.push({ ...problem, location: { file: this.file, line, column } });
  }

  /** The summary of the rows past the first ten. */
  finish(): void {
    if (this.count <= MAX_BAD_ROWS) return;
    this.problems.push({
      kind: 'more-bad-rows',
      count: this.count - MAX_BAD_ROWS,
      file: this.file,
      location: { file: this.file, line: 1, column: 1 },
    });
  }
}

/**
 * Streams the records of a CSV (optionally gzip) file with their physical lines, parsed by
 * papaparse (several times faster than csv-parse on event logs of millions of rows; quotes are
 * read as RFC 4180, a quote inside an unquoted field is kept as text, empty lines are skipped).
 * `onRecord` may return an InputError to stop the file; it is thrown once the stream has ended.
 * A CSV syntax error (a malformed or unclosed quote) reports a bad row and ends the file.
 */
export async function streamRecords(
  file: string,
  noun: string,
  bad: BadRows,
  onRecord: (record: string[], line: number) => InputError | undefined,
): Promise<void> {
  if (isParquet(file)) {
    throw new EventFilesError({ kind: 'parquet-needs-duckdb', file, noun });
  }
  const { text, dialect, complete } = await csvHead(file, noun);
  const { recordDelimiter } = await import('../metrics/record-sink.js');
  const Papa = loadPapa();
  const newline = recordDelimiter(dialect, text, complete);
  const input = openStream(file);
  input.setEncoding('utf8');
  let failure: InputError | undefined;
  const read = papaRecords(
    Papa,
    input,
    { delimiter: dialect.delimiter, newline, separatorLine: dialect.separatorLine },
    (record, line) => {
      failure = onRecord(record, line);
      return failure === undefined;
    },
  );
  let end: PapaEnd;
  try {
    end = await read.ended;
  } catch (error) {
    throw inputError('err.eventsCannotRead', { file, reason: reason(error) }, { what: noun });
  }
  if (end.kind === 'quotes') bad.report(end.line, 1, { kind: 'csv-error', reason: end.reason });
  if (end.kind === 'too-long') {
    bad.report(end.line, 1, {
      kind: 'csv-error',
      reason: `a record longer than ${String(MAX_RECORD_CHARS)} characters (an unclosed quote?)`,
    });
  }
  if (failure) throw failure;
}
