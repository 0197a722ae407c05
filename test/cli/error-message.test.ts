import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { cliErrorMessage } from '../../src/cli/error-message.js';
import { main } from '../../src/cli/main.js';
import { AppendSourceError } from '../../src/config/append-source.js';
import { InputError } from '../../src/errors.js';
import { EngineError, EventFilesError } from '../../src/events/errors.js';
import { InitError } from '../../src/init/init.js';
import { PeriodError } from '../../src/metrics/period.js';
import { emptyAggregate } from '../events/scenario.js';
import { ROOT } from '../helpers/golden.js';

const dir = mkdtempSync(path.join(tmpdir(), 'touchpoint-error-message-'));
const [log = '', parquet = '', observed = '', accounts = ''] = (
  [
    ['events.csv', 'account_id,touchpoint_id,timestamp\nacct-1,welcome-email,2025-01-02\n'],
    ['events.parquet', ''],
    ['observed.csv', emptyAggregate()],
    ['accounts.csv', 'account_id,segment\nacct-1,smb\n'],
  ] as const
).map(([name, text]) => {
  writeFileSync(path.join(dir, name), text);
  return path.join(dir, name);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('cliErrorMessage words the library’s typed problems for the flags that fix them', () => {
  it.each([
    [
      new EventFilesError({ kind: 'parquet-needs-duckdb', file: 'e.parquet', noun: 'event log' }),
      'e.parquet: Parquet event logs are read by the DuckDB engine; add --engine duckdb',
    ],
    [
      new EventFilesError({ kind: 'logs-and-aggregates', aggregates: ['o.csv'], logs: ['e.csv'] }),
      'pass either raw event logs or one aggregate from touchpoint sql to --events, not both',
    ],
    [
      new EventFilesError({
        kind: 'accounts-with-aggregate',
        accounts: 'a.csv',
        aggregate: 'o.csv',
      }),
      'an accounts file applies to raw event logs; a touchpoint sql result has it built in (give the accounts table to touchpoint sql with --accounts-table)',
    ],
    [
      new EngineError({ kind: 'duckdb-not-installed', package: '@duckdb/node-api' }),
      '--engine duckdb needs the @duckdb/node-api package, which is not installed; add it with: npm install @duckdb/node-api (or drop --engine duckdb to use the built-in streaming engine)',
    ],
    [
      new EngineError({ kind: 'csv-and-parquet', csv: ['e.csv'], parquet: ['e.parquet'] }),
      '--events with --engine duckdb takes either CSV or Parquet files, not both',
    ],
    [
      new AppendSourceError({ kind: 'match-exists', file: 'c.yaml', match: 'z.csv' }),
      'c.yaml already has a sources: entry for "z.csv": edit it, or remove it before --write',
    ],
    [
      new InitError({ kind: 'files-exist', files: ['a.yaml', 'b.csv'] }),
      'a.yaml, b.csv already exist; use --force to overwrite (nothing was written)',
    ],
  ])('%s', (error, message) => {
    expect(error.message).not.toMatch(/--[a-z]/);
    expect(cliErrorMessage(error)).toBe(message);
  });

  it('leaves every other error’s message as the library wrote it', () => {
    expect(cliErrorMessage(new InputError('x.csv: no such file'))).toBe('x.csv: no such file');
    const period = new PeriodError({
      kind: 'starts-after-end',
      since: '2026-02-01',
      asOf: '2026-01-01',
    });
    expect(cliErrorMessage(period)).toBe(period.message);
  });
});

describe('the CLI prints the flag-worded line and exits 2', () => {
  const run = async (...args: string[]): Promise<{ code: number; err: string }> => {
    const io: CliIo & { err: string } = {
      err: '',
      stdout: { write: () => true, isTTY: false },
      stderr: { write: (text: string) => ((io.err += text), true), isTTY: false },
      env: {},
      cwd: ROOT,
      readStdin: () => Promise.resolve(''),
    };
    const code = await main(['node', 'touchpoint', 'audit', 'examples/observed', ...args], io);
    return { code, err: io.err };
  };

  it.each([
    [
      'a Parquet file without DuckDB',
      [parquet],
      `${parquet}: Parquet event logs are read by the DuckDB engine; add --engine duckdb`,
    ],
    [
      'a raw log and an aggregate',
      [log, observed],
      'pass either raw event logs or one aggregate from touchpoint sql to --events, not both',
    ],
    [
      'an aggregate with --accounts',
      [observed, '--accounts', accounts],
      'an accounts file applies to raw event logs; a touchpoint sql result has it built in (give the accounts table to touchpoint sql with --accounts-table)',
    ],
    [
      'CSV and Parquet with --engine duckdb',
      [log, parquet, '--engine', 'duckdb'],
      '--events with --engine duckdb takes either CSV or Parquet files, not both',
    ],
  ])('--events with %s', async (_, events, message) => {
    expect(await run('--events', ...events, '--as-of', '2025-03-31')).toEqual({
      code: 2,
      err: `touchpoint: ${message}\n`,
    });
  });
});
