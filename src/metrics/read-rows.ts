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
import { MAX_RECORD_CHARS, loadPapa, papaRecords } from './papa-records.js';
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
  const text = decodeHead(head, choice.encoding);
  const sniffed = sniff(text);
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
  const { RecordSink, csvErrorCode, recordDelimiter } = await import('./record-sink.js');
  const Papa = loadPapa();
  const { dialect } = sniffed;
  let stopRead = (): void => undefined;
  let stopped = false;
  const onRecord = handler.start(dialect, () => {
    stopped = true;
    stopRead();
  });
  // papaparse reads the file (several times faster than csv-parse). It stops at a quote it
  // cannot read as RFC 4180, which csv-parse's relax_quotes reads as text; csv-parse then reads
  // the file again from the start and hands on only the records after those already read.
  const newline = recordDelimiter(dialect, text, whole);
  let skip = 0;
  if (newline !== undefined) {
    const decode = new DecodeStream(choice, file);
    const piped = pipeline(createReadStream(file, { highWaterMark: 256 * 1024 }), decode);
    decode.setEncoding('utf8');
    const read = papaRecords(
      Papa,
      decode,
      { delimiter: dialect.delimiter, newline, separatorLine: dialect.separatorLine },
      (record, line) => {
        onRecord(record, line);
        return !stopped;
      },
    );
    stopRead = read.stop;
    let end;
    try {
      [end] = await Promise.all([
        read.ended,
        piped.catch((error: unknown) => {
          // Stopping the read closes the pipeline early.
          if (!read.stopped()) throw error;
        }),
      ]);
    } catch (error) {
      throw inputError('err.cannotReadMetrics', { file }, { reason: reason(error) });
    }
    if (end.kind === 'done' || end.kind === 'stopped') {
      await told(handler, choice, decode);
      return;
    }
    skip = end.records;
  }
  const sink = new RecordSink(dialect, (record, line) => {
    if (skip > 0 && !(record.length === 1 && record[0] === '')) skip--;
    else onRecord(record, line);
  });
  stopRead = () => {
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
