import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { InputError } from '../errors.js';
import type { BadRowProblem, FileProblem } from './problems.js';
import { sniff, type Dialect } from './sniff.js';

const HEAD_BYTES = 64 * 1024;

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

/** Where one file's records go, and where what went wrong with it is told. */
export interface RowHandler {
  /**
   * Told once, before any record, how the file is written and how to stop reading it; returns
   * what takes each record and the physical line it starts on.
   */
  start(dialect: Dialect, stop: () => void): (record: string[], line: number) => void;
  /** The file is not a table at all. */
  fileProblem(problem: FileProblem): void;
  /** The CSV broke at `line`; the rest of the file was not read. */
  broken(problem: BadRowProblem, line: number): void;
}

/**
 * Streams one file's CSV records to `handler` (file I/O and CSV only: no meaning given to any
 * cell). A missing or unreadable file throws `InputError`.
 */
export async function readRows(file: string, handler: RowHandler): Promise<void> {
  const sniffed = sniff(await readHead(file));
  if (sniffed.kind === 'empty') {
    handler.fileProblem({ kind: 'empty-file' });
    return;
  }
  if (sniffed.kind === 'binary') {
    handler.fileProblem({ kind: 'not-text', reason: sniffed.reason });
    return;
  }
  // Loaded on first use: `validate` never pays for the CSV stack.
  const { RecordSink, MAX_RECORD_CHARS, csvErrorCode } = await import('./record-sink.js');
  let stop = (): void => undefined;
  const sink = new RecordSink(
    sniffed.dialect,
    handler.start(sniffed.dialect, () => {
      stop();
    }),
  );
  stop = () => {
    sink.stop();
  };
  sink.resume();
  try {
    await pipeline(createReadStream(file, { highWaterMark: 256 * 1024 }), sink);
  } catch (error) {
    if (sink.stopped) return;
    const code = csvErrorCode(error);
    if (code === undefined)
      throw new InputError(`cannot read metrics file ${file}: ${reason(error)}`);
    handler.broken(
      code === 'CSV_MAX_RECORD_SIZE'
        ? { kind: 'record-too-long', maxChars: MAX_RECORD_CHARS }
        : code === 'CSV_QUOTE_NOT_CLOSED'
          ? { kind: 'unclosed-quote' }
          : { kind: 'csv-error', reason: reason(error) },
      sink.nextLine,
    );
  }
}
