import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { InputError } from '../errors.js';
import { sniff } from '../metrics/sniff.js';
import { EventFilesError } from './errors.js';
import type { EventRowProblem } from './types.js';

const HEAD_BYTES = 64 * 1024;
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
      throw new InputError(`cannot read ${noun} ${file}: ${reason(error)}`);
    });
    try {
      if ((await handle.stat()).isDirectory())
        throw new InputError(`cannot read ${noun} ${file}: it is a directory`);
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
    throw new InputError(`cannot read ${noun} ${file}: ${reason(error)}`);
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, HEAD_BYTES);
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
 * Streams the records of a CSV (optionally gzip) file with their physical lines. `onRecord` may
 * return an InputError to stop the file; it is thrown once the stream has ended (an exception
 * inside a stream callback would escape it). A CSV syntax error reports a bad row and ends the file.
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
  // Event logs and accounts files are read as UTF-8: UTF-16 shows as NUL bytes, Windows-1252 as U+FFFD.
  const sniffed = sniff((await readHead(file, noun)).toString('utf8').replace(/^\uFEFF/, ''));
  if (sniffed.kind !== 'text') {
    throw new InputError(
      `${file}: not a CSV ${noun} (${sniffed.kind === 'empty' ? 'the file is empty' : sniffed.reason})`,
    );
  }
  const { RecordSink, csvErrorCode } = await import('../metrics/record-sink.js');
  let failure: InputError | undefined;
  const sink = new RecordSink(sniffed.dialect, (record, line) => {
    failure = onRecord(record, line);
    if (failure) sink.stop();
  });
  try {
    await pipeline(openStream(file), sink);
  } catch (error) {
    if (failure) throw failure;
    if (error instanceof InputError) throw error;
    if (csvErrorCode(error) === undefined)
      throw new InputError(`cannot read ${noun} ${file}: ${reason(error)}`);
    bad.report(sink.nextLine, 1, { kind: 'csv-error', reason: reason(error) });
  }
  if (failure) throw failure;
}
