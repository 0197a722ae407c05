import { inputError } from '../i18n/worded-error.js';
import type { EventsMapping } from '../config/config.js';
import { ObservedAggregator } from './aggregate.js';
import { EngineError } from './errors.js';
import { loadDuckDb } from './duckdb-bindings.js';
import type { DuckColumn, DuckConnection, DuckInstance, DuckStream } from './duckdb-bindings.js';
import type { ObservedPlan } from './plan.js';
import type { ListedAccounts } from './read-accounts.js';
import { eventColumns, isParquet } from './read-events.js';
import { FIRST_DAY, LAST_DAY, doubled as literal } from './sql.js';
import {
  csvLayout,
  csvRows,
  isAggregateLayout,
  isTooWide,
  touchpointsWritten,
} from './duckdb-csv.js';
import type { CsvLayout } from './duckdb-csv.js';
import { compareText } from '../shared/compare-text.js';
import type { EventColumns } from './read-events.js';
import type { ObservedAggregate } from './types.js';

const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/**
 * The characters JavaScript's `trim()` removes, which the streaming reader trims every field of
 * (DuckDB's one-argument TRIM removes only spaces).
 */
const JS_SPACE =
  '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
const trimmed = (expression: string): string => `trim(${expression}, ${literal(JS_SPACE)})`;

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
  const v = trimmed(raw);
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

/** The columns of Parquet files, matched to the roles as the streaming reader matches a header. */
async function columnsFound(
  connection: DuckConnection,
  files: readonly string[],
  columns: EventColumns,
): Promise<LogColumns> {
  let names: string[];
  try {
    // DESCRIBE's first column is the column's name.
    const described = await connection.firstColumn(
      `DESCRIBE SELECT * FROM ${parquetReader(files)}`,
    );
    names = described.map((name) => (name === null ? '' : String(name)));
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
 * The ids a Parquet pass packs as numbers: the inventory ids and the `aliases:` keys (any other
 * is read as text). The aggregator resolves each, as it resolves an id read as text.
 */
const plannedIds = (plan: ObservedPlan): string[] =>
  [...new Set([...plan.known, ...plan.aliases.map(([alias]) => alias)])]
    .filter((id) => id.trim() !== '')
    .sort(compareText);

/** The smallest power of two above every code of `ids`: a day's packed values keep them apart. */
const scaleFor = (ids: readonly string[]): number => 2 ** Math.ceil(Math.log2(ids.length + 1));

/**
 * The days (either side of 1970-01-01) whose packed values fit a 32-bit integer: 32,767 days
 * (1880 to 2059) up to 65,536 ids, which is also what the aggregator packs its runs in.
 */
const dayBoundFor = (scale: number): number => Math.min(32_767, Math.floor(2 ** 31 / scale) - 1);

/** The window of the pass as day numbers (`--since`, `--as-of`), when fixed. */
export interface PassWindow {
  since?: number;
  asOf?: number;
}

/**
 * The one pass over the rows, grouped by account and segment as written: the group's rows, the
 * rows without a readable date, each row inside the window whose touchpoint is one of `ids` as
 * written as one INTEGER (day × scale + the id's index in `ids`, see {@link scaleFor}; its day
 * inside {@link dayBoundFor}), and the touchpoint and day as written of every other dated row,
 * which Node resolves (those are usually few). `source` gives the rows as `a`, `t`, `s` (text)
 * and `ts`. Nothing of the inventory is in it, so it can run while the inventory is read.
 */
function accountsQuery(
  source: string,
  parquet: boolean,
  window: PassWindow,
  ids: readonly string[],
): string {
  const date = parquet
    ? `COALESCE(TRY_CAST(ts AS DATE), ${dateExpression('ts')})`
    : dateExpression('ts');
  const inWindow = [
    'd IS NOT NULL',
    ...(window.since === undefined ? [] : [`d >= ${String(window.since)}`]),
    ...(window.asOf === undefined ? [] : [`d <= ${String(window.asOf)}`]),
  ].join(' AND ');
  // A date outside the years the streaming reader takes is no date.
  const rows = `SELECT a, t, s, CASE WHEN d BETWEEN ${String(FIRST_DAY)} AND ${String(LAST_DAY)} THEN d END AS d
            FROM (SELECT a, t, s, CAST(${date} - DATE '1970-01-01' AS INTEGER) AS d
            FROM (${source}))`;
  // The ids as written, looked up in a hash join: a CASE would compare each row with every id.
  const withIndex =
    ids.length === 0
      ? `SELECT a, t, s, d, CAST(NULL AS INTEGER) AS k FROM (${rows})`
      : `SELECT r.a, r.t, r.s, r.d, w.k
      FROM (${rows}) AS r
      LEFT JOIN (SELECT unnest([${ids.map(literal).join(', ')}]) AS id,
                        unnest([${ids.map((_, i) => String(i)).join(', ')}]) AS k) AS w
        ON w.id = r.t`;
  const scale = String(scaleFor(ids));
  const bound = String(dayBoundFor(scaleFor(ids)));
  // Rows of an id of `ids` on a day whose packed value fits an INTEGER.
  const packable = `k IS NOT NULL AND d BETWEEN -${bound} AND ${bound}`;
  const other = `d IS NOT NULL AND NOT (${packable})`;
  // Grouped by the segment as written too (an account's is usually one): trimming every row in
  // SQL as JavaScript trims costs more than the rest of the pass, and a list of each account's
  // segments a tenth of it, so each group's is trimmed in Node, where the aggregator keeps the
  // smallest of an account's groups.
  // The lists' lengths, from the lists once grouped (counting each row again would be a second
  // filter per row).
  return `SELECT *,
       CAST(COALESCE(len(known), 0) AS INTEGER) AS known_count,
       CAST(COALESCE(len(other), 0) AS INTEGER) AS other_count
FROM (SELECT a, s,
       CAST(COUNT(*) AS INTEGER) AS n,
       CAST(COUNT(*) FILTER (WHERE d IS NULL) AS INTEGER) AS undated,
       list(CASE WHEN ${packable} THEN CAST(d * ${scale} + k AS INTEGER) END) FILTER (WHERE ${packable} AND ${inWindow}) AS known,
       list(t) FILTER (WHERE ${other}) AS other,
       list(d) FILTER (WHERE ${other}) AS other_days
FROM (${withIndex})
GROUP BY a, s)`;
}

/** The rows of Parquet event logs as `a`, `t`, `s` (text) and `ts` (as typed in the files). */
function parquetRows(files: readonly string[], columns: LogColumns): string {
  const { account, touchpoint, timestamp, segment } = columns;
  const seg =
    segment === undefined ? 'CAST(NULL AS VARCHAR)' : `CAST(${ident(segment)} AS VARCHAR)`;
  return `SELECT CAST(${ident(account)} AS VARCHAR) AS a, CAST(${ident(touchpoint)} AS VARCHAR) AS t,
                   ${seg} AS s, ${ident(timestamp)} AS ts
            FROM ${parquetReader(files)}`;
}

/** DuckDB's reader of Parquet files, their columns matched by name across files. */
const parquetReader = (files: readonly string[]): string =>
  `read_parquet([${files.map(literal).join(', ')}], union_by_name = true)`;

/** The DuckDB engine's pass over the logs, started before the inventory is read. */
export interface DuckdbPass {
  /**
   * The aggregate, against the plan made of the inventory, once the pass is done; undefined
   * when a CSV file is a `touchpoint sql` result rather than raw events (the streaming engine
   * reads that, and refuses it mixed with logs). DuckDB is closed before it resolves.
   */
  aggregate(plan: ObservedPlan, listed?: ListedAccounts): Promise<ObservedAggregate | undefined>;
  /** Stops the pass and closes DuckDB, when no aggregate is wanted after all. */
  close(): Promise<void>;
}

/** A started DuckDB and, for CSV logs, the pass running in it (undefined for an aggregate file). */
interface Started {
  instance: DuckInstance;
  connection: DuckConnection;
  /**
   * CSV: the ids the pass packs, the pass (the latest, which close() waits for), and the pass
   * again over all the spare columns (see `csvRows`); none when the first pass had them all.
   */
  csv?: { ids: string[]; result: Promise<DuckStream>; wide?: () => Promise<DuckStream> };
}

/**
 * The embedded-SQL engine: DuckDB reads the CSV, gzip CSV or Parquet files itself (in parallel)
 * and does the row-level work as one `GROUP BY` account, with each account's packed days; the
 * much smaller result then goes through the streaming engine's own aggregator, so both apply
 * the one definition in the same code. (`touchpoint sql` prints that definition as SQL for
 * a warehouse; the parity test holds the three together.)
 *
 * The pass over CSV logs needs nothing of the inventory: it packs the touchpoint ids written in
 * the logs' samples (see `touchpointsWritten`), and starts here, on DuckDB's threads, while
 * the caller reads the inventory (a Parquet pass waits for the plan and packs its ids). Nothing throws here: a
 * failure to start is thrown by {@link DuckdbPass.aggregate}.
 */
export function openDuckdbEvents(
  files: readonly string[],
  mapping: EventsMapping | undefined,
  window: PassWindow,
): DuckdbPass {
  const columns = eventColumns(mapping);
  const parquet = files.every(isParquet);
  const started = start(files, columns, parquet, window);
  // Heard now, awaited by aggregate() or close(): never a rejection unheard meanwhile.
  started.catch(() => undefined);
  let closed = false;
  /** Closes DuckDB; `stop`: the pass may still run, so it is stopped first (closing under it is not safe). */
  const close = async (stop = true): Promise<void> => {
    const s = await started.catch(() => undefined);
    if (s === undefined || closed) return;
    closed = true;
    if (stop) s.connection.interrupt();
    await s.csv?.result.catch(() => undefined);
    s.connection.closeSync();
    s.instance.closeSync();
  };
  return {
    close: () => close(),
    async aggregate(plan, listed) {
      const s = await started;
      if (s === undefined) return undefined;
      const agg = new ObservedAggregator(plan, listed);
      try {
        let ids: string[];
        let result: DuckStream;
        const { csv } = s;
        if (csv !== undefined) {
          ids = csv.ids;
          result = await csv.result
            .catch((error: unknown) => {
              if (!isTooWide(error) || csv.wide === undefined) throw error;
              // A row wider than the samples' (an export's notes column further on).
              csv.result = csv.wide();
              return csv.result;
            })
            .catch((error: unknown) => {
              throw inputError('err.duckdbAggregate', { detail: csvErrorDetail(error) });
            });
        } else {
          ids = plannedIds(plan);
          result = await parquetPass(s.connection, files, columns, window, ids);
        }
        agg.useDictionary(ids);
        agg.skip(await addGroups(result, agg, scaleFor(ids)));
      } finally {
        await close(false);
      }
      // Summarised once DuckDB is closed: its memory (its hash table, every account's list until
      // the result is read) goes back before the summaries are built.
      return agg.finish();
    },
  };
}

/**
 * Reads the pass's groups into the aggregator: the packed lists in place from the result's
 * columns, each other row through {@link ObservedAggregator.add}. The rows it skips.
 */
async function addGroups(
  result: DuckStream,
  agg: ObservedAggregator,
  scale: number,
): Promise<number> {
  let skipped = 0;
  try {
    // The lists are read in place from the result's columns (a value each would cost a call
    // and an object); only the ~accounts strings are converted. The next chunk is asked for
    // before this one is read, so DuckDB makes it meanwhile.
    let next = result.fetchChunk();
    for (let chunk = await next; chunk && chunk.rowCount > 0; chunk = await next) {
      next = result.fetchChunk();
      // Awaited in the next turn; read even if this chunk stops the loop, so it never rejects unheard.
      next.catch(() => undefined);
      // The row count is asked of the package once (each read is a call into DuckDB).
      const groups = chunk.rowCount;
      const names = chunk.getColumnVector(0);
      const segments = chunk.getColumnVector(1);
      const rows = integers(chunk.getColumnVector(2));
      const undated = integers(chunk.getColumnVector(3));
      const known = chunk.getColumnVector(4);
      const values = integers(known.childVector);
      const other = chunk.getColumnVector(5);
      const otherIds = other.childVector;
      const otherDays = chunk.getColumnVector(6).childVector;
      // The lists' lengths as INTEGER columns: a list's own is a 64-bit read and conversion.
      const knownCount = integers(chunk.getColumnVector(7));
      const otherCount = integers(chunk.getColumnVector(8));
      for (let row = 0; row < groups; row++) {
        const name = names.getItem(row);
        const account = name === null ? '' : String(name).trim();
        if (account === '') {
          // Rows without an account.
          skipped += rows[row] ?? 0;
          continue;
        }
        skipped += undated[row] ?? 0;
        const written = segments.getItem(row);
        const segmentName = written === null ? '' : String(written).trim();
        const count = knownCount[row] ?? 0;
        if (count > 0) {
          agg.addAccount(account, segmentName, values, known.getEntryOffset(row), count, scale);
        }
        const others = otherCount[row] ?? 0;
        if (others === 0) continue;
        const at = other.getEntryOffset(row);
        for (let i = 0; i < others; i++) {
          const id = otherIds.getItem(at + i);
          const touchpoint = id === null ? '' : String(id).trim();
          if (touchpoint === '') skipped++;
          else agg.add(account, touchpoint, Number(otherDays.getItem(at + i)), segmentName);
        }
      }
    }
  } catch (error) {
    throw inputError('err.duckdbAggregate', { detail: firstLine(error) });
  }
  return skipped;
}

/**
 * Loads and starts DuckDB and, for CSV logs, the pass; undefined (DuckDB closed) when a CSV
 * file is a `touchpoint sql` result.
 */
async function start(
  files: readonly string[],
  columns: EventColumns,
  parquet: boolean,
  window: PassWindow,
): Promise<Started | undefined> {
  const open = loadDuckDb();
  if (!parquet && files.some(isParquet)) {
    throw new EngineError({
      kind: 'csv-and-parquet',
      csv: files.filter((file) => !isParquet(file)),
      parquet: files.filter(isParquet),
    });
  }
  const starting = open(':memory:', {
    // Results are sorted in Node; not keeping the input order lets DuckDB stream and use less memory.
    preserve_insertion_order: 'false',
  });
  // Heard now, awaited below: a failure to start is thrown there, never unheard meanwhile.
  starting.catch(() => undefined);
  // A CSV log's dialect, columns and touchpoint ids come from the streaming reader's own
  // sniffer, while DuckDB starts (on its own thread).
  let layouts: CsvLayout[] = [];
  let source = '';
  try {
    if (!parquet) {
      layouts = await Promise.all(files.map(csvLayout));
      if (layouts.some(isAggregateLayout)) layouts = [];
      else source = csvRows(layouts, columns);
    }
  } catch (error) {
    (await starting.catch(() => undefined))?.closeSync();
    throw error;
  }
  const instance = await starting;
  if (!parquet && layouts.length === 0) {
    instance.closeSync();
    return undefined;
  }
  const connection = await instance.connect().catch((error: unknown) => {
    instance.closeSync();
    throw error;
  });
  if (parquet) return { instance, connection };
  const ids = touchpointsWritten(layouts, columns);
  // A sampled row as wide as the spare columns allow: a second pass could only stop at that row again.
  const wide = csvRows(layouts, columns, true);
  const pass = (rows: string): Promise<DuckStream> => {
    const result = connection.stream(accountsQuery(rows, false, window, ids));
    result.catch(() => undefined);
    return result;
  };
  return {
    instance,
    connection,
    csv: { ids, result: pass(source), ...(wide === source ? {} : { wide: () => pass(wide) }) },
  };
}

/**
 * The pass over Parquet logs, with the columns as the mapping names them and no DESCRIBE
 * first (which reads the files' metadata once more): DuckDB matches names regardless of case.
 * Only when that does not bind (a column written with other spaces, a log without the segment
 * column, a file DuckDB cannot read) are the columns looked up, with the messages of the
 * look-up.
 */
async function parquetPass(
  connection: DuckConnection,
  files: readonly string[],
  columns: EventColumns,
  window: PassWindow,
  ids: readonly string[],
): Promise<DuckStream> {
  const pass = (found: LogColumns): Promise<DuckStream> =>
    connection.stream(accountsQuery(parquetRows(files, found), true, window, ids));
  try {
    return await pass(columns);
  } catch {
    const found = await columnsFound(connection, files, columns);
    try {
      return await pass(found);
    } catch (error) {
      throw inputError('err.duckdbAggregate', { detail: firstLine(error) });
    }
  }
}

/**
 * The values of an INTEGER column without NULLs, as the array DuckDB keeps them in (read in
 * place). Every column read so is cast to INTEGER by the pass's SQL.
 */
function integers(column: DuckColumn): Int32Array {
  if (column.items === undefined) throw new TypeError('the pass gave a column that is not INTEGER');
  return column.items;
}

/**
 * DuckDB's CSV error as one line: the file and line and what is wrong (`t.csv:3: Value with
 * unterminated quote found.`), from the message it spreads over many; else its first line.
 */
function csvErrorDetail(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = /CSV Error on Line: (\d+)/.exec(text)?.[1];
  const file = /^\s*file = (.+)$/m.exec(text)?.[1];
  const lines = text.split('\n');
  const fixes = lines.findIndex((l) => l.startsWith('Possible fixes'));
  const reason = lines
    .slice(0, Math.max(0, fixes))
    .reverse()
    .find((l) => l.trim() !== '');
  if (line === undefined || file === undefined || reason === undefined) return firstLine(error);
  return `${file}:${line}: ${reason.trim()}`;
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}
