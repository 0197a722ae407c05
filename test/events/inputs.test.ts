import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/load-config.js';
import type { Config } from '../../src/config/config.js';
import { aggregateToRows } from '../../src/events/aggregate-csv.js';

type AggregateRow = ReturnType<typeof aggregateToRows>[number];
import { DUCKDB_PACKAGE } from '../../src/events/duckdb-bindings.js';
import { csvLayout, csvRows, touchpointsWritten } from '../../src/events/duckdb-csv.js';
import { eventColumns } from '../../src/events/read-events.js';
import { EngineError, EventFilesError } from '../../src/events/errors.js';
import { UsageError } from '../../src/errors.js';
import { readEvents } from '../../src/events/read.js';
import { loadInventory } from '../../src/inventory/load-inventory.js';
import { audit, auditLoaded } from '../../src/audit.js';
import { InputError } from '../../src/errors.js';
import type { LoadedInventory } from '../../src/inventory/load-inventory.js';
import { emptyAggregate } from './scenario.js';

const dir = mkdtempSync(path.join(tmpdir(), 'touchpoint-event-inputs-'));
const write = (name: string, content: string | Buffer): string => {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
};
let loaded: LoadedInventory;
const window = { since: '2025-01-01', asOf: '2025-03-31' };

/** Three accounts over a quarter, as a CS platform's timeline exports them (Gainsight-style). */
const TIMELINE = [
  'Company Id;Activity Date;Activity Type;Tier;Notes',
  'C-1;2025-01-02 09:00;Welcome Email;enterprise;sent',
  'C-1;2025-01-16 10:30;Check-in Call;enterprise;"agenda; usage"',
  'C-1;2025-01-16 15:00;product-digest;enterprise;',
  'C-1;2025-03-20 11:00;product-digest;enterprise;',
  'C-2;2025-01-05 08:00;Welcome Email;smb;',
  'C-2;2025-02-01 08:00;product-digest;smb;',
  'C-2;2025-03-01 08:00;Promo Blast;smb;',
  'C-3;2025-01-10 12:00;product-digest;smb;',
  'C-3;2025-02-20 12:00;seed-list-7;smb;',
];

const mappedConfig = (): Config =>
  parseConfigText(
    [
      'events:',
      '  account: Company Id',
      '  touchpoint: Activity Type',
      '  timestamp: Activity Date',
      '  segment: Tier',
      'aliases:',
      '  Welcome Email: welcome-email',
      '  Check-in Call: check-in-call',
      'ignore: ["seed-list-*"]',
      'rules:',
      '  observed/unplanned: warning',
      '  observed/not-sent: "off"',
      '',
    ].join('\n'),
    'touchpoint.config.yaml',
  );

beforeAll(async () => {
  loaded = await loadInventory(['examples/observed/touchpoints.yaml'], { cwd: process.cwd() });
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function observedFindings(
  config: Config,
  observed: Awaited<ReturnType<typeof readEvents>>,
): string[] {
  const report = auditLoaded({ loaded, config, asOf: window.asOf, observed });
  return report.findings
    .filter((f) => f.rule.startsWith('observed/'))
    .map((f) => `${f.severity} ${f.rule}: ${f.message}`);
}

describe('event logs of other shapes, in every input format', () => {
  it('maps a timeline export through events: and aliases:, identically in both engines, with configured severities', async () => {
    const config = mappedConfig();
    const log = write('timeline.csv', `${TIMELINE.join('\n')}\n`);
    const inventory = loaded.inventory;
    const streaming = await readEvents([log], { inventory, config, ...window });
    expect(streaming.problems).toEqual([]);
    expect(
      streaming.aggregate.accounts.map((a) => [a.account, a.segment, a.touches, a.collisions]),
    ).toEqual([
      ['C-1', 'enterprise', 4, 1],
      ['C-2', 'smb', 2, 0],
      ['C-3', 'smb', 1, 0],
    ]);
    expect(streaming.aggregate.unplanned).toEqual([
      { touchpoint: 'Promo Blast', touches: 1, first: 20148 },
      { touchpoint: 'seed-list-7', touches: 1, first: 20139 },
    ]);
    const duck = await readEvents([log], { inventory, config, engine: 'duckdb', ...window });
    expect(aggregateToRows(duck.aggregate)).toEqual(aggregateToRows(streaming.aggregate));
    const findings = observedFindings(config, streaming);
    expect(findings).toEqual([
      "warning observed/unplanned: 'Promo Blast' was sent 1 time (first on 2025-03-01) but is not in the inventory",
      'warning observed/silence: 1 of 1 enterprise accounts (100%) went longer than 45 days without a proactive touch; longest: C-1 (63 days, 2025-01-16..2025-03-20)',
      'warning observed/silence: 2 of 2 smb accounts (100%) went longer than 45 days without a proactive touch; longest: C-3 (80 days, 2025-01-10..2025-03-31), C-2 (58 days, 2025-02-01..2025-03-31)',
      "warning observed/collision: 1 account (33.3%) received both 'check-in-call' and 'product-digest' inside the collision window, 1 time in all; first: C-1 on 2025-01-16",
    ]);
    expect(observedFindings(config, duck)).toEqual(findings);
  });

  it('reads gzip CSV in both engines and Parquet with --engine duckdb, to the same aggregate', async () => {
    const config = mappedConfig();
    const inventory = loaded.inventory;
    const text = `${TIMELINE.join('\n')}\n`;
    const plain = await readEvents([write('plain.csv', text)], { inventory, config, ...window });
    const gz = write('timeline.csv.gz', gzipSync(text));
    const gzStreaming = await readEvents([gz], { inventory, config, ...window });
    const gzDuck = await readEvents([gz], { inventory, config, engine: 'duckdb', ...window });
    expect(aggregateToRows(gzStreaming.aggregate)).toEqual(aggregateToRows(plain.aggregate));
    expect(aggregateToRows(gzDuck.aggregate)).toEqual(aggregateToRows(plain.aggregate));

    // Parquet as a warehouse or data lake writes it: a TIMESTAMP column, typed, not text.
    const parquet = path.join(dir, 'timeline.parquet');
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(
      `COPY (SELECT "Company Id", CAST("Activity Date" AS TIMESTAMP) AS "Activity Date", "Activity Type", "Tier" FROM read_csv('${path.join(dir, 'plain.csv')}', delim = ';', header = true, all_varchar = true)) TO '${parquet}' (FORMAT parquet)`,
    );
    connection.closeSync();
    instance.closeSync();
    const fromParquet = await readEvents([parquet], {
      inventory,
      config,
      engine: 'duckdb',
      ...window,
    });
    expect(fromParquet.engine).toBe('duckdb');
    expect(aggregateToRows(fromParquet.aggregate)).toEqual(aggregateToRows(plain.aggregate));
    await expect(readEvents([parquet], { inventory, config, ...window })).rejects.toThrow(
      new EventFilesError({ kind: 'parquet-needs-duckdb', file: parquet, noun: 'event log' }),
    );
  });

  it('reads day-first dates (DD/MM/YYYY, DD.MM.YYYY, with a time) as the ISO dates, in both engines', async () => {
    const config = mappedConfig();
    const inventory = loaded.inventory;
    const iso = await readEvents([write('iso.csv', `${TIMELINE.join('\n')}\n`)], {
      inventory,
      config,
      ...window,
    });
    const dayFirst = TIMELINE.map((line, i) =>
      line.replace(/(\d{4})-(\d{2})-(\d{2})/, (_, y: string, m: string, d: string) =>
        i % 2 === 0 ? `${d}/${m}/${y}` : `${String(Number(d))}.${m}.${y}`,
      ),
    );
    expect(dayFirst[1]).toBe('C-1;2.01.2025 09:00;Welcome Email;enterprise;sent');
    const file = write('day-first.csv', `${dayFirst.join('\n')}\n`);
    const streaming = await readEvents([file], { inventory, config, ...window });
    const duck = await readEvents([file], { inventory, config, engine: 'duckdb', ...window });
    expect(streaming.aggregate.window.skipped).toBe(0);
    expect(aggregateToRows(streaming.aggregate)).toEqual(aggregateToRows(iso.aggregate));
    expect(aggregateToRows(duck.aggregate)).toEqual(aggregateToRows(iso.aggregate));
  });

  it('finds the columns whatever their case and spaces, and without a segment column, in both engines', async () => {
    const config = mappedConfig();
    const inventory = loaded.inventory;
    const rows = TIMELINE.slice(1).map((line) => line.split(';'));
    const mapped = await readEvents([write('mapped.csv', `${TIMELINE.join('\n')}\n`)], {
      inventory,
      config,
      ...window,
    });
    // Both engines find `Company Id` as `COMPANY ID` and ` Activity Date `, from the header.
    /** The timeline's first `width` columns under another header. */
    const log = (name: string, header: string, width: number): string =>
      write(name, `${[header, ...rows.map((r) => r.slice(0, width).join(';'))].join('\n')}\n`);
    const spaced = log('spaced.csv', 'COMPANY ID; Activity Date ;activity type;tier', 4);
    const noSegment = log('no-segment.csv', 'Company Id;Activity Date;Activity Type', 3);
    const duckdb = { inventory, config, engine: 'duckdb' as const, ...window };
    for (const file of [spaced, noSegment]) {
      const streaming = await readEvents([file], { inventory, config, ...window });
      const duck = await readEvents([file], duckdb);
      expect(aggregateToRows(duck.aggregate)).toEqual(aggregateToRows(streaming.aggregate));
    }
    const fromSpaced = await readEvents([spaced], duckdb);
    expect(aggregateToRows(fromSpaced.aggregate)).toEqual(aggregateToRows(mapped.aggregate));
    const fromNoSegment = await readEvents([noSegment], duckdb);
    expect(fromNoSegment.aggregate.accounts.map((a) => [a.account, a.segment])).toEqual([
      ['C-1', ''],
      ['C-2', ''],
      ['C-3', ''],
    ]);
    // A log without a needed column stops both engines with one message, at the header.
    const noDate = write('no-date.csv', 'Company Id;Activity Type\nC-1;product-digest\n');
    const message = `${noDate}:1: an event log needs the columns Company Id, Activity Type, Activity Date[, Tier] (map others with events: in the config); missing Activity Date; found Company Id, Activity Type`;
    await expect(readEvents([noDate], duckdb)).rejects.toThrow(message);
    await expect(readEvents([noDate], { inventory, config, ...window })).rejects.toThrow(message);
  });
});

/** One thrown error's class, problem and message, to compare whole. */
async function refusal(
  reading: Promise<unknown>,
): Promise<{ error: string; problem: unknown; message: string }> {
  const error: unknown = await reading.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof EventFilesError || error instanceof EngineError)) throw error;
  return { error: error.name, problem: error.problem, message: error.message };
}

describe('CSV as exports and hand edits write it, read alike by both engines', () => {
  /** Both engines' aggregates of `files`, as rows. */
  async function both(files: string[]): Promise<Record<'streaming' | 'duck', AggregateRow[]>> {
    const options = { inventory: loaded.inventory, config: mappedConfig(), ...window };
    const streaming = await readEvents(files, options);
    const duck = await readEvents(files, { ...options, engine: 'duckdb' });
    return {
      streaming: aggregateToRows(streaming.aggregate),
      duck: aggregateToRows(duck.aggregate),
    };
  }

  it('reads ragged rows, trailing delimiters, blank and empty rows, a BOM, CRLF and a sep= line', async () => {
    const plain = await both([write('tidy.csv', `${TIMELINE.join('\n')}\n`)]);
    const [header, ...rows] = TIMELINE;
    const ragged = [
      'sep=;',
      '',
      header,
      // A row without the Notes field at all.
      'C-1;2025-01-02 09:00;Welcome Email;enterprise',
      ...rows.slice(1, 4),
      // Trailing delimiters, past the header's five fields.
      `${rows[4] ?? ''};;;`,
      '   ',
      ';;;;',
      ...rows.slice(5),
    ];
    const edited = await both([write('ragged.csv', `\uFEFF${ragged.join('\r\n')}\r\n`)]);
    expect(edited.duck).toEqual(edited.streaming);
    // The same touches; the blank and the empty row are the two skipped rows.
    const [window0, ...rest] = plain.streaming;
    expect(edited.streaming).toEqual([{ ...window0, skipped: '2' }, ...rest]);
    expect(window0?.kind).toBe('window');
  });

  it('reads logs of other delimiters and column orders together, each by its own header', async () => {
    const together = await both([write('all.csv', `${TIMELINE.join('\n')}\n`)]);
    const [, ...rows] = TIMELINE.map((line) => line.split(';'));
    const first = write(
      'first.csv',
      `${['Company Id;Activity Date;Activity Type;Tier;Notes', ...rows.slice(0, 4).map((r) => r.join(';'))].join('\n')}\n`,
    );
    // Comma-delimited, the columns in another order, and the notes quoted.
    const second = write(
      'second.csv',
      `${['Activity Type,Tier,Company Id,Activity Date', ...rows.slice(4).map(([a, d, t, tier]) => `"${t ?? ''}",${tier ?? ''},${a ?? ''},${d ?? ''}`)].join('\n')}\n`,
    );
    const split = await both([first, second]);
    expect(split.duck).toEqual(split.streaming);
    expect(split.duck).toEqual(together.duck);
  });

  it('reads ids first written past the first 64 KB as the ids before them, plain and gzip, in both engines', async () => {
    // --engine duckdb packs the ids written in a log's samples as numbers (the first 64 KB, and
    // in a plain file windows spread to its end) and reads any other as text (the later ids of
    // the gzip log): aliases, ids with spaces and ids outside the inventory on either side.
    const [header] = TIMELINE;
    const filler = Array.from(
      { length: 2400 },
      (_, i) =>
        `F-${String(i % 300)};2025-01-${String(1 + (i % 28)).padStart(2, '0')} 09:00;product-digest;smb;`,
    );
    const early = [
      'C-1;2025-01-02 09:00;Welcome Email;enterprise;',
      'C-2;2025-01-03 09:00;Newsletter X;smb;',
      'C-3;2025-01-04 09:00; product-digest ;smb;',
    ];
    const late = [
      'C-1;2025-02-02 09:00;Check-in Call;enterprise;',
      'C-1;2025-02-03 09:00;Welcome Email;enterprise;',
      'C-2;2025-01-01 09:00;Newsletter X;smb;',
      'C-2;2025-02-05 09:00;Newsletter X ;smb;',
      'C-3;2025-02-06 09:00;Other Thing;smb;',
      'C-3;2025-02-07 09:00;seed-list-7;smb;',
      'L-1;2025-03-01 09:00;Other Thing;enterprise;',
    ];
    const text = `${[header, ...early, ...filler, ...late].join('\n')}\n`;
    expect(text.indexOf('Check-in Call')).toBeGreaterThan(64 * 1024);
    const plain = write('long.csv', text);
    const columns = eventColumns(mappedConfig().events);
    // Packed: the plain log's ids from its samples; the gzip log's from its first 64 KB only.
    expect(touchpointsWritten([await csvLayout(plain)], columns)).toEqual([
      ' product-digest ',
      'Check-in Call',
      'Newsletter X',
      'Newsletter X ',
      'Other Thing',
      'Welcome Email',
      'product-digest',
      'seed-list-7',
    ]);
    const { duck, streaming } = await both([plain]);
    expect(duck).toEqual(streaming);
    const zipped = write('long.csv.gz', gzipSync(text));
    expect(touchpointsWritten([await csvLayout(zipped)], columns)).toEqual([
      ' product-digest ',
      'Newsletter X',
      'Welcome Email',
      'product-digest',
    ]);
    const gzip = await both([zipped]);
    expect(gzip.duck).toEqual(streaming);
    expect(gzip.streaming).toEqual(streaming);
    const unplanned = streaming.filter((row) => row.kind === 'unplanned');
    expect(unplanned).toEqual([
      { kind: 'unplanned', touchpoint_id: 'Newsletter X', touches: '3', first_day: '2025-01-01' },
      { kind: 'unplanned', touchpoint_id: 'Other Thing', touches: '2', first_day: '2025-02-06' },
      { kind: 'unplanned', touchpoint_id: 'seed-list-7', touches: '1', first_day: '2025-02-07' },
    ]);
    const account = (id: string): AggregateRow | undefined =>
      streaming.find((row) => row.kind === 'account' && row.account_id === id);
    expect(account('C-1')).toMatchObject({ touches: '3', segment: 'enterprise' });
    // An account whose only touch is outside the inventory is an account without touches.
    expect(account('L-1')).toMatchObject({ touches: '0', segment: 'enterprise' });
  });

  it('reads a row wider than the samples again with all the spare columns, and stops past them', async () => {
    // --engine duckdb first gives DuckDB one column more than the widest sampled row; a gzip
    // log is sampled only in its first 64 KB, so a wider row after that is read on the second try.
    const [header, first, second] = TIMELINE;
    const filler = Array.from(
      { length: 2400 },
      (_, i) =>
        `F-${String(i % 300)};2025-01-${String(1 + (i % 28)).padStart(2, '0')} 09:00;product-digest;smb;`,
    );
    const log = (extra: number): string =>
      `${[header, first, ...filler, `${second ?? ''}${';note'.repeat(extra)}`].join('\n')}\n`;
    expect(log(4).indexOf(';note')).toBeGreaterThan(64 * 1024);
    const layout = await csvLayout(write('narrow.csv.gz', gzipSync(log(4))));
    const columns = eventColumns(mappedConfig().events);
    // Five fields in the header and every sampled row: six columns, then the header's 5 + 16.
    expect(csvRows([layout], columns)).toContain("'c5': 'VARCHAR'})");
    expect(csvRows([layout], columns, true)).toContain("'c20': 'VARCHAR'})");
    const wider = await both([write('wider-later.csv.gz', gzipSync(log(4)))]);
    expect(wider.duck).toEqual(wider.streaming);
    expect(wider.streaming.find((row) => row.kind === 'window')).toMatchObject({
      touches: '2402',
      skipped: '0',
    });
    const widest = write('widest-later.csv.gz', gzipSync(log(17)));
    await expect(
      readEvents([widest], {
        inventory: loaded.inventory,
        config: mappedConfig(),
        ...window,
        engine: 'duckdb',
      }),
    ).rejects.toThrow(
      `DuckDB could not aggregate the event logs: ${widest}:2403: Expected Number of Columns: 21 Found: 22`,
    );
  });

  it('stops --engine duckdb with the file and line at a row of more than 16 fields past its header', async () => {
    const options = { inventory: loaded.inventory, config: mappedConfig(), ...window };
    const notes = (count: number): string => ';note'.repeat(count);
    const [header, first, second] = TIMELINE;
    // The header has five fields: DuckDB takes rows of up to 21, the streaming engine any.
    const write21 = write(
      'wide.csv',
      `${[header, `${first ?? ''}${notes(16)}`, second].join('\n')}\n`,
    );
    const both21 = await both([write21]);
    expect(both21.duck).toEqual(both21.streaming);
    const wider = write(
      'wider.csv',
      `${[header, first, `${second ?? ''}${notes(17)}`].join('\n')}\n`,
    );
    await expect(readEvents([wider], { ...options, engine: 'duckdb' })).rejects.toThrow(
      `DuckDB could not aggregate the event logs: ${wider}:3: Expected Number of Columns: 21 Found: 22`,
    );
    expect((await readEvents([wider], options)).aggregate.window.rows).toBe(2);
  });

  it('stops at an unclosed quote with the file and line, and at an empty or binary file with the streaming message', async () => {
    const options = { inventory: loaded.inventory, config: mappedConfig(), ...window };
    const unclosed = write(
      'unclosed.csv',
      `${[TIMELINE[0], TIMELINE[1], 'C-2;2025-01-05 08:00;"Welcome Email;smb;', TIMELINE[6]].join('\n')}\n`,
    );
    await expect(readEvents([unclosed], { ...options, engine: 'duckdb' })).rejects.toThrow(
      `DuckDB could not aggregate the event logs: ${unclosed}:3: Value with unterminated quote found.`,
    );
    // The streaming engine reports the row and keeps the rows before it.
    const streamed = await readEvents([unclosed], options);
    expect(streamed.problems.map((p) => [p.kind, p.location.line])).toEqual([['csv-error', 3]]);
    for (const [name, content] of [
      ['empty.csv', '\n\n'],
      ['binary.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00])],
    ] as const) {
      const file = write(name, content);
      const message = await readEvents([file], options).then(
        () => 'read',
        (error: unknown) => (error as Error).message,
      );
      expect(message).toMatch(/: not a CSV event log/);
      await expect(readEvents([file], { ...options, engine: 'duckdb' })).rejects.toThrow(message);
    }
  });
});

describe('event files an engine cannot read together: typed problems, worded without flags', () => {
  const aggregate = (): string => write('observed.csv', emptyAggregate());

  it('refuses raw event logs with an aggregate, and two aggregates, naming which is which', async () => {
    const config = mappedConfig();
    const { inventory } = loaded;
    const log = write('raw.csv', `${TIMELINE.join('\n')}\n`);
    const observed = aggregate();
    expect(await refusal(readEvents([log, observed], { inventory, config, ...window }))).toEqual({
      error: 'EventFilesError',
      problem: { kind: 'logs-and-aggregates', aggregates: [observed], logs: [log] },
      message:
        'the event files are either raw event logs or one aggregate from touchpoint sql, not both',
    });
    expect(
      (await refusal(readEvents([observed, observed], { inventory, config, ...window }))).problem,
    ).toEqual({ kind: 'logs-and-aggregates', aggregates: [observed, observed], logs: [] });
  });

  it('reads a touchpoint sql result with --engine duckdb as the streaming engine does, and refuses it among logs alike', async () => {
    const config = mappedConfig();
    const { inventory } = loaded;
    const log = write('raw-duck.csv', `${TIMELINE.join('\n')}\n`);
    const observed = aggregate();
    const duckdb = { inventory, config, engine: 'duckdb' as const, ...window };
    const streamed = await readEvents([observed], { inventory, config, ...window });
    const read = await readEvents([observed], duckdb);
    expect(read.engine).toBe('aggregate');
    expect(aggregateToRows(read.aggregate)).toEqual(aggregateToRows(streamed.aggregate));
    expect(await refusal(readEvents([log, observed], duckdb))).toEqual(
      await refusal(readEvents([log, observed], { inventory, config, ...window })),
    );
    expect((await refusal(readEvents([log, observed], duckdb))).problem).toEqual({
      kind: 'logs-and-aggregates',
      aggregates: [observed],
      logs: [log],
    });
  });

  it('refuses an accounts file with an aggregate', async () => {
    const config = mappedConfig();
    const { inventory } = loaded;
    const accounts = write('accounts.csv', 'account_id,segment\nC-1,enterprise\n');
    const observed = aggregate();
    expect(
      await refusal(readEvents([observed], { inventory, config, accounts, ...window })),
    ).toEqual({
      error: 'EventFilesError',
      problem: { kind: 'accounts-with-aggregate', accounts, aggregate: observed },
      message: `${accounts}: an accounts file applies to raw event logs; ${observed}, a touchpoint sql result, has it built in (touchpoint sql takes the accounts table)`,
    });
  });

  it('refuses CSV and Parquet together in the DuckDB engine, and Parquet in the streaming one', async () => {
    const config = mappedConfig();
    const { inventory } = loaded;
    const [csv, parquet] = [path.join(dir, 'a.csv'), path.join(dir, 'b.parquet')];
    expect(
      await refusal(readEvents([csv, parquet], { inventory, config, engine: 'duckdb', ...window })),
    ).toEqual({
      error: 'EngineError',
      problem: { kind: 'csv-and-parquet', csv: [csv], parquet: [parquet] },
      message: 'the DuckDB engine reads either CSV or Parquet event files in one run, not both',
    });
    expect(await refusal(readEvents([parquet], { inventory, config, ...window }))).toEqual({
      error: 'EventFilesError',
      problem: { kind: 'parquet-needs-duckdb', file: parquet, noun: 'event log' },
      message: `${parquet}: Parquet event logs are read by the DuckDB engine, not the streaming one`,
    });
  });

  it('says how to add DuckDB when it is not installed', () => {
    const error = new EngineError({ kind: 'duckdb-not-installed', package: DUCKDB_PACKAGE });
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toBe(
      'the DuckDB engine needs the @duckdb/node-api package, which is not installed; add it with: npm install @duckdb/node-api (or use the built-in streaming engine)',
    );
  });
});

describe('audit() with event logs: opened before the inventory, their errors where they are read', () => {
  const log = (): string => write('audit-log.csv', `${TIMELINE.join('\n')}\n`);
  const options = (engine: 'streaming' | 'duckdb') => ({
    inventory: ['examples/observed/touchpoints.yaml'],
    config: mappedConfig(),
    events: [log()],
    engine,
    ...window,
  });

  it('gives the same report with --engine duckdb, whose pass ran while the inventory was read', async () => {
    const streaming = await audit(options('streaming'));
    const duck = await audit(options('duckdb'));
    expect(duck.findings).toEqual(streaming.findings);
    expect(duck.observed).toEqual({ ...streaming.observed, engine: 'duckdb' });
    expect(streaming.observed?.engine).toBe('streaming');
  });

  it('stops at an inventory that cannot be read before the logs, and closes DuckDB', async () => {
    const missing = { ...options('duckdb'), inventory: [path.join(dir, 'missing.yaml')] };
    const error: unknown = await audit(missing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toContain('missing.yaml');
    // The logs' own error, when the inventory reads: a pattern that matches no file.
    const none = { ...options('duckdb'), events: [path.join(dir, 'none-*.csv')] };
    const unmatched: unknown = await audit(none).catch((e: unknown) => e);
    expect(unmatched).toBeInstanceOf(InputError);
    expect((unmatched as Error).message).toContain('none-*.csv');
  });
});
