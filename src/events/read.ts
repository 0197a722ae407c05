import type { Config } from '../config/config.js';
import type { Inventory } from '../types.js';
import { openDuckdbEvents } from './duckdb-engine.js';
import type { DuckdbPass } from './duckdb-engine.js';
import { observedPlan, windowOf } from './plan.js';
import type { ObservedPlan } from './plan.js';
import { readAccounts } from './read-accounts.js';
import { streamEvents } from './read-events.js';
import { EventFilesError } from './errors.js';
import type { EventEngine, EventRowProblem, EventsResult } from './types.js';

/** How to read event logs, all known before the inventory is read. */
export interface OpenEventsOptions {
  config: Config;
  engine?: EventEngine;
  /** The accounts file (`--accounts`); default: `events.accounts` in the config. */
  accounts?: string;
  /** Window bounds (YYYY-MM-DD); default: the first and last day in the log. */
  since?: string;
  asOf?: string;
}

export interface ReadEventsOptions extends OpenEventsOptions {
  inventory: Inventory;
}

/** What the `observed/*` rules get: the aggregate and the plan it was computed against. */
export interface ObservedInput extends EventsResult {
  plan: ObservedPlan;
}

/** Event logs being read: {@link openEvents}. */
export interface EventsReading {
  /** The observed aggregate against the inventory's plan. */
  read(inventory: Inventory): Promise<ObservedInput>;
  /** Stops the reading, when the caller gives up before {@link read} (an inventory that fails). */
  close(): Promise<void>;
}

/**
 * Starts reading per-account event logs, before the inventory is read: with `--engine duckdb`,
 * DuckDB loads and makes its pass over CSV logs on its own threads while the caller reads the
 * inventory and metrics; then {@link EventsReading.read} finishes against the inventory. The
 * streaming engine reads everything in `read`. Errors are thrown by `read`, never here.
 */
export function openEvents(files: readonly string[], options: OpenEventsOptions): EventsReading {
  const pass =
    options.engine === 'duckdb'
      ? openDuckdbEvents(files, options.config.events, windowOf(options))
      : undefined;
  return {
    close: async () => pass?.close(),
    read: async (inventory) => {
      try {
        return await readOpened(files, { ...options, inventory }, pass);
      } finally {
        await pass?.close();
      }
    },
  };
}

/**
 * Reads per-account event logs (CSV, gzip CSV; Parquet with DuckDB) into the observed aggregate,
 * with the streaming engine (default) or DuckDB. A file that is already an aggregate (the result
 * of `touchpoint sql`) is read as it is.
 */
export async function readEvents(
  files: readonly string[],
  options: ReadEventsOptions,
): Promise<ObservedInput> {
  return openEvents(files, options).read(options.inventory);
}

async function readOpened(
  files: readonly string[],
  options: ReadEventsOptions,
  pass: DuckdbPass | undefined,
): Promise<ObservedInput> {
  const plan = observedPlan(options.inventory, options.config, {
    ...(options.since !== undefined ? { since: options.since } : {}),
    ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
  });
  const mapping = options.config.events;
  const accountsMapping = mapping?.accounts ?? {};
  const accountsFile = options.accounts ?? accountsMapping.file;
  const problems: EventRowProblem[] = [];
  // Small (accounts × a few fields) and needed before the first event: read whole, first.
  const listed =
    accountsFile === undefined
      ? undefined
      : await readAccounts(accountsFile, accountsMapping, plan, problems);
  const accounts = listed === undefined ? {} : { accounts: accountsFile };
  if (pass !== undefined) {
    const aggregate = await pass.aggregate(plan, listed);
    // Undefined for a touchpoint sql result, which is read below whatever the engine.
    if (aggregate !== undefined) {
      return { files: [...files], ...accounts, engine: 'duckdb', aggregate, problems, plan };
    }
  }
  const streamed = await streamEvents(files, plan, mapping, listed);
  if (streamed.fromAggregate && listed !== undefined) {
    throw new EventFilesError({
      kind: 'accounts-with-aggregate',
      accounts: listed.file,
      // An aggregate is read only as the one file given.
      aggregate: files[0] ?? '',
    });
  }
  return {
    files: [...files],
    ...accounts,
    engine: streamed.fromAggregate ? 'aggregate' : 'streaming',
    aggregate: streamed.aggregate,
    problems: [...problems, ...streamed.problems],
    plan,
  };
}
