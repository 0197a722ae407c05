import { EXIT_OK } from '../exit-codes.js';
import { WordedUsageError } from './worded-usage-error.js';
import { observedPlan } from '../events/plan.js';
import { warehouseAccounts } from '../events/read-accounts.js';
import { eventColumns } from '../events/read-events.js';
import { isSqlDialect, observedSql, SQL_DIALECTS } from '../events/sql.js';
import { loadInventory } from '../inventory/load-inventory.js';
import type { CliIo } from './io.js';
import type { CommandOptions } from './options.js';
import { resolveConfig } from './run-check.js';

export interface SqlOptions {
  dialect: string;
  table: string;
  accountsTable?: string;
  config?: string;
  since?: string;
  asOf?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A table name as a warehouse writes it: `events`, `project.dataset.events`, quoted parts. */
const TABLE = /^[A-Za-z0-9_.`"$-]+$/;

/** `touchpoint sql`: prints the observed-aggregate SQL for the inventory and config. */
export async function runSql(inventory: string[], options: SqlOptions, io: CliIo): Promise<number> {
  if (!isSqlDialect(options.dialect)) {
    throw new WordedUsageError('cli.unknownDialect', {
      dialect: options.dialect,
      choices: SQL_DIALECTS.join(', '),
    });
  }
  if (!TABLE.test(options.table))
    throw new WordedUsageError('cli.notTable', { flag: '--table', name: options.table });
  if (options.accountsTable !== undefined && !TABLE.test(options.accountsTable))
    throw new WordedUsageError('cli.notTable', {
      flag: '--accounts-table',
      name: options.accountsTable,
    });
  for (const [flag, value] of [
    ['--since', options.since],
    ['--as-of', options.asOf],
  ] as const) {
    if (value !== undefined && (!DATE.test(value) || Number.isNaN(Date.parse(value))))
      throw new WordedUsageError('cli.notDate', { flag });
  }
  const config = await resolveConfig(
    { ...(options.config !== undefined ? { config: options.config } : {}) } as CommandOptions,
    inventory,
    io,
  );
  const loaded = await loadInventory(inventory, { cwd: io.cwd });
  const errors = loaded.findings.filter((f) => f.rule === 'schema/syntax');
  if (errors.length > 0) {
    const first = errors[0];
    throw new WordedUsageError('cli.sqlParse', {
      place: `${first?.location.file ?? ''}:${String(first?.location.line ?? 1)}`,
    });
  }
  const plan = observedPlan(loaded.inventory, config, {
    ...(options.since !== undefined ? { since: options.since } : {}),
    ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
  });
  const columns = eventColumns(config.events);
  io.stdout.write(
    observedSql(plan, options.dialect, {
      table: options.table,
      account: columns.account,
      touchpoint: columns.touchpoint,
      timestamp: columns.timestamp,
      segment: columns.segment,
      ...(options.accountsTable === undefined
        ? {}
        : {
            accounts: warehouseAccounts(options.accountsTable, config.events?.accounts ?? {}, plan),
          }),
    }),
  );
  return EXIT_OK;
}
