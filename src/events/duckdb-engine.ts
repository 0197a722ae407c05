import { InputError } from '../errors.js';
import type { EventsMapping } from '../config/config.js';
import { ObservedAggregator } from './aggregate.js';
import { EngineError } from './errors.js';
import type { ObservedPlan } from './plan.js';
import type { ListedAccounts } from './read-accounts.js';
import { eventColumns, isParquet } from './read-events.js';
import type { ObservedAggregate } from './types.js';

/** A value of a query result, as `@duckdb/node-api` gives VARCHAR and INTEGER columns. */
type DuckValue = string | number | null;

/** The smallest surface of `@duckdb/node-api` this engine uses. */
interface DuckConnection {
  run(sql: string): Promise<unknown>;
  runAndReadAll(sql: string): Promise<{
    getRowObjectsJson(): Record<string, unknown>[];
    getRows(): DuckValue[][];
  }>;
  stream(sql: string): Promise<{
    fetchChunk(): Promise<{ rowCount: number; getRows(): DuckValue[][] } | null>;
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

/** Loads DuckDB, or says how to add it: it is optional, so most installs never download it. */
export async function loadDuckDb(): Promise<DuckModule> {
  try {
    return (await import(DUCKDB_PACKAGE)) as DuckModule;
  } catch {
    throw new EngineError({ kind: 'duckdb-not-installed', package: DUCKDB_PACKAGE });
  }
}

const literal = (text: string): string => `'${text.replaceAll("'", "''")}'`;
const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/**
 * The date as written, exactly as the streaming reader takes it: `YYYY-MM-DD` optionally followed
 * by a time, or day-first `DD/MM/YYYY` / `DD.MM.YYYY`; anything else is NULL (a skipped row).
 */
function dateExpression(column: string): string {
  const v = `TRIM(CAST(${column} AS VARCHAR))`;
  const dayFirst = (sep: string): string => {
    const re = `^(\\d{1,2})${sep}(\\d{1,2})${sep}(\\d{4})([ T][0-9:.]*)?$`;
    const part = (n: number, width: number): string =>
      `lpad(regexp_extract(${v}, '${re}', ${n}), ${width}, '0')`;
    return `WHEN regexp_matches(${v}, '${re}') THEN TRY_CAST(${part(3, 4)} || '-' || ${part(2, 2)} || '-' || ${part(1, 2)} AS DATE)`;
  };
  return `CASE WHEN regexp_matches(${v}, '^\\d{4}-\\d{2}-\\d{2}([T ][0-9:.]*(Z|[+-]\\d{2}:?\\d{2})?)?$') THEN TRY_CAST(substr(${v}, 1, 10) AS DATE)
    ${dayFirst('/')}
    ${dayFirst('\\.')}
  END`;
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
  const duckdb = await loadDuckDb();
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
    let names: string[];
    try {
      const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${reader}`);
      names = described.getRowObjectsJson().map((row) => String(row.column_name));
    } catch (error) {
      throw new InputError(`cannot read the event logs with DuckDB: ${firstLine(error)}`);
    }
    const find = (name: string): string | undefined =>
      names.find((n) => n.trim().toLowerCase() === name.trim().toLowerCase());
    const account = find(columns.account);
    const touchpoint = find(columns.touchpoint);
    const timestamp = find(columns.timestamp);
    const segment = find(columns.segment);
    if (account === undefined || touchpoint === undefined || timestamp === undefined) {
      throw new InputError(
        `an event log needs the columns ${columns.account}, ${columns.touchpoint}, ${columns.timestamp}[, ${columns.segment}] (map others with events: in the config); found ${names.join(', ')}`,
      );
    }
    const date = parquet
      ? `COALESCE(TRY_CAST(${ident(timestamp)} AS DATE), ${dateExpression(ident(timestamp))})`
      : dateExpression(ident(timestamp));
    const text = (column: string): string => `TRIM(CAST(${ident(column)} AS VARCHAR))`;
    const inWindow = [
      'd IS NOT NULL',
      ...(plan.since === undefined ? [] : [`d >= ${String(plan.since)}`]),
      ...(plan.asOf === undefined ? [] : [`d <= ${String(plan.asOf)}`]),
    ].join(' AND ');
    const usable = `a IS NOT NULL AND a <> '' AND t IS NOT NULL AND t <> ''`;
    let skipped = 0;
    const agg = new ObservedAggregator(plan, listed);
    try {
      // The one pass over the rows: per account and touchpoint, its segment, how many rows have
      // no readable date, and the day numbers of the rows inside the window (as one string: the
      // client converts each value separately, so a list of numbers would cost a call each).
      await connection.run(
        `CREATE TEMP TABLE touches AS
SELECT a, t, MIN(s) FILTER (WHERE ${inWindow}) AS s, CAST(COUNT(*) AS INTEGER) AS n,
       CAST(COUNT(*) FILTER (WHERE d IS NULL) AS INTEGER) AS undated,
       string_agg(CAST(d AS VARCHAR), ',') FILTER (WHERE ${inWindow}) AS days
FROM (SELECT ${text(account)} AS a, ${text(touchpoint)} AS t,
             ${segment === undefined ? 'CAST(NULL AS VARCHAR)' : `NULLIF(${text(segment)}, '')`} AS s,
             CAST(${date} - DATE '1970-01-01' AS INTEGER) AS d
      FROM ${reader})
GROUP BY a, t`,
      );
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
      // Per account: its smallest segment and `i=day,day,…;i=…` for the touchpoints it received.
      const result = await connection.stream(
        `SELECT x.a, MIN(x.s), string_agg(CAST(ids.i AS VARCHAR) || '=' || x.days, ';')
FROM touches AS x JOIN ids ON ids.t = x.t
WHERE x.a <> '' AND x.days IS NOT NULL
GROUP BY x.a`,
      );
      for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0;) {
        for (const [id, smallest, received] of chunk.getRows()) {
          const name = String(id);
          const seg = smallest === null ? '' : String(smallest);
          for (const part of String(received).split(';')) {
            const eq = part.indexOf('=');
            const tp = ids[Number(part.slice(0, eq))] ?? '';
            for (const day of part.slice(eq + 1).split(',')) agg.add(name, tp, Number(day), seg);
          }
        }
        chunk = await result.fetchChunk();
      }
    } catch (error) {
      throw new InputError(`DuckDB could not aggregate the event logs: ${firstLine(error)}`);
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
