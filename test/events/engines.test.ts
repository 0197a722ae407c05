import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, parseConfigText } from '../../src/config/load-config.js';
import type { Config } from '../../src/config/config.js';
import { aggregateToRows } from '../../src/events/aggregate-csv.js';
import { observedPlan } from '../../src/events/plan.js';
import { readEvents } from '../../src/events/read.js';
import { loadInventory } from '../../src/inventory/load-inventory.js';
import type { Inventory } from '../../src/types.js';
import { auditLoaded } from '../../src/audit.js';
import type { LoadedInventory } from '../../src/inventory/load-inventory.js';
import { badRowFindings } from './observed-harness.js';
import { runPrintedSql } from './printed-sql.js';
import { writeAccounts, writeScenario } from './scenario.js';
import { warehouseAccounts } from '../../src/events/read-accounts.js';

const dir = mkdtempSync(path.join(tmpdir(), 'touchpoint-events-'));
const log = path.join(dir, 'events.csv');
let loaded: LoadedInventory;
let inventory: Inventory;
let config: Config;

beforeAll(async () => {
  writeScenario(log);
  loaded = await loadInventory(['examples/observed/touchpoints.yaml'], { cwd: process.cwd() });
  inventory = loaded.inventory;
  config = await loadConfig('examples/observed/touchpoint.config.yaml');
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const window = { since: '2025-01-01', asOf: '2025-12-31' };

function observedFindings(observed: Awaited<ReturnType<typeof readEvents>>): string[] {
  const report = auditLoaded({ loaded, config, asOf: window.asOf, observed });
  return report.findings
    .filter((f) => f.rule.startsWith('observed/'))
    .map((f) => `${f.rule} ${f.touchpoint ?? '-'}: ${f.message}`);
}

describe('observed cadence: the planted year of 5,000 accounts', () => {
  it('finds exactly the planted silences, collisions and never-sent touchpoint, identically in three engines', async () => {
    const streaming = await readEvents([log], { inventory, config, ...window });
    expect(streaming.aggregate.window).toEqual({
      first: 20089,
      last: 20453,
      // 38 planned touches each, 26 removed for silences, 3 collisions, 715 support tickets
      rows: 5000 * 38 - 26 + 3 + 715,
      skipped: 0,
    });
    const findings = observedFindings(streaming);
    expect(findings).toEqual([
      'observed/silence -: 1 of 2500 smb accounts (<0.1%) went longer than 45 days without a proactive touch; longest: acct-00017 (100 days, 2025-04-11..2025-07-20)',
      'observed/silence -: 3 of 2500 enterprise accounts (0.1%) went longer than 21 days without a proactive touch; longest: acct-03334 (80 days, 2025-04-11..2025-06-30), acct-00016 (60 days, 2025-04-11..2025-06-10), acct-00420 (60 days, 2025-04-11..2025-06-10)',
      "observed/collision check-in-call: 3 accounts (<0.1%) received both 'check-in-call' and 'renewal-reminder' inside the collision window, 3 times in all; first: acct-00100 on 2025-02-20",
      "observed/not-sent nps-survey: 'nps-survey' is planned for enterprise and smb but no account of those segments received it in the event logs (2025-01-01..2025-12-31)",
    ]);

    const duck = await readEvents([log], { inventory, config, engine: 'duckdb', ...window });
    expect(aggregateToRows(duck.aggregate)).toEqual(aggregateToRows(streaming.aggregate));
    expect(observedFindings(duck)).toEqual(findings);

    // The warehouse path: the printed DuckDB SQL over an events table, its result read back.
    const result = path.join(dir, 'observed.csv');
    await runPrintedSql({ log, result, plan: observedPlan(inventory, config, window) });
    const warehouse = await readEvents([result], { inventory, config, ...window });
    expect(warehouse.engine).toBe('aggregate');
    expect(aggregateToRows(warehouse.aggregate)).toEqual(aggregateToRows(streaming.aggregate));
    expect(observedFindings(warehouse)).toEqual(findings);
  }, 60_000);

  it('places each account on its own lifecycle from an accounts file, identically in three engines', async () => {
    const accounts = path.join(dir, 'accounts.csv');
    writeAccounts(accounts);
    const options = { inventory, config, accounts, ...window };
    const streaming = await readEvents([log], options);
    expect(
      badRowFindings(streaming).map(
        (f) => `${f.rule} ${String(f.location.line)}:${String(f.location.column)} ${f.message}`,
      ),
    ).toEqual([
      "observed/bad-row 5:3 row 5: contract_start 'soon' is not a date (expected YYYY-MM-DD, an ISO 8601 timestamp or DD/MM/YYYY); the date is left out",
      'observed/bad-row 5003:1 row 5003 has no account_id; the row is skipped',
      'observed/bad-row 5004:1 row 5004: account acct-00002 is listed again (first on row 4); its smallest segment and earliest dates are used',
    ]);
    const byId = new Map(streaming.aggregate.accounts.map((a) => [a.account, a]));
    expect(streaming.aggregate.accounts).toHaveLength(5001);
    expect(byId.get('acct-05000')).toEqual({
      account: 'acct-05000',
      segment: 'enterprise',
      first: 20379,
      last: 20453,
      anchor: 20379,
      touches: 0,
      silence: { days: 74, from: 20379, to: 20453 },
      collisions: 0,
      densityBreaches: 0,
      densityPeak: 0,
    });
    expect(byId.get('acct-00017')?.silence).toEqual({ days: 19, from: 20270, to: 20289 });
    expect(byId.get('acct-00002')?.first).toBe(20089);
    expect(byId.get('acct-00002')?.anchor).toBe(19875);
    const findings = observedFindings(streaming);
    expect(findings.filter((f) => f.startsWith('observed/silence'))).toEqual([
      'observed/silence -: 4 of 2501 enterprise accounts (0.2%) went longer than 21 days without a proactive touch; longest: acct-03334 (80 days, 2025-04-11..2025-06-30), acct-05000 (74 days, 2025-10-18..2025-12-31), acct-00016 (60 days, 2025-04-11..2025-06-10)',
    ]);

    const duck = await readEvents([log], { ...options, engine: 'duckdb' });
    expect(duck.problems).toEqual(streaming.problems);
    expect(aggregateToRows(duck.aggregate)).toEqual(aggregateToRows(streaming.aggregate));

    const plan = observedPlan(inventory, config, window);
    const result = path.join(dir, 'observed-accounts.csv');
    await runPrintedSql({
      log,
      result,
      plan,
      // A warehouse table has DATE columns: the unreadable date is NULL there.
      setup: [
        `CREATE TABLE accounts AS SELECT account_id, segment, TRY_CAST(contract_start AS DATE) AS contract_start, TRY_CAST(go_live AS DATE) AS go_live, TRY_CAST(renewal AS DATE) AS renewal FROM read_csv('${accounts}', header = true, all_varchar = true)`,
      ],
      accounts: warehouseAccounts('accounts', {}, plan),
    });
    const warehouse = await readEvents([result], { inventory, config, ...window });
    expect(aggregateToRows(warehouse.aggregate)).toEqual(aggregateToRows(streaming.aggregate));
    // The warehouse table has no bad rows to report; every other finding is the same.
    expect(observedFindings(warehouse)).toEqual(
      findings.filter((f) => !f.startsWith('observed/bad-row')),
    );
  }, 60_000);

  it('reports unusable rows with their line and column, and counts them', async () => {
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(
      bad,
      'account_id,touchpoint_id,timestamp\n,welcome-email,2025-01-01\nacct-1,,2025-01-01\nacct-1,welcome-email,soon\nacct-1,promo-blast,2025-01-02\n',
    );
    const result = await readEvents([bad], { inventory, config });
    expect(
      badRowFindings(result).map(
        (f) => `${String(f.location.line)}:${String(f.location.column)} ${f.message}`,
      ),
    ).toEqual([
      '2:1 row 2 has no account_id; the row is skipped',
      '3:2 row 3 has no touchpoint_id; the row is skipped',
      "4:3 row 4: timestamp 'soon' is not a date (expected YYYY-MM-DD, an ISO 8601 timestamp or DD/MM/YYYY); the row is skipped",
    ]);
    expect(badRowFindings(result).map((f) => f.rule)).toEqual([
      'observed/bad-row',
      'observed/bad-row',
      'observed/bad-row',
    ]);
    expect(result.aggregate.window).toEqual({ first: 20090, last: 20090, rows: 1, skipped: 3 });
    expect(observedFindings(result)).toContain(
      "observed/unplanned promo-blast: 'promo-blast' was sent 1 time (first on 2025-01-02) but is not in the inventory",
    );
  });

  it('stops with one line when the log lacks a needed column', async () => {
    const odd = path.join(dir, 'odd.csv');
    writeFileSync(odd, 'company,activity\nx,y\n');
    await expect(readEvents([odd], { inventory, config })).rejects.toThrow(
      /needs the columns account_id, touchpoint_id, timestamp\[, segment\].*missing account_id, touchpoint_id, timestamp/,
    );
  });
});

describe('density per segment, each with its own window', () => {
  it('counts each account against its segment’s window, identically in the streaming engine, --engine duckdb and the printed SQL', async () => {
    const perSegment = parseConfigText(
      'density:\n  max: 2\n  window: 7d\n  segments: { smb: { max: 2, window: 14d } }\n',
      'touchpoint.config.yaml',
    );
    // The same three digests five days apart: inside 7 days only two at a time, inside 14 all three.
    const dense = path.join(dir, 'dense.csv');
    writeFileSync(
      dense,
      [
        'account_id,touchpoint_id,timestamp,segment',
        ...['E-1,enterprise', 'S-1,smb'].flatMap((who) =>
          ['2025-03-01', '2025-03-06', '2025-03-11'].map((day) => {
            const [account, segment] = who.split(',');
            return `${account ?? ''},product-digest,${day},${segment ?? ''}`;
          }),
        ),
        '',
      ].join('\n'),
    );
    const options = { inventory, config: perSegment, ...window };
    const streaming = await readEvents([dense], options);
    expect(
      streaming.aggregate.accounts.map((a) => [
        a.account,
        a.densityBreaches,
        a.densityPeak,
        a.firstBreach,
      ]),
    ).toEqual([
      ['E-1', 0, 2, undefined],
      ['S-1', 1, 3, 20158],
    ]);
    const duck = await readEvents([dense], { ...options, engine: 'duckdb' });
    expect(aggregateToRows(duck.aggregate)).toEqual(aggregateToRows(streaming.aggregate));
    const result = path.join(dir, 'dense-aggregate.csv');
    await runPrintedSql({ log: dense, result, plan: observedPlan(inventory, perSegment, window) });
    const warehouse = await readEvents([result], options);
    expect(aggregateToRows(warehouse.aggregate)).toEqual(aggregateToRows(streaming.aggregate));
  });
});
