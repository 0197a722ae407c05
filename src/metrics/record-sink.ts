import { CsvError, Parser, type Options } from 'csv-parse';
import { MAX_RECORD_CHARS } from './papa-records.js';
import type { Dialect } from './sniff.js';

/** The csv-parse error code of a parse failure; undefined for anything else (I/O errors). */
export function csvErrorCode(error: unknown): string | undefined {
  return error instanceof CsvError ? error.code : undefined;
}

function options(dialect: Dialect): Options {
  return {
    delimiter: dialect.delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARS,
    from_line: dialect.separatorLine ? 2 : 1,
  };
}

/**
 * The record delimiter csv-parse finds in a file that starts with `head` (the first line break
 * outside quotes): the one papaparse must be told, to split records as csv-parse does. Undefined
 * when `head` holds none and is not the whole file.
 */
export function recordDelimiter(
  dialect: Dialect,
  head: string,
  whole: boolean,
): '\r\n' | '\n' | '\r' | undefined {
  const parser = new Parser(options(dialect));
  parser.on('data', () => undefined);
  parser.on('error', () => undefined);
  parser.write(head);
  if (whole) parser.end();
  const found = parser.options.record_delimiter[0]?.toString();
  if (found === '\r\n' || found === '\n' || found === '\r') return found;
  return whole ? '\n' : undefined;
}

/**
 * A csv-parse stream that hands each record straight to a callback with its physical start line,
 * instead of queueing it for a reader: no per-record objects beyond csv-parse's own arrays.
 */
export class RecordSink extends Parser {
  stopped = false;
  /** Physical line where the next record can start. */
  nextLine = 1;
  private seenLines = 0;
  private seenEmpty = 0;
  /** csv-parse counts a CRLF inside a quoted field as two lines; this undoes it. */
  private drift = 0;

  constructor(
    dialect: Dialect,
    private readonly onRecord: (record: string[], line: number) => void,
  ) {
    super(options(dialect));
  }

  /** Stops reading the file: the rest of it is not needed. */
  stop(): void {
    this.stopped = true;
    this.destroy();
  }

  override push(chunk: unknown): boolean {
    if (chunk === null) return super.push(null);
    if (this.stopped) return true;
    const record = chunk as string[];
    const lines = this.info.lines;
    const empty = this.info.empty_lines;
    let newlines = 0;
    if (lines - this.seenLines - (empty - this.seenEmpty) !== 1) {
      for (const field of record) {
        if (!field.includes('\n') && !field.includes('\r')) continue;
        for (let i = 0; i < field.length; i++) {
          const c = field.charCodeAt(i);
          if (c === 10) newlines++;
          else if (c === 13) {
            newlines++;
            if (field.charCodeAt(i + 1) === 10) {
              this.drift++;
              i++;
            }
          }
        }
      }
    }
    this.seenLines = lines;
    this.seenEmpty = empty;
    const end = lines - this.drift;
    this.nextLine = end + 1;
    this.onRecord(record, end - newlines);
    return true;
  }
}
