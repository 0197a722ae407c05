import type { EventsMapping } from '../config/config.js';
import { InputError } from '../errors.js';
import { inputError } from '../i18n/worded-error.js';
import { ObservedAggregator } from './aggregate.js';
import { isAggregateHeader, readAggregateRows } from './aggregate-csv.js';
import { BadRows, streamRecords } from './csv-records.js';
import { DayCache, dayFirstDay } from './day-cache.js';
import { EventFilesError } from './errors.js';
import type { ListedAccounts } from './read-accounts.js';
import type { ObservedPlan } from './plan.js';
import type { EventRowProblem, ObservedAggregate } from './types.js';

export { isGzip, isParquet } from './csv-records.js';

/** Column names of an event log: the defaults, or `events:` in the config. */
export type EventColumns = Required<Omit<EventsMapping, 'accounts'>>;

export function eventColumns(mapping: EventsMapping | undefined): EventColumns {
  return {
    account: mapping?.account ?? 'account_id',
    touchpoint: mapping?.touchpoint ?? 'touchpoint_id',
    timestamp: mapping?.timestamp ?? 'timestamp',
    segment: mapping?.segment ?? 'segment',
  };
}

export const normalise = (name: string): string => name.trim().toLowerCase();

/** The date forms both readers accept, for messages. */
export const DATE_FORMATS = 'expected YYYY-MM-DD, an ISO 8601 timestamp or DD/MM/YYYY';

/** Where each role's column is in a log's header; -1 for a log without the segment column. */
export interface ColumnIndexes {
  account: number;
  touchpoint: number;
  timestamp: number;
  segment: number;
}

/**
 * The columns of a log's header (its fields as written, at `where`), found trimmed and
 * regardless of case; the error when a needed one is missing.
 */
export function columnIndexes(
  record: readonly string[],
  columns: EventColumns,
  where: string,
): ColumnIndexes | InputError {
  const header = record.map(normalise);
  const find = (name: string): number => header.indexOf(normalise(name));
  const index = {
    account: find(columns.account),
    touchpoint: find(columns.touchpoint),
    timestamp: find(columns.timestamp),
    segment: find(columns.segment),
  };
  const missing = (['account', 'touchpoint', 'timestamp'] as const)
    .filter((key) => index[key] < 0)
    .map((key) => columns[key]);
  if (missing.length === 0) return index;
  return inputError('err.eventColumnsMissing', {
    ...columns,
    where,
    missing: missing.join(', '),
    found: record.join(', '),
  });
}

interface FileResult {
  /** Set when the file is an aggregate (`touchpoint sql` output) rather than raw events. */
  aggregate?: ObservedAggregate;
}

async function readFile(
  file: string,
  columns: EventColumns,
  agg: ObservedAggregator,
  problems: EventRowProblem[],
): Promise<FileResult> {
  // Set from the stream's callback; an object, so the checks after the stream are not narrowed away.
  const state: { header?: string[]; aggregate: boolean } = { aggregate: false };
  let index = { account: -1, touchpoint: -1, timestamp: -1, segment: -1 };
  const bad = new BadRows(file, problems, () => {
    agg.skip();
  });
  const aggregateRows: string[][] = [];
  const dates = new DayCache();
  const onRecord = (record: string[], line: number): InputError | undefined => {
    if (state.header === undefined) {
      const header = record.map(normalise);
      state.header = header;
      if (isAggregateHeader(header)) {
        state.aggregate = true;
        return undefined;
      }
      const found = columnIndexes(record, columns, `${file}:${String(line)}`);
      if (found instanceof InputError) return found;
      index = found;
      return undefined;
    }
    if (state.aggregate) {
      aggregateRows.push(record);
      return undefined;
    }
    const account = (record[index.account] ?? '').trim();
    const touchpoint = (record[index.touchpoint] ?? '').trim();
    const stamp = (record[index.timestamp] ?? '').trim();
    if (account === '') {
      bad.report(line, index.account + 1, { kind: 'missing-value', line, column: columns.account });
      return undefined;
    }
    if (touchpoint === '') {
      bad.report(line, index.touchpoint + 1, {
        kind: 'missing-value',
        line,
        column: columns.touchpoint,
      });
      return undefined;
    }
    const iso = dates.day(stamp);
    const day = Number.isNaN(iso) ? dayFirstDay(stamp) : iso;
    if (Number.isNaN(day)) {
      bad.report(line, index.timestamp + 1, {
        kind: 'not-a-date',
        line,
        column: columns.timestamp,
        text: stamp,
        skipped: 'row',
      });
      return undefined;
    }
    const segment = index.segment >= 0 ? (record[index.segment] ?? '').trim() : '';
    agg.add(account, touchpoint, day, segment);
    return undefined;
  };
  await streamRecords(file, 'event log', bad, onRecord);
  bad.finish();
  const { header } = state;
  if (header === undefined) throw inputError('err.eventsNoHeader', { file });
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
  listed?: ListedAccounts,
): Promise<{ aggregate: ObservedAggregate; problems: EventRowProblem[]; fromAggregate: boolean }> {
  const columns = eventColumns(mapping);
  const agg = new ObservedAggregator(plan, listed);
  const problems: EventRowProblem[] = [];
  const aggregates: { file: string; aggregate: ObservedAggregate }[] = [];
  const logs: string[] = [];
  for (const file of files) {
    const result = await readFile(file, columns, agg, problems);
    if (result.aggregate) aggregates.push({ file, aggregate: result.aggregate });
    else logs.push(file);
  }
  if (aggregates.length > 0) {
    const [only] = aggregates;
    if (aggregates.length > 1 || logs.length > 0 || !only) {
      throw new EventFilesError({
        kind: 'logs-and-aggregates',
        aggregates: aggregates.map((a) => a.file),
        logs,
      });
    }
    return { aggregate: only.aggregate, problems, fromAggregate: true };
  }
  return { aggregate: agg.finish(), problems, fromAggregate: false };
}
