import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyAggregate, writeAccounts, writeScenario } from '../events/scenario.js';
import { expectGolden, runCli } from './run-cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'touchpoint-observed-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('touchpoint sql', () => {
  for (const dialect of ['bigquery', 'snowflake', 'duckdb', 'spark']) {
    it(`prints the ${dialect} aggregate query`, () => {
      const result = runCli([
        'sql',
        'examples/observed',
        '--dialect',
        dialect,
        '--table',
        'crm.events',
        '--since',
        '2025-01-01',
        '--as-of',
        '2025-12-31',
      ]);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expectGolden(result.stdout, `observed-sql.${dialect}.sql`);
    });
  }

  // One dialect is enough here: the accounts part shares each dialect's rules with the rest.
  for (const dialect of ['bigquery']) {
    it(`prints the ${dialect} aggregate query over an accounts table`, () => {
      const result = runCli([
        'sql',
        'examples/observed',
        '--dialect',
        dialect,
        '--table',
        'crm.events',
        '--accounts-table',
        'crm.accounts',
      ]);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expectGolden(result.stdout, `observed-sql-accounts.${dialect}.sql`);
    });
  }

  it('refuses an unknown dialect with exit 2', () => {
    const result = runCli(['sql', 'examples/observed', '--dialect', 'oracle']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      "touchpoint: unknown dialect 'oracle' (choose from bigquery, snowflake, duckdb, spark)\n",
    );
  });
});

describe('audit --events', () => {
  const log = path.join(dir, 'events.csv');
  writeScenario(log);

  for (const engine of ['streaming', 'duckdb']) {
    it(`reports the planned-versus-observed section and the observed findings (${engine})`, () => {
      const result = runCli([
        'audit',
        'examples/observed',
        '--events',
        log,
        '--engine',
        engine,
        '--since',
        '2025-01-01',
        '--as-of',
        '2025-12-31',
        '-f',
        'json',
        '--fail-on',
        'never',
      ]);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const report = JSON.parse(result.stdout) as {
        observed: { engine: string; accounts: number; segments: { id: string; text: string }[] };
        findings: { rule: string }[];
      };
      expect(report.observed.engine).toBe(engine);
      expect(report.observed.accounts).toBe(5000);
      expect(report.observed.segments.map((s) => `${s.id}: ${s.text}`)).toEqual([
        'enterprise: planned every 6.8 days; median account: 1 touch every 9.6 days (38 in 365 days); longest silence planned 21 days, observed median 10 days',
        'smb: planned every 12.6 days; median account: 1 touch every 9.6 days (38 in 365 days); longest silence planned 21 days, observed median 10 days',
      ]);
      expect(
        report.findings.filter((f) => f.rule.startsWith('observed/')).map((f) => f.rule),
      ).toEqual([
        'observed/silence',
        'observed/silence',
        'observed/collision',
        'observed/not-sent',
      ]);
    });
  }

  it('places accounts on their own lifecycle with --accounts, and reports its bad rows', () => {
    const accounts = path.join(dir, 'accounts.csv');
    writeAccounts(accounts);
    const result = runCli([
      'audit',
      'examples/observed',
      '--events',
      log,
      '--accounts',
      accounts,
      '--since',
      '2025-01-01',
      '--as-of',
      '2025-12-31',
      '-f',
      'json',
      '--fail-on',
      'never',
    ]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as {
      observed: { accounts: number };
      findings: { rule: string; location: { line: number } }[];
    };
    expect(report.observed.accounts).toBe(5001);
    expect(
      report.findings
        .filter((f) => f.rule.startsWith('observed/'))
        .map((f) => `${f.rule}:${String(f.location.line)}`),
    ).toEqual([
      'observed/bad-row:5',
      'observed/bad-row:5003',
      'observed/bad-row:5004',
      'observed/silence:8',
      'observed/collision:31',
      'observed/not-sent:47',
    ]);
  });

  it('refuses raw event logs with an aggregate, in words of --events, with exit 2', () => {
    const observed = path.join(dir, 'observed.csv');
    writeFileSync(observed, emptyAggregate());
    for (const engine of ['streaming', 'duckdb']) {
      const result = runCli([
        'audit',
        'examples/observed',
        '--events',
        log,
        observed,
        '--engine',
        engine,
      ]);
      expect([result.status, result.stderr]).toEqual([
        2,
        'touchpoint: pass either raw event logs or one aggregate from touchpoint sql to --events, not both\n',
      ]);
    }
  });

  it('stops at an inventory that cannot be read before the event logs, in either engine', () => {
    // --engine duckdb starts reading the logs first; the inventory's error still comes first.
    const log = path.join(dir, 'early.csv');
    writeFileSync(log, 'account_id,touchpoint_id,timestamp\nA-1,welcome-email,2025-01-02\n');
    const missing = path.join(dir, 'no-inventory.yaml');
    const results = ['streaming', 'duckdb'].map((engine) => {
      const result = runCli(['audit', missing, '--events', log, '--engine', engine]);
      return [result.status, result.stderr];
    });
    expect(results[1]).toEqual(results[0]);
    expect(results[0]?.[0]).toBe(2);
    expect(results[0]?.[1]).toContain('no-inventory.yaml');
  });

  it('reads a touchpoint sql result with --engine duckdb too', () => {
    const observed = path.join(dir, 'observed-only.csv');
    writeFileSync(observed, emptyAggregate());
    const result = runCli([
      'audit',
      'examples/observed',
      '--events',
      observed,
      '--engine',
      'duckdb',
      '-f',
      'json',
      '--fail-on',
      'never',
    ]);
    expect([result.status, result.stderr]).toEqual([0, '']);
    const report = JSON.parse(result.stdout) as { observed: { engine: string } };
    expect(report.observed.engine).toBe('aggregate');
  });
});
