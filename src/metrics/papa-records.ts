import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';

/**
 * papaparse, loaded on first use (`validate` never pays for the CSV stack). It is CommonJS:
 * require() loads it without the scan of its whole source for export names that import() makes
 * first (about 6 ms, which the DuckDB engine's sniffing of the logs waited for).
 */
export function loadPapa(): typeof import('papaparse') {
  return requireHere('papaparse') as typeof import('papaparse');
}
const requireHere = createRequire(import.meta.url);

/** A record larger than this (in characters) stops the file: it is almost surely an unclosed quote. */
export const MAX_RECORD_CHARS = 16 * 1024 * 1024;

/** How papaparse is to read a text stream. */
export interface PapaDialect {
  delimiter: string;
  /** The record delimiter; papaparse guesses it from the first chunk when undefined. */
  newline?: '\r\n' | '\n' | '\r' | undefined;
  /** The first line is Excel's `sep=;` hint, not a record. */
  separatorLine: boolean;
}

/** How the stream ended. `records` counts the records handed to `onRecord`. */
export type PapaEnd = { records: number } & (
  | { kind: 'done' }
  /** `onRecord` returned false, or `stop()` was called. */
  | { kind: 'stopped' }
  /** A malformed or unclosed quote in the record starting at `line` (not handed on). */
  | { kind: 'quotes'; line: number; reason: string }
  /** More than {@link MAX_RECORD_CHARS} characters without the end of a record, at `line`. */
  | { kind: 'too-long'; line: number }
);

/**
 * Line breaks inside the fields of a record (a CRLF counts once, also when its CR ends the record
 * before a LF delimiter, or its LF starts the record after a CR delimiter).
 */
function breaksIn(record: readonly string[], newline: PapaDialect['newline']): number {
  let breaks = 0;
  if (newline === '\n' && record[record.length - 1]?.endsWith('\r')) breaks--;
  if (newline === '\r' && record[0]?.startsWith('\n')) breaks--;
  for (const field of record) {
    if (!field.includes('\n') && !field.includes('\r')) continue;
    for (let i = 0; i < field.length; i++) {
      const c = field.charCodeAt(i);
      if (c === 10 || (c === 13 && field.charCodeAt(i + 1) !== 10)) breaks++;
    }
  }
  return breaks;
}

/** A test for a line break in a chunk that does not end a record (undefined: any may not). */
function strayBreak(newline: PapaDialect['newline']): (chunk: string) => boolean {
  if (newline === '\n') return (chunk) => chunk.includes('\r');
  if (newline === '\r') return (chunk) => chunk.includes('\n');
  if (newline === '\r\n') return (chunk) => /\r(?!\n)|(?<!\r)\n/.test(chunk);
  return () => true;
}

/** A papaparse read in progress: `ended` settles once the stream is read or stopped. */
export interface PapaRead {
  ended: Promise<PapaEnd>;
  /** Stops reading: `ended` settles as `stopped`. */
  stop: () => void;
  /** True once the read has ended or been stopped (so the stream was closed on purpose). */
  stopped: () => boolean;
}

/**
 * Streams the records of `input` (text: call `setEncoding` first) through papaparse, with the
 * physical line each starts on. Quotes are read as RFC 4180, a quote inside an unquoted field is
 * kept as text, spaces between a closing quote and the delimiter are dropped, a BOM is dropped,
 * and empty lines are skipped (and counted). It stops at the first record papaparse finds a quote
 * error in, or at a record over {@link MAX_RECORD_CHARS}: the records before it have been handed
 * on, and the end says where. `onRecord` returns false to stop. A read error of `input` rejects.
 */
export function papaRecords(
  Papa: typeof import('papaparse'),
  input: Readable,
  dialect: PapaDialect,
  onRecord: (record: string[], line: number) => boolean,
): PapaRead {
  let end: PapaEnd | undefined;
  let records = 0;
  /** The physical line where the next record starts. */
  let line = 1;
  /**
   * Once a quote or a line break other than the record delimiter has been seen, a record may
   * span lines (they are counted in its fields).
   */
  let spans = false;
  const stray = strayBreak(dialect.newline);
  /** Characters read since the last record ended. */
  let pending = 0;
  let settle: ((end: PapaEnd) => void) | undefined;
  const finish = (how: PapaEnd): void => {
    if (end !== undefined) return;
    end = how;
    input.destroy();
    settle?.(how);
  };
  const stop = (): void => {
    finish({ kind: 'stopped', records });
  };
  input.on('data', (chunk: string) => {
    if (!spans && (chunk.includes('"') || stray(chunk))) spans = true;
    pending += chunk.length;
    if (pending > MAX_RECORD_CHARS) finish({ kind: 'too-long', line, records });
  });
  const ended = new Promise<PapaEnd>((resolve, reject) => {
    settle = resolve;
    input.on('close', () => {
      if (end !== undefined) resolve(end);
    });
    Papa.parse<string[]>(input, {
      delimiter: dialect.delimiter,
      ...(dialect.newline === undefined ? {} : { newline: dialect.newline }),
      quoteChar: '"',
      escapeChar: '"',
      header: false,
      skipEmptyLines: false,
      beforeFirstChunk: (chunk) => {
        let text = chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk;
        if (dialect.separatorLine) {
          const at = text.search(/\r\n|\n|\r/);
          text = at < 0 ? '' : text.slice(at + (text.startsWith('\r\n', at) ? 2 : 1));
          line = 2;
        }
        return text;
      },
      chunk: (results) => {
        if (end !== undefined) return;
        const rows = results.data;
        const error = results.errors.find((e) => e.type === 'Quotes');
        const good = error === undefined ? rows.length : Math.min(error.row ?? 0, rows.length);
        if (rows.length > 0) pending = 0;
        for (let i = 0; i < good; i++) {
          const record = rows[i] ?? [];
          const at = line;
          line += 1 + (spans ? breaksIn(record, dialect.newline) : 0);
          // An empty line (skipped, but counted).
          if (record.length === 1 && record[0] === '') continue;
          records++;
          if (!onRecord(record, at)) {
            stop();
            return;
          }
        }
        if (error !== undefined) finish({ kind: 'quotes', line, reason: error.message, records });
      },
      complete: () => {
        finish({ kind: 'done', records });
      },
      error: (error: Error) => {
        if (end === undefined) reject(error);
      },
    });
  });
  return { ended, stop, stopped: () => end !== undefined };
}
