import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The library's loaders: they word the findings' messages from the rule catalogue.
import { loadConfig, parseConfigText } from '../../src/index.js';
import type { Config } from '../../src/config/config.js';
import { readEvents } from '../../src/events/read.js';
import { loadInventory } from '../../src/inventory/load-inventory.js';
import type { Inventory } from '../../src/types.js';

const dir = mkdtempSync(path.join(tmpdir(), 'touchpoint-accounts-'));
const log = path.join(dir, 'events.csv');
let inventory: Inventory;
let config: Config;

beforeAll(async () => {
  inventory = (await loadInventory(['examples/observed/touchpoints.yaml'], { cwd: process.cwd() }))
    .inventory;
  config = await loadConfig('examples/observed/touchpoint.config.yaml');
  writeFileSync(
    log,
    'account_id,touchpoint_id,timestamp,segment\na-1,welcome-email,2025-01-05,smb\na-1,product-digest,2025-03-01,smb\n',
  );
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const write = (name: string, text: string): string => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};
const window = { since: '2025-01-01', asOf: '2025-03-31' };

describe('accounts file', () => {
  it('takes the segment from the file and starts the window at day 0 of the first dated anchor', async () => {
    const accounts = write(
      'a.csv',
      'Account ID,Tier,Go Live\na-1,enterprise,2025-02-14\na-2,smb,\n',
    );
    const result = await readEvents([log], {
      inventory,
      config: {
        ...config,
        events: {
          accounts: { account: 'account id', segment: 'tier', lifecycle: { 'go-live': 'go live' } },
        },
      },
      accounts,
      ...window,
    });
    expect(result.problems).toEqual([]);
    expect(result.accounts).toBe(accounts);
    expect(
      result.aggregate.accounts.map((a) => [
        a.account,
        a.segment,
        a.first,
        a.anchor,
        a.touches,
        a.silence.days,
      ]),
    ).toEqual([
      // go-live is day 14: day 0 is 2025-01-31; the January welcome e-mail is before it.
      ['a-1', 'enterprise', 20119, 20119, 1, 30],
      // no date: calendar time over the window, and no touch at all.
      ['a-2', 'smb', 20089, undefined, 0, 89],
    ]);
    expect(result.aggregate.receipts).toEqual([
      { segment: 'enterprise', touchpoint: 'product-digest', touches: 1 },
      { segment: 'enterprise', touchpoint: 'welcome-email', touches: 1 },
    ]);
  });

  it('finds anchor columns named like the lifecycle and leaves out accounts whose lifecycle starts after the window', async () => {
    const accounts = write('b.csv', 'account_id,contract-start\na-1,2025-06-01\na-3,2025-03-01\n');
    const result = await readEvents([log], { inventory, config, accounts, ...window });
    expect(result.aggregate.accounts.map((a) => [a.account, a.segment, a.first])).toEqual([
      ['a-3', '', 20148],
    ]);
    // a-1's touches were still sent: they count as received for its segment (from the log).
    expect(result.aggregate.receipts.map((r) => `${r.segment} ${r.touchpoint}`)).toEqual([
      'smb product-digest',
      'smb welcome-email',
    ]);
  });

  it.each([
    [
      'account_id,tier\na-1,smb\n',
      { segment: 'tier', lifecycle: { golive: 'x' } },
      "events.accounts.lifecycle: 'golive' is not a lifecycle anchor of the inventory (contract-start, go-live, renewal); did you mean 'go-live'?",
    ],
    [
      'id,segment\na-1,smb\n',
      {},
      'c.csv:1: an accounts file needs the column account_id (map another with events.accounts.account in the config); found id, segment',
    ],
    [
      'account_id,segment\na-1,smb\n',
      { lifecycle: { renewal: 'Renewal Date' } },
      'c.csv:1: the accounts file has no column Renewal Date (events.accounts.lifecycle.renewal); found account_id, segment',
    ],
    [
      'account_id,segment\na-1,smb\n',
      { segment: 'tier' },
      'c.csv:1: the accounts file has no column tier (events.accounts.segment); found account_id, segment',
    ],
    [
      'account_id,owner\na-1,cs\n',
      {},
      'c.csv:1: the accounts file has neither a segment column nor a lifecycle date column (contract-start, go-live, renewal); found account_id, owner',
    ],
  ])(
    'stops with one line on a file or mapping that cannot be used (%#)',
    async (text, mapping, message) => {
      const accounts = write('c.csv', text);
      const run = readEvents([log], {
        inventory,
        config: { ...config, events: { accounts: mapping } },
        accounts,
      });
      await expect(run).rejects.toThrow(message.replace('c.csv', accounts));
    },
  );

  it('is named in the config as a path beside it, or with its columns; --accounts wins', async () => {
    const configFile = write('touchpoint.config.yaml', 'events:\n  accounts: a.csv\n');
    expect((await loadConfig(configFile)).events).toEqual({
      accounts: { file: path.join(dir, 'a.csv') },
    });
    expect(
      parseConfigText(
        'events:\n  accounts:\n    file: /x/accounts.csv\n    lifecycle:\n      go-live: Live\n',
        'c.yaml',
      ).events,
    ).toEqual({ accounts: { file: '/x/accounts.csv', lifecycle: { 'go-live': 'Live' } } });
    expect(() => parseConfigText('events:\n  accounts:\n    files: a.csv\n', 'c.yaml')).toThrow(
      /c\.yaml:3:5: .*files/,
    );
  });
});
