import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type { EventsMapping } from '../config/config.js';
import { InputError } from '../errors.js';
import { parseDay } from '../metrics/parse-date.js';
import { sniff } from '../metrics/sniff.js';
import type { Dialect } from '../metrics/sniff.js';
import badRowRule from '../rules/observed/bad-row.js';
import type { Finding } from '../types.js';
import { ObservedAggregator } from './aggregate.js';
import { isAggregateHeader, readAggregateRows } from './aggregate-csv.js';
import type { ObservedPlan } from './plan.js';
import type { ObservedAggregate } from './types.js';

const HEAD_BYTES = 64 * 1024;
/** After this many bad rows in a file, one finding summarises the rest. */
const MAX_BAD_ROWS = 10;

/** Column names of an event log: the defaults, or `events:` in the config. */
export function eventColumns(mapping: EventsMapping | undefined): Required<EventsMapping> {
  return {
    account: mapping?.account ?? 'account_id',
    touchpoint: mapping?.touchpoint ?? 'touchpoint_id',
    timestamp: mapping?.timestamp ?? 'timestamp',
    segment: mapping?.segment ?? 'segment',
  };
}

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

async function readHead(file: string): Promise<Buffer> {
  if (!isGzip(file)) {
    const handle = await open(file, 'r').catch((error: unknown) => {
      throw new InputError(`cannot read event log ${file}: ${reason(error)}`);
    });
    try {
      if ((await handle.stat()).isDirectory())
        throw new InputError(`cannot read event log ${file}: it is a directory`);
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
    throw new InputError(`cannot read event log ${file}: ${reason(error)}`);
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, HEAD_BYTES);
}

const normalise = (name: string): string => name.trim().toLowerCase();

interface FileResult {
  /** Set when the file is an aggregate (`touchpoint sql` output) rather than raw events. */
  aggregate?: ObservedAggregate;
}

async function readFile(
  file: string,
  columns: Required<EventsMapping>,
  agg: ObservedAggregator,
  findings: Finding[],
): Promise<FileResult> {
  if (isParquet(file)) {
    throw new InputError(
      `${file}: Parquet event logs are read by the DuckDB engine; add --engine duckdb`,
    );
  }
  // Event logs are read as UTF-8: UTF-16 shows as NUL bytes, Windows-1252 as U+FFFD.
  const sniffed = sniff((await readHead(file)).toString('utf8').replace(/^\uFEFF/, ''));
  if (sniffed.kind !== 'text') {
    throw new InputError(
      `${file}: not a CSV event log (${sniffed.kind === 'empty' ? 'the file is empty' : sniffed.reason})`,
    );
  }
  const dialect: Dialect = sniffed.dialect;
  const { RecordSink, csvErrorCode } = await import('../metrics/record-sink.js');
  // Set from the stream's callback; an object, so the checks after the stream are not narrowed away.
  const state: { header?: string[]; aggregate: boolean } = { aggregate: false };
  let index = { account: -1, touchpoint: -1, timestamp: -1, segment: -1 };
  let bad = 0;
  const aggregateRows: string[][] = [];
  // Thrown after the stream ends: an exception inside a stream callback would escape it.
  let failure: InputError | undefined;
  const report = (line: number, column: number, message: string): void => {
    bad++;
    agg.skip();
    if (bad <= MAX_BAD_ROWS) {
      findings.push({
        rule: badRowRule.meta.id,
        severity: badRowRule.meta.defaultSeverity,
        message,
        location: { file, line, column },
      });
    }
  };
  const onRecord = (record: string[], line: number): void => {
    if (state.header === undefined) {
      const header = record.map(normalise);
      state.header = header;
      if (isAggregateHeader(header)) {
        state.aggregate = true;
        return;
      }
      const find = (name: string): number => header.indexOf(normalise(name));
      index = {
        account: find(columns.account),
        touchpoint: find(columns.touchpoint),
        timestamp: find(columns.timestamp),
        segment: find(columns.segment),
      };
      const missing = (['account', 'touchpoint', 'timestamp'] as const)
        .filter((key) => index[key] < 0)
        .map((key) => columns[key]);
      if (missing.length > 0) {
        failure = new InputError(
          `${file}:${line}: an event log needs the columns ${columns.account}, ${columns.touchpoint}, ${columns.timestamp}[, ${columns.segment}] (map others with events: in the config); missing ${missing.join(', ')}; found ${record.join(', ')}`,
        );
        sink.stop();
      }
      return;
    }
    if (state.aggregate) {
      aggregateRows.push(record);
      return;
    }
    const account = (record[index.account] ?? '').trim();
    const touchpoint = (record[index.touchpoint] ?? '').trim();
    const stamp = (record[index.timestamp] ?? '').trim();
    if (account === '') {
      report(line, index.account + 1, `row ${line} has no ${columns.account}; the row is skipped`);
      return;
    }
    if (touchpoint === '') {
      report(
        line,
        index.touchpoint + 1,
        `row ${line} has no ${columns.touchpoint}; the row is skipped`,
      );
      return;
    }
    const day = parseDay(stamp);
    if (Number.isNaN(day)) {
      report(
        line,
        index.timestamp + 1,
        `row ${line}: ${columns.timestamp} '${stamp}' is not a date (expected YYYY-MM-DD, an ISO 8601 timestamp or DD/MM/YYYY); the row is skipped`,
      );
      return;
    }
    const segment = index.segment >= 0 ? (record[index.segment] ?? '').trim() : '';
    agg.add(account, touchpoint, day, segment);
  };
  const sink = new RecordSink(dialect, onRecord);
  try {
    await pipeline(openStream(file), sink);
  } catch (error) {
    if (failure) throw failure;
    if (error instanceof InputError) throw error;
    if (csvErrorCode(error) === undefined)
      throw new InputError(`cannot read event log ${file}: ${reason(error)}`);
    report(sink.nextLine, 1, `${reason(error)}; the rest of the file was not read`);
  }
  if (failure) throw failure;
  if (bad > MAX_BAD_ROWS) {
    findings.push({
      rule: badRowRule.meta.id,
      severity: badRowRule.meta.defaultSeverity,
      message: `${bad - MAX_BAD_ROWS} more unusable rows in ${file} were skipped`,
      location: { file, line: 1, column: 1 },
    });
  }
  const { header } = state;
  if (header === undefined) throw new InputError(`${file}: the event log has no header row`);
  if (state.aggregate) return { aggregate: readAggregateRows(header, aggregateRows, file) };
  return {};
}

/**
 * The streaming engine over CSV (optionally gzip) event logs: one pass, rows in any order.
 * A file whose header is that of `touchpoint sql` output is read as a finished aggregate instead.
 */
export async function streamEvents(
  files: readonly string[],
  plan: ObservedPlan,
  mapping: EventsMapping | undefined,
): Promise<{ aggregate: ObservedAggregate; findings: Finding[]; fromAggregate: boolean }> {
  const columns = eventColumns(mapping);
  const agg = new ObservedAggregator(plan);
  const findings: Finding[] = [];
  const aggregates: ObservedAggregate[] = [];
  for (const file of files) {
    const result = await readFile(file, columns, agg, findings);
    if (result.aggregate) aggregates.push(result.aggregate);
  }
  if (aggregates.length > 0) {
    const [only] = aggregates;
    if (aggregates.length > 1 || aggregates.length !== files.length || !only) {
      throw new InputError(
        'pass either raw event logs or one aggregate from touchpoint sql to --events, not both',
      );
    }
    return { aggregate: only, findings, fromAggregate: true };
  }
  return { aggregate: agg.finish(), findings, fromAggregate: false };
}
