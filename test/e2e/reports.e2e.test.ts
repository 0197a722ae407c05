import { spawn, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AjvModule from 'ajv';
import AjvDraft04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { expectGolden, ROOT, runCli } from './run-cli.js';

// CommonJS modules: under NodeNext the default import is `module.exports`, whose `default` is
// the class (or function).
const Ajv = AjvModule.default;
const AjvDraft04 = AjvDraft04Module.default;
const addFormats = addFormatsModule.default;

const AS_OF = ['--as-of', '2026-11-15'];
const FAILED = "touchpoint: failed: 6 findings at or above 'error'\n";

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'tp-reports-'));
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function compileReportSchema(): (data: unknown) => boolean {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(readJson(path.join(ROOT, 'schemas/report.schema.json')) as object);
}

function compileSarifSchema(): (data: unknown) => boolean {
  const ajv = new AjvDraft04({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(readJson(path.join(ROOT, 'test/fixtures/sarif-schema-2.1.0.json')) as object);
}

/** Runs the multi-format audit of the example into `dir`; returns the CLI result. */
function auditInto(dir: string, env: Record<string, string> = {}) {
  return runCli(
    [
      'audit',
      'examples/b2b-saas',
      '-f',
      'table',
      '-f',
      `sarif=${path.join(dir, 'a.sarif')}`,
      '-f',
      `csv=${path.join(dir, 's.csv')}`,
      '-f',
      `json=${path.join(dir, 'r.json')}`,
      ...AS_OF,
    ],
    { env },
  );
}

interface JsonReport {
  version: number;
  command: string;
  summary: { score: number; grade: string; findings: Record<string, number> };
  findings: {
    rule: string;
    severity: string;
    message: string;
    touchpoint?: string;
    location: { file: string };
  }[];
  scores: { touchpoints: { id: string; score: number }[] };
  metrics?: { asOf?: string };
}

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string }[] } };
    results: {
      ruleId: string;
      level: string;
      partialFingerprints: Record<string, string>;
      locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
    }[];
  }[];
}

describe('touchpoint audit -f FMT=FILE (binary)', () => {
  const dir = tempDir();
  const first = auditInto(dir);

  it('writes every requested report in one run: table on stdout, three files, exit 1', () => {
    expect(first.status).toBe(1);
    expect(first.stderr).toBe(FAILED);
    // The executive summary first: score, scope, then the fix that recovers the most points.
    expect(first.stdout.split('\n').slice(0, 11)).toEqual([
      'Northwind Analytics — B2B customer touchpoints',
      '33 touchpoints in 1 file(s), as of 2026-11-15, period 2026-08-18 to 2026-11-15 (90 days)',
      'Score 89.1 (B) · 6 open errors · documentation 88% · data 85%',
      'Scope: 10 stages, 3 segments (enterprise, mid-market, smb)',
      '6 errors, 21 warnings, 0 info, 1 waived (gap 18, metrics 3, overlap 2, ownerless 2, schema 2)',
      '',
      'Top actions (points each fix recovers for the inventory score)',
      '   1.   +1.9  LinkedIn ads (linkedin-ads) · Demand Generation (marketing)',
      '              <demand-gen@northwind.example>',
      '              warning linkedin-ads has no rows in the metric exports (expected metric',
      '              click_through_rate)',
    ]);
    expect(first.stdout).toContain(
      '\nBy owner\n  Demand Generation (marketing): 3 actions, +2.9 points · demand-gen@northwind.example\n  (unowned): 4 actions, +1.7 points\n',
    );
    // Only the three reports: no temp file is left beside them.
    expect(readdirSync(dir).sort()).toEqual(['a.sarif', 'r.json', 's.csv']);
  });

  it('writes JSON that matches schemas/report.schema.json, and the golden file', () => {
    const text = readFileSync(path.join(dir, 'r.json'), 'utf8');
    const report = JSON.parse(text) as JsonReport;
    const validate = compileReportSchema();
    expect(validate(report)).toBe(true);
    expect(report).toMatchObject({
      version: 1,
      command: 'audit',
      summary: {
        score: 89.1,
        grade: 'B',
        provisional: false,
        openErrors: 6,
        findings: { error: 6, warning: 21, info: 0, waived: 1, baselined: 0 },
      },
      metrics: { asOf: '2026-11-15' },
    });
    expect(report.findings).toHaveLength(28);
    expect(report.scores.touchpoints).toHaveLength(33);
    // The file is the same text `-f json` prints on stdout.
    expect(runCli(['audit', 'examples/b2b-saas', '-f', 'json', ...AS_OF]).stdout).toBe(text);
    expectGolden(text, 'audit-b2b-saas.json');
  });

  it('writes SARIF 2.1.0 that validates against the official schema, and the golden file', () => {
    const text = readFileSync(path.join(dir, 'a.sarif'), 'utf8');
    const sarif = JSON.parse(text) as SarifLog;
    const validate = compileSarifSchema();
    expect(validate(sarif)).toBe(true);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs).toHaveLength(1);
    const run = sarif.runs[0];
    expect(run?.tool.driver.name).toBe('touchpoint-audit');
    expect(run?.results).toHaveLength(28);
    const uris = new Set(
      run?.results.map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri),
    );
    expect([...uris].sort()).toEqual([
      'examples/b2b-saas/metrics/email-platform.csv',
      'examples/b2b-saas/metrics/helpdesk-export.csv',
      'examples/b2b-saas/touchpoints.yaml',
    ]);
    expect(
      run?.results.every((r) =>
        /^[0-9a-f]{16}$/.test(Object.values(r.partialFingerprints)[0] ?? ''),
      ),
    ).toBe(true);
    expectGolden(text, 'audit-b2b-saas.sarif');
  });

  it('writes the per-touchpoint scorecard as CSV, and the golden file', () => {
    const text = readFileSync(path.join(dir, 's.csv'), 'utf8');
    const rows = parseCsv<Record<string, string>>(text, { columns: true });
    expect(rows).toHaveLength(33);
    expect(rows[0]).toMatchObject({ id: 'admin-training', score: '96.3', grade: 'A', level: '3' });
    expect(text.startsWith('id,name,stage,channel,owner,segments,score,grade,level,metric,')).toBe(
      true,
    );
    expectGolden(text, 'audit-b2b-saas.csv');
  });

  it('is byte-identical across runs, and --as-of pins every date (a clock 400 days on)', () => {
    const second = tempDir();
    expect(auditInto(second).stdout).toBe(first.stdout);
    // Shift the process clock: every `new Date()` / `Date.now()` in the binary runs 400 days late.
    const shim = path.join(second, 'shift-clock.mjs');
    writeFileSync(
      shim,
      [
        'const Real = Date;',
        'const offset = 400 * 86_400_000;',
        'globalThis.Date = class extends Real {',
        '  constructor(...args) { if (args.length === 0) super(Real.now() + offset); else super(...args); }',
        '  static now() { return Real.now() + offset; }',
        '};',
        '',
      ].join('\n'),
    );
    const year = spawnSync(
      process.execPath,
      ['--import', shim, '-e', 'process.stdout.write(String(new Date().getUTCFullYear()))'],
      { encoding: 'utf8' },
    ).stdout;
    expect(Number(year)).toBeGreaterThan(new Date().getUTCFullYear());
    const third = tempDir();
    const shifted = auditInto(third, { NODE_OPTIONS: `--import=${shim}` });
    expect(shifted.stdout).toBe(first.stdout);
    for (const name of ['a.sarif', 'r.json', 's.csv']) {
      const original = readFileSync(path.join(dir, name), 'utf8');
      expect(readFileSync(path.join(second, name), 'utf8')).toBe(original);
      expect(readFileSync(path.join(third, name), 'utf8')).toBe(original);
    }
  });

  it('takes --as-of into account: a later date makes the webinar data staler', () => {
    const later = runCli(['audit', 'examples/b2b-saas', '-f', 'json', '--as-of', '2026-12-15']);
    expect(later.status).toBe(1);
    const report = JSON.parse(later.stdout) as JsonReport;
    expect(report.metrics?.asOf).toBe('2026-12-15');
    const stale = report.findings.filter((f) => f.rule === 'gap/stale-data');
    expect(stale.find((f) => f.touchpoint === 'product-webinar')?.message).toBe(
      'the latest attendance_rate row is from 2026-09-16, 90 days before 2026-12-15 (freshness window 30 days)',
    );
  });

  it('with -o, writes the one stdout format to the file and keeps FMT=FILE files', () => {
    const out = tempDir();
    const result = runCli([
      'audit',
      'examples/b2b-saas',
      '-f',
      'json',
      '-f',
      `csv=${path.join(out, 's.csv')}`,
      '-o',
      path.join(out, 'r.json'),
      ...AS_OF,
    ]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(FAILED);
    expect(readdirSync(out).sort()).toEqual(['r.json', 's.csv']);
    expect(readFileSync(path.join(out, 'r.json'), 'utf8')).toBe(
      readFileSync(path.join(dir, 'r.json'), 'utf8'),
    );
  });

  it('overwrites an existing report in place, leaving no temp file', () => {
    const out = tempDir();
    const file = path.join(out, 'r.json');
    writeFileSync(file, 'old');
    const result = runCli(['audit', 'examples/b2b-saas', '-f', `json=${file}`, ...AS_OF]);
    expect(result.status).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(path.join(dir, 'r.json'), 'utf8'));
    expect(readdirSync(out)).toEqual(['r.json']);
  });
});

describe('touchpoint audit: output errors exit 2 with one line and write nothing', () => {
  const cases: [string, (dir: string) => string[], (dir: string) => string][] = [
    [
      '-o with two formats for stdout',
      (dir) => ['-f', 'table', '-f', 'json', '-o', path.join(dir, 'r.json')],
      () => 'touchpoint: --output takes one format; use -f FORMAT=FILE to write several\n',
    ],
    [
      'two formats for stdout without -o',
      () => ['-f', 'table', '-f', 'json'],
      () => 'touchpoint: only one format can go to stdout; use -f FORMAT=FILE for the others\n',
    ],
    [
      'a report in a directory that does not exist',
      (dir) => [
        '-f',
        `csv=${path.join(dir, 's.csv')}`,
        '-f',
        `json=${path.join(dir, 'no/r.json')}`,
      ],
      (dir) =>
        `touchpoint: ${path.join(dir, 'no/r.json')}: cannot write the file: directory ${path.join(dir, 'no')} does not exist\n`,
    ],
    [
      '-o into a directory that does not exist',
      (dir) => ['-f', 'sarif', '-o', path.join(dir, 'no/a.sarif')],
      (dir) =>
        `touchpoint: ${path.join(dir, 'no/a.sarif')}: cannot write the file: directory ${path.join(dir, 'no')} does not exist\n`,
    ],
    [
      'two outputs to the same file',
      (dir) => [
        '-f',
        `json=${path.join(dir, 'r.json')}`,
        '--write-baseline',
        path.join(dir, 'r.json'),
      ],
      (dir) => `touchpoint: ${path.join(dir, 'r.json')}: two outputs would write this file\n`,
    ],
    [
      'a report path that is a directory',
      (dir) => ['-f', `json=${path.join(dir, 'sub')}`],
      (dir) => `touchpoint: ${path.join(dir, 'sub')}: is a directory, not a file\n`,
    ],
  ];
  for (const [name, args, stderr] of cases) {
    it(`exits 2 on ${name}`, () => {
      const dir = tempDir();
      mkdirSync(path.join(dir, 'sub'));
      const result = runCli(['audit', 'examples/b2b-saas', ...args(dir), ...AS_OF]);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toBe(stderr(dir));
      expect(readdirSync(dir)).toEqual(['sub']);
      expect(readdirSync(path.join(dir, 'sub'))).toEqual([]);
    });
  }

  it('exits 2 on a relative path into a missing directory, naming it as given', () => {
    const dir = tempDir();
    const example = path.join(ROOT, 'examples/b2b-saas');
    const result = runCli(['audit', example, '-f', 'json=out/r.json'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'touchpoint: out/r.json: cannot write the file: directory out does not exist\n',
    );
  });
});

describe('touchpoint audit -f github (binary)', () => {
  it('prints workflow-command annotations, capped per type, and appends the job summary', () => {
    const dir = tempDir();
    const summary = path.join(dir, 'step-summary.md');
    writeFileSync(summary, '# Earlier step\n');
    const result = runCli(['audit', 'examples/b2b-saas', '-f', 'github', ...AS_OF], {
      env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(FAILED);
    const lines = result.stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      '::warning file=examples/b2b-saas/metrics/email-platform.csv,line=107,endLine=107,col=1,title=metrics/bad-row (welcome-email)::value "0.6.4" is not a number',
      '::error file=examples/b2b-saas/metrics/email-platform.csv,line=166,endLine=166,col=1,title=gap/undocumented-touchpoint (trial-expiry-warning)::trial-expiry-warning appears in the metric exports (4 rows) but not in the inventory',
      '::error file=examples/b2b-saas/metrics/email-platform.csv,line=192,endLine=192,col=1,title=gap/undocumented-touchpoint (black-friday-teaser)::black-friday-teaser appears in the metric exports (2 rows) but not in the inventory',
    ]);
    // `%` escaped as the Actions toolkit does; col/endColumn only on single-line ranges.
    expect(lines).toContain(
      '::warning file=examples/b2b-saas/touchpoints.yaml,line=102,endLine=102,col=40,endColumn=46,title=gap/below-target (proposal)::proposal_win_rate is 26%25, target >= 30%25 (attainment 87%25)',
    );
    expect(lines).toContain(
      "::error file=examples/b2b-saas/touchpoints.yaml,line=362,endLine=369,title=schema/invalid (community-forum)::touchpoint 'community-forum' has no metric",
    );
    expect(lines.filter((l) => l.startsWith('::error file=examples/b2b-saas/'))).toHaveLength(6);
    expect(lines.filter((l) => l.startsWith('::warning file=examples/b2b-saas/'))).toHaveLength(10);
    expect(lines).toContain(
      '::notice title=touchpoint-audit::11 findings not annotated (11 warning): GitHub shows at most 10 annotations of each type per step. The full list is in this log and in the job summary.',
    );
    expectGolden(result.stdout, 'audit-b2b-saas.github.txt');

    const appended = readFileSync(summary, 'utf8');
    expect(appended.startsWith('# Earlier step\n## Touchpoint audit: Northwind Analytics')).toBe(
      true,
    );
    expectGolden(appended.slice('# Earlier step\n'.length), 'audit-b2b-saas.step-summary.md');
  });

  it('writes no job summary without GITHUB_STEP_SUMMARY, or for other formats', () => {
    const dir = tempDir();
    const summary = path.join(dir, 'step-summary.md');
    const json = runCli(['audit', 'examples/b2b-saas', '-f', 'json', ...AS_OF], {
      env: { GITHUB_STEP_SUMMARY: summary },
    });
    expect(json.status).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
    const plain = runCli(['audit', 'examples/b2b-saas', '-f', 'github', ...AS_OF]);
    expect(plain.status).toBe(1);
    expect(plain.stdout).toBe(
      readFileSync(path.join(ROOT, 'test/fixtures/golden/audit-b2b-saas.github.txt'), 'utf8'),
    );
  });

  it('warns and keeps the gate when the job summary cannot be written', () => {
    const dir = tempDir();
    const result = runCli(['audit', 'examples/b2b-saas', '-f', 'github', ...AS_OF], {
      env: { GITHUB_STEP_SUMMARY: path.join(dir, 'missing/summary.md') },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `touchpoint: warning: cannot append the job summary to $GITHUB_STEP_SUMMARY (ENOENT)\n${FAILED}`,
    );
  });
});

describe('touchpoint audit -f sarif: fingerprints', () => {
  it('numbers a repeated fingerprint, so code scanning keeps one alert per result', () => {
    const dir = path.join(tempDir(), 'repo');
    cpSync(path.join(ROOT, 'examples/b2b-saas'), dir, { recursive: true });
    appendFileSync(
      path.join(dir, 'metrics/email-platform.csv'),
      'welcome-email,open_rate,x1,2026-09-14,smb\nwelcome-email,open_rate,x2,2026-09-14,smb\n',
    );
    const result = runCli(['audit', '-f', 'sarif', ...AS_OF], { cwd: dir });
    expect(result.status).toBe(1);
    const sarif = JSON.parse(result.stdout) as SarifLog;
    const results = sarif.runs[0]?.results ?? [];
    const prints = results.map((r) => r.partialFingerprints['touchpointFingerprint/v1']);
    expect(new Set(prints).size).toBe(prints.length);
    const badRows = results
      .filter((r) => r.ruleId === 'metrics/bad-row')
      .map((r) => r.partialFingerprints['touchpointFingerprint/v1']);
    expect(badRows).toEqual([
      'd814cd3bbe9d24c9',
      '35153ec6415d3e7d',
      'd814cd3bbe9d24c9:2',
      'd814cd3bbe9d24c9:3',
      'cf1b153c90019eb3',
    ]);
  });
});

describe('touchpoint audit: interrupted runs', () => {
  /** Starts the audit, sends SIGINT after `delay` ms, resolves with the exit code. */
  function interrupt(dir: string, delay: number): Promise<number | null> {
    const child = spawn(
      process.execPath,
      [
        path.join(ROOT, 'bin/touchpoint.js'),
        'audit',
        'examples/b2b-saas',
        '-f',
        `json=${path.join(dir, 'r.json')}`,
        '-f',
        `sarif=${path.join(dir, 'a.sarif')}`,
        '-f',
        `html=${path.join(dir, 'r.html')}`,
        ...AS_OF,
      ],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? '' }, stdio: 'ignore' },
    );
    const timer = setTimeout(() => child.kill('SIGINT'), delay);
    return new Promise((resolve) => {
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
  }

  it('never leaves a temp file or a half-written report, wherever Ctrl-C lands', async () => {
    const codes = new Set<number | null>();
    for (const delay of [0, 60, 120, 180, 240, 300, 360, 420, 480, 600]) {
      const dir = tempDir();
      const code = await interrupt(dir, delay);
      codes.add(code);
      const files = readdirSync(dir).sort();
      expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
      if (files.includes('r.json')) {
        expectGolden(readFileSync(path.join(dir, 'r.json'), 'utf8'), 'audit-b2b-saas.json');
      }
      // null: killed before the binary installed its handler (nothing written yet).
      if (code === 130 || code === null) continue;
      expect(code).toBe(1);
      expect(files).toEqual(['a.sarif', 'r.html', 'r.json']);
    }
    expect([...codes].every((c) => c === 130 || c === 1 || c === null)).toBe(true);
    // At least one run was interrupted by the binary's own handler.
    expect(codes.has(130)).toBe(true);
  });
});
