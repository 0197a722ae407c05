import { InputError } from '../errors.js';
import type { EventsMapping } from '../config/config.js';
import { aggregateFromRows } from './aggregate-csv.js';
import { EngineError } from './errors.js';
import type { AggregateRow } from './aggregate-csv.js';
import type { ObservedPlan } from './plan.js';
import type { ListedAccounts } from './read-accounts.js';
import { eventColumns, isParquet } from './read-events.js';
import { observedSql } from './sql.js';
import type { ObservedAggregate } from './types.js';

/** The smallest surface of `@duckdb/node-api` this engine uses. */
interface DuckConnection {
  run(sql: string): Promise<unknown>;
  runAndReadAll(sql: string): Promise<{ getRowObjectsJson(): Record<string, unknown>[] }>;
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
 * The embedded-SQL engine: DuckDB reads the CSV, gzip CSV or Parquet files itself and runs the
 * DuckDB dialect of `touchpoint sql` over them, so its result is the warehouse path's, verbatim.
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
  const instance = await duckdb.DuckDBInstance.create(':memory:');
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
    const day = parquet
      ? `COALESCE(TRY_CAST(${ident(timestamp)} AS DATE), ${dateExpression(ident(timestamp))})`
      : dateExpression(ident(timestamp));
    await connection.run(
      `CREATE VIEW events AS SELECT ${ident(account)} AS account_id, ${ident(touchpoint)} AS touchpoint_id, ${day} AS event_date${segment === undefined ? '' : `, ${ident(segment)} AS segment`} FROM ${reader}`,
    );
    if (listed !== undefined) {
      // Read by DuckDB too, with the same date rule; the streaming reader already reported its bad rows.
      const c = listed.columns;
      const anchors = c.anchors.map(
        (a, i) => `${dateExpression(ident(a.column))} AS d${String(i)}`,
      );
      await connection.run(
        `CREATE VIEW listed_accounts AS SELECT ${[`${ident(c.account)} AS account_id`, ...(c.segment === undefined ? [] : [`${ident(c.segment)} AS segment`]), ...anchors].join(', ')} FROM read_csv(${literal(listed.file)}, all_varchar = true, header = true)`,
      );
    }
    const sql = observedSql(plan, 'duckdb', {
      table: 'events',
      account: 'account_id',
      touchpoint: 'touchpoint_id',
      timestamp: 'event_date',
      ...(segment === undefined ? {} : { segment: 'segment' }),
      ...(listed === undefined
        ? {}
        : {
            accounts: {
              table: 'listed_accounts',
              account: 'account_id',
              ...(listed.columns.segment === undefined ? {} : { segment: 'segment' }),
              anchors: listed.columns.anchors.map((a, i) => ({ ...a, column: `d${String(i)}` })),
            },
          }),
    });
    let rows: AggregateRow[];
    try {
      rows = (await connection.runAndReadAll(sql)).getRowObjectsJson();
    } catch (error) {
      throw new InputError(`DuckDB could not aggregate the event logs: ${firstLine(error)}`);
    }
    return aggregateFromRows(rows, (index) => `DuckDB result row ${index + 1}`);
  } finally {
    connection.closeSync?.();
    instance.closeSync?.();
  }
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}
