import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { InputError } from '../errors.js';
import { inputError } from '../i18n/worded-error.js';
import {
  DecodeStream,
  decodeHead,
  detectEncoding,
  type Encoding,
  type EncodingChoice,
  type EncodingDamage,
} from './decode-text.js';
import type { BadRowProblem, FileProblem } from './problems.js';
import { sniff, type Dialect } from './sniff.js';

const HEAD_BYTES = 64 * 1024;

function reason(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    return error.code === 'ENOENT' ? 'no such file' : `${error.code}: ${error.message}`;
  }
  return error instanceof Error ? error.message : String(error);
}

async function readHead(file: string): Promise<{ head: Buffer; whole: boolean }> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw inputError('err.cannotReadMetrics', { file }, { reason: reason(error) });
  }
  try {
    if ((await handle.stat()).isDirectory()) {
      throw inputError('err.metricsIsDirectory', { file });
    }
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
    return { head: head.subarray(0, bytesRead), whole: bytesRead < HEAD_BYTES };
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw inputError('err.cannotReadMetrics', { file }, { reason: reason(error) });
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
  /** Told once the file is read: the encoding it was read in, and what it could not decode. */
  decoded(encoding: EncodingChoice, damage: EncodingDamage | undefined): void;
}

/**
 * Streams one file's CSV records to `handler` (file I/O and CSV only: no meaning given to any
 * cell). A missing or unreadable file throws `InputError`.
 */
export async function readRows(
  file: string,
  handler: RowHandler,
  encoding?: Encoding,
): Promise<void> {
  const { head, whole } = await readHead(file);
  const choice = detectEncoding(head, encoding, whole);
  const sniffed = sniff(decodeHead(head, choice.encoding));
  if (sniffed.kind === 'empty') {
    handler.fileProblem({ kind: 'empty-file' });
    handler.decoded(choice, undefined);
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
  const decode = new DecodeStream(choice, file);
  try {
    await pipeline(createReadStream(file, { highWaterMark: 256 * 1024 }), decode, sink);
  } catch (error) {
    if (sink.stopped) {
      await told(handler, choice, decode);
      return;
    }
    const code = csvErrorCode(error);
    if (code === undefined)
      throw inputError('err.cannotReadMetrics', { file }, { reason: reason(error) });
    handler.broken(
      code === 'CSV_MAX_RECORD_SIZE'
        ? { kind: 'record-too-long', maxChars: MAX_RECORD_CHARS }
        : code === 'CSV_QUOTE_NOT_CLOSED'
          ? { kind: 'unclosed-quote' }
          : { kind: 'csv-error', reason: reason(error) },
      sink.nextLine,
    );
  }
  await told(handler, choice, decode);
}

/** Tells the handler the encoding the file was read in (a UTF-8 guess may have become another). */
async function told(
  handler: RowHandler,
  choice: EncodingChoice,
  decode: DecodeStream,
): Promise<void> {
  const read: EncodingChoice =
    decode.encoding === choice.encoding
      ? choice
      : { encoding: decode.encoding, by: 'evidence', reason: 'not valid UTF-8' };
  handler.decoded(read, await decode.damage());
}
