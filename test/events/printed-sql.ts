import type { ObservedPlan } from '../../src/events/plan.js';
import { observedSql } from '../../src/events/sql.js';
import type { SqlAccounts } from '../../src/events/sql.js';

/**
 * The warehouse path, run in DuckDB: the event log `log` as an `events` table (its timestamp a
 * TIMESTAMP, as a warehouse types it; every other column text when `allVarchar`), the tables of
 * `setup`, and the DuckDB SQL that `touchpoint sql` prints for `plan` run over them, its result
 * written to `result` as CSV for `--events` to read back.
 */
export async function runPrintedSql(options: {
  log: string;
  result: string;
  plan: ObservedPlan;
  allVarchar?: boolean;
  /** More statements before the query (an accounts table, say). */
  setup?: readonly string[];
  accounts?: SqlAccounts;
}): Promise<void> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const varchar = options.allVarchar === true ? ', all_varchar = true' : '';
    await connection.run(
      `CREATE TABLE events AS SELECT account_id, touchpoint_id, CAST("timestamp" AS TIMESTAMP) AS "timestamp", segment FROM read_csv('${options.log}', header = true${varchar})`,
    );
    for (const statement of options.setup ?? []) await connection.run(statement);
    const sql = observedSql(options.plan, 'duckdb', {
      table: 'events',
      account: 'account_id',
      touchpoint: 'touchpoint_id',
      timestamp: 'timestamp',
      segment: 'segment',
      ...(options.accounts === undefined ? {} : { accounts: options.accounts }),
    });
    await connection.run(`COPY (${sql.replace(/;\s*$/, '')}) TO '${options.result}' (HEADER)`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
