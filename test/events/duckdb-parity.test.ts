import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/load-config.js';
import { aggregateToRows } from '../../src/events/aggregate-csv.js';
import { readEvents } from '../../src/events/read.js';
import { loadInventory } from '../../src/inventory/load-inventory.js';
import type { LoadedInventory } from '../../src/inventory/load-inventory.js';
import { observedPlan } from '../../src/events/plan.js';
import { runPrintedSql } from './printed-sql.js';

// --engine duckdb reads inventory ids written as such in SQL and leaves every other id to the
// aggregator's own look-up; these logs mix every shape the two must agree on.
const dir = mkdtempSync(path.join(tmpdir(), 'touchpoint-duckdb-parity-'));
let loaded: LoadedInventory;
beforeAll(async () => {
  loaded = await loadInventory(['examples/b2b-saas/touchpoints.yaml'], { cwd: process.cwd() });
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const config = parseConfigText(
  [
    'aliases:',
    '  Onboarding Day 1: onboarding-email-day-1',
    '  Promo: not-in-the-inventory',
    '',
  ].join('\n'),
  'touchpoint.config.yaml',
);

/** An id as logs write it: as it is, padded with spaces or a tab, or not at all. */
const written = (ids: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...ids) },
    { weight: 1, arbitrary: fc.constantFrom(...ids).map((id) => ` ${id}  `) },
    { weight: 1, arbitrary: fc.constantFrom(...ids).map((id) => `\t${id}`) },
    { weight: 1, arbitrary: fc.constantFrom('', '   ') },
  );

const touchpoints = [
  'monthly-check-in', // proactive
  'qbr',
  'welcome-email',
  'contract-signature', // proactive, transactional
  'csat-after-ticket', // not proactive
  'onboarding-email-day-1',
  'onb-d1-campaign-2026', // an alias of the inventory
  'Onboarding Day 1', // an alias of the config
  'Promo', // an alias of an id not in the inventory
  'promo-blast', // not in the inventory
];

/** A date as logs write it, from day 0 (2025-11-01) to day 120, in 1850 or 2099, or not a date. */
const stamp = fc
  .tuple(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 8 }))
  .map(([offset, shape]) => {
    const iso = new Date(Date.UTC(2025, 10, 1 + offset)).toISOString().slice(0, 10);
    const [y, m, d] = iso.split('-');
    return [
      iso,
      `${iso}T09:30:00Z`,
      `${iso} 17:05:00`,
      `${d ?? ''}/${m ?? ''}/${y ?? ''}`,
      ` ${iso}T08:00:00+07:00 `,
      `\t${iso}\u00a0`,
      offset % 10 === 0 ? `2099-${m ?? ''}-${d ?? ''}` : `1850-${m ?? ''}-${d ?? ''}`,
      'n/a',
      '',
    ][shape];
  });

const row = fc.tuple(
  written(['A-1', 'A-2', 'A-3', 'A-4', 'A-5', 'B-10', 'B-11']),
  written(touchpoints),
  stamp,
  fc.constantFrom('enterprise', 'smb', '', ' smb', '\tenterprise', 'mid-market'),
);

const quoted = (field: string | undefined): string => `"${(field ?? '').replaceAll('"', '""')}"`;

describe('--engine duckdb against the streaming engine on hostile logs', () => {
  it('gives the same aggregate on 40 generated logs, with and without a window (fast-check seed 15)', async () => {
    const logs = fc.sample(fc.array(row, { minLength: 1, maxLength: 120 }), {
      seed: 15,
      numRuns: 40,
    });
    let n = 0;
    for (const rows of logs) {
      const file = path.join(dir, `log-${String(n++)}.csv`);
      const lines = rows.map((fields) => fields.map(quoted).join(','));
      writeFileSync(file, `account_id,touchpoint_id,timestamp,segment\n${lines.join('\n')}\n`);
      for (const window of [{}, { since: '2025-12-01', asOf: '2026-01-31' }]) {
        const options = { inventory: loaded.inventory, config, ...window };
        const streaming = await readEvents([file], options);
        const duck = await readEvents([file], { ...options, engine: 'duckdb' });
        expect(aggregateToRows(duck.aggregate), `${file} ${JSON.stringify(window)}`).toEqual(
          aggregateToRows(streaming.aggregate),
        );
      }
    }
  });

  it('skips a date outside 1900–2999 in all three engines, as the streaming reader does', async () => {
    const file = path.join(dir, 'years.csv');
    writeFileSync(
      file,
      [
        'account_id,touchpoint_id,timestamp,segment',
        'A-1,monthly-check-in,2025-11-03T09:00:00Z,smb',
        'A-1,qbr,1850-06-01T09:00:00Z,smb',
        'A-2,welcome-email,3001-01-01T09:00:00Z,smb',
        'A-2,monthly-check-in,2025-12-01T09:00:00Z,smb',
        '',
      ].join('\n'),
    );
    const options = { inventory: loaded.inventory, config };
    const streaming = await readEvents([file], options);
    expect(streaming.aggregate.window).toEqual({ first: 20395, last: 20423, rows: 2, skipped: 2 });
    const duck = await readEvents([file], { ...options, engine: 'duckdb' });
    expect(aggregateToRows(duck.aggregate)).toEqual(aggregateToRows(streaming.aggregate));
    const result = path.join(dir, 'years-aggregate.csv');
    await runPrintedSql({
      log: file,
      result,
      plan: observedPlan(loaded.inventory, config, {}),
      allVarchar: true,
    });
    const warehouse = await readEvents([result], options);
    expect(aggregateToRows(warehouse.aggregate)).toEqual(aggregateToRows(streaming.aggregate));
  });
});
