import { createRequire } from 'node:module';
import { inputError } from '../i18n/worded-error.js';
import type { EventsMapping } from '../config/config.js';
import { ObservedAggregator } from './aggregate.js';
import { EngineError } from './errors.js';
import type { ObservedPlan } from './plan.js';
import type { ListedAccounts } from './read-accounts.js';
import { eventColumns, isParquet } from './read-events.js';
import type { EventColumns } from './read-events.js';
import type { ObservedAggregate } from './types.js';

/** A value of a query result, as `@duckdb/node-api` gives VARCHAR and INTEGER columns. */
type DuckValue = string | number | null;

/**
 * A column of a result chunk (`DuckDBVector`): its values one by one and, for a LIST column,
 * where each row's elements sit in the one flat child column, so no list is converted.
 */
interface DuckColumn {
  /** A VARCHAR or INTEGER value (LIST columns are read through their offsets instead). */
  getItem(index: number): DuckValue;
  getEntryOffset(index: number): number;
  getEntryLength(index: number): number;
  readonly childVector: DuckColumn;
}

/** The smallest surface of `@duckdb/node-api` this engine uses. */
interface DuckConnection {
  run(sql: string): Promise<unknown>;
  runAndReadAll(sql: string): Promise<{
    getRowObjectsJson(): Record<string, unknown>[];
    getRows(): DuckValue[][];
  }>;
  stream(sql: string): Promise<{
    fetchChunk(): Promise<{ rowCount: number; getColumnVector(index: number): DuckColumn } | null>;
  }>;
  closeSync?(): void;
}
interface DuckModule {
  DuckDBInstance: {
    create(
      path: string,
      options?: Record<string, string>,
    ): Promise<{
      connect(): Promise<DuckConnection>;
      closeSync?(): void;
    }>;
  };
}

export const DUCKDB_PACKAGE = '@duckdb/node-api';

/**
 * Loads DuckDB, or says how to add it: it is optional, so most installs never download it.
 * The package is CommonJS of a few hundred files: require() loads it in about a third of the
 * time import() takes, which first scans every file for the names it exports.
 */
export function loadDuckDb(): DuckModule {
  try {
    return createRequire(import.meta.url)(DUCKDB_PACKAGE) as DuckModule;
  } catch {
    throw new EngineError({ kind: 'duckdb-not-installed', package: DUCKDB_PACKAGE });
  }
}

const literal = (text: string): string => `'${text.replaceAll("'", "''")}'`;
const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** Two digits, in a GLOB pattern. */
const DD = '[0-9][0-9]';
/**
 * The common ISO shapes of event timestamps, as GLOB patterns (most common first): each is
 * inside the ISO pattern of {@link dateExpression} and has no surrounding spaces, so its day is
 * its first ten characters. GLOB costs a fraction of the regular expression, which then only
 * reads the rest.
 */
const PLAIN_ISO = [
  `${DD}${DD}-${DD}-${DD}T${DD}:${DD}:${DD}Z`,
  `${DD}${DD}-${DD}-${DD}T${DD}:${DD}:${DD}`,
  `${DD}${DD}-${DD}-${DD} ${DD}:${DD}:${DD}`,
  `${DD}${DD}-${DD}-${DD}`,
];

/**
 * The date as written, exactly as the streaming reader takes it: `YYYY-MM-DD` optionally followed
 * by a time, or day-first `DD/MM/YYYY` / `DD.MM.YYYY`; anything else is NULL (a skipped row).
 */
function dateExpression(column: string): string {
  const raw = `CAST(${column} AS VARCHAR)`;
  const v = `TRIM(${raw})`;
  const dayFirst = (sep: string): string => {
    const re = `^(\\d{1,2})${sep}(\\d{1,2})${sep}(\\d{4})([ T][0-9:.]*)?$`;
    const part = (n: number, width: number): string =>
      `lpad(regexp_extract(${v}, '${re}', ${n}), ${width}, '0')`;
    return `WHEN regexp_matches(${v}, '${re}') THEN TRY_CAST(${part(3, 4)} || '-' || ${part(2, 2)} || '-' || ${part(1, 2)} AS DATE)`;
  };
  const plainIso = PLAIN_ISO.map((shape) => `${raw} GLOB '${shape}'`).join(' OR ');
  return `CASE WHEN ${plainIso} THEN TRY_CAST(substr(${raw}, 1, 10) AS DATE)
    WHEN regexp_matches(${v}, '^\\d{4}-\\d{2}-\\d{2}([T ][0-9:.]*(Z|[+-]\\d{2}:?\\d{2})?)?$') THEN TRY_CAST(substr(${v}, 1, 10) AS DATE)
    ${dayFirst('/')}
    ${dayFirst('\\.')}
  END`;
}

/** The log's column for each role, as DuckDB names it; no segment column when there is none. */
type LogColumns = Omit<EventColumns, 'segment'> & { segment?: string };

/** The columns DuckDB reads from the files, matched to the roles as the streaming reader does. */
async function columnsFound(
  connection: DuckConnection,
  reader: string,
  columns: EventColumns,
): Promise<LogColumns> {
  let names: string[];
  try {
    const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${reader}`);
    names = described.getRowObjectsJson().map((row) => String(row.column_name));
  } catch (error) {
    throw inputError('err.duckdbCannotRead', { detail: firstLine(error) });
  }
  const find = (name: string): string | undefined =>
    names.find((n) => n.trim().toLowerCase() === name.trim().toLowerCase());
  const account = find(columns.account);
  const touchpoint = find(columns.touchpoint);
  const timestamp = find(columns.timestamp);
  const segment = find(columns.segment);
  if (account === undefined || touchpoint === undefined || timestamp === undefined) {
    throw inputError('err.eventColumns', { ...columns, found: names.join(', ') });
  }
  return { account, touchpoint, timestamp, ...(segment === undefined ? {} : { segment }) };
}

/**
 * The one pass over the rows, into the temporary table `touches`: per account, touchpoint and
 * segment as written, how many rows have no readable date, and the day numbers of the rows
 * inside the window. The ids are trimmed on the groups afterwards, not on every row; groups
 * whose ids differ only by surrounding spaces come out as one account × touchpoint's days in
 * two lists.
 */
function touchesQuery(
  reader: string,
  parquet: boolean,
  { account, touchpoint, timestamp, segment }: LogColumns,
  plan: ObservedPlan,
): string {
  const date = parquet
    ? `COALESCE(TRY_CAST(${ident(timestamp)} AS DATE), ${dateExpression(ident(timestamp))})`
    : dateExpression(ident(timestamp));
  const trimmed = (name: string): string => `TRIM(CAST(${name} AS VARCHAR))`;
  const inWindow = [
    'd IS NOT NULL',
    ...(plan.since === undefined ? [] : [`d >= ${String(plan.since)}`]),
    ...(plan.asOf === undefined ? [] : [`d <= ${String(plan.asOf)}`]),
  ].join(' AND ');
  return `CREATE TEMP TABLE touches AS
SELECT ${trimmed('a')} AS a, ${trimmed('t')} AS t, NULLIF(${trimmed('s')}, '') AS s, n, undated, days
FROM (SELECT a, t, s, CAST(COUNT(*) AS INTEGER) AS n,
             CAST(COUNT(*) FILTER (WHERE d IS NULL) AS INTEGER) AS undated,
             list(d) FILTER (WHERE ${inWindow}) AS days
      FROM (SELECT ${ident(account)} AS a, ${ident(touchpoint)} AS t,
                   ${segment === undefined ? 'CAST(NULL AS VARCHAR)' : ident(segment)} AS s,
                   CAST(${date} - DATE '1970-01-01' AS INTEGER) AS d
            FROM ${reader})
      GROUP BY a, t, s)`;
}

/**
 * The embedded-SQL engine: DuckDB reads the CSV, gzip CSV or Parquet files itself (in parallel)
 * and does the row-level work as one `GROUP BY` account × touchpoint, with each group's days;
 * the much smaller result then goes through the streaming engine's own aggregator, so both
 * apply the one definition in the same code. (`touchpoint sql` prints that definition as SQL for
 * a warehouse; the parity test holds the three together.)
 */
export async function duckdbEvents(
  files: readonly string[],
  plan: ObservedPlan,
  mapping: EventsMapping | undefined,
  listed?: ListedAccounts,
): Promise<ObservedAggregate> {
  const duckdb = loadDuckDb();
  const columns = eventColumns(mapping);
  const parquet = files.every(isParquet);
  if (!parquet && files.some(isParquet)) {
    throw new EngineError({
      kind: 'csv-and-parquet',
      csv: files.filter((file) => !isParquet(file)),
      parquet: files.filter(isParquet),
    });
  }
  const list = `[${files.map(literal).join(', ')}]`;
  const reader = parquet
    ? `read_parquet(${list}, union_by_name = true)`
    : `read_csv(${list}, all_varchar = true, header = true, union_by_name = true)`;
  const instance = await duckdb.DuckDBInstance.create(':memory:', {
    // Results are sorted in Node; not keeping the input order lets DuckDB stream and use less memory.
    preserve_insertion_order: 'false',
  });
  const connection = await instance.connect();
  try {
    const usable = `a IS NOT NULL AND a <> '' AND t IS NOT NULL AND t <> ''`;
    let skipped = 0;
    const agg = new ObservedAggregator(plan, listed);
    const touches = (found: LogColumns): Promise<unknown> =>
      connection.run(touchesQuery(reader, parquet, found, plan));
    // The columns as the mapping names them, without a DESCRIBE first (which sniffs the files
    // once more, about a tenth of the whole pass at 1M rows): DuckDB matches names regardless of
    // case. Only when that does not bind (a column written with other spaces, a log without the
    // segment column, a file DuckDB cannot read) are the columns looked up, with the messages of
    // the look-up.
    try {
      await touches(columns);
    } catch {
      const found = await columnsFound(connection, reader, columns);
      try {
        await touches(found);
      } catch (error) {
        throw inputError('err.duckdbAggregate', { detail: firstLine(error) });
      }
    }
    try {
      // Rows without an account or a touchpoint, or without a readable date.
      const [bad] = (
        await connection.runAndReadAll(
          `SELECT CAST(COALESCE(SUM(CASE WHEN ${usable} THEN undated ELSE n END), 0) AS INTEGER) FROM touches`,
        )
      ).getRows();
      skipped = Number(bad?.[0] ?? 0);
      await connection.run(
        `CREATE TEMP TABLE ids AS
SELECT t, CAST(ROW_NUMBER() OVER (ORDER BY t) - 1 AS INTEGER) AS i
FROM (SELECT DISTINCT t FROM touches WHERE ${usable} AND days IS NOT NULL)`,
      );
      const ids: string[] = [];
      for (const [id, i] of (await connection.runAndReadAll('SELECT t, i FROM ids')).getRows()) {
        ids[Number(i)] = String(id);
      }
      // Per account: its smallest segment, the touchpoints it received and each one's days. The
      // lists are read in place from the result's columns (a value each would cost a call and an
      // object), and only the ~accounts strings are converted. The two lists of a group are built
      // from the same rows in the same order, so their k-th elements belong together.
      const result = await connection.stream(
        `SELECT x.a, MIN(x.s), list(ids.i), list(x.days)
FROM touches AS x JOIN ids ON ids.t = x.t
WHERE x.a <> '' AND x.days IS NOT NULL
GROUP BY x.a`,
      );
      for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0;) {
        const names = chunk.getColumnVector(0);
        const smallest = chunk.getColumnVector(1);
        const touchpoints = chunk.getColumnVector(2);
        const touchpointIds = touchpoints.childVector;
        const received = chunk.getColumnVector(3);
        const dayLists = received.childVector;
        const days = dayLists.childVector;
        for (let row = 0; row < chunk.rowCount; row++) {
          const name = String(names.getItem(row));
          const seg = smallest.getItem(row);
          const segmentName = seg === null ? '' : String(seg);
          const first = touchpoints.getEntryOffset(row);
          const firstList = received.getEntryOffset(row);
          for (let k = 0; k < touchpoints.getEntryLength(row); k++) {
            const tp = ids[Number(touchpointIds.getItem(first + k))] ?? '';
            const from = dayLists.getEntryOffset(firstList + k);
            const count = dayLists.getEntryLength(firstList + k);
            agg.addDays(name, tp, segmentName, count, (i) => Number(days.getItem(from + i)));
          }
        }
        chunk = await result.fetchChunk();
      }
    } catch (error) {
      throw inputError('err.duckdbAggregate', { detail: firstLine(error) });
    }
    agg.skip(skipped);
    return agg.finish();
  } finally {
    connection.closeSync?.();
    instance.closeSync?.();
  }
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}
