import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden, ROOT, runCli } from './run-cli.js';

const EXAMPLE = path.join(ROOT, 'examples/support-tiers');

/** A project with the support-tiers inventory and its Zendesk export, but no sources: entry. */
function project(config: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tp-sources-'));
  copyFileSync(path.join(EXAMPLE, 'touchpoints.yaml'), path.join(dir, 'touchpoints.yaml'));
  copyFileSync(
    path.join(EXAMPLE, 'metrics/zendesk-tickets.csv'),
    path.join(dir, 'zendesk-tickets.csv'),
  );
  writeFileSync(path.join(dir, 'touchpoint.config.yaml'), config);
  return dir;
}

const CONFIG = `# Northwind support (comments stay when --write adds to this file)
period: 180d # half a year
freshness: 60d
rules:
  gap/silence: off # a helpdesk answers; it sends nothing proactive
`;

interface Findings {
  findings: { rule: string; message: string }[];
}

describe('touchpoint sources (binary)', () => {
  it('prints the vendor, the entry and its values; -f json for scripts', () => {
    const dir = project(CONFIG);
    const text = runCli(['sources', 'zendesk-tickets.csv'], { cwd: dir });
    expect([text.status, text.stderr]).toEqual([0, '']);
    expectGolden(text.stdout, 'sources-zendesk.txt');
    const json = runCli(['sources', 'zendesk-tickets.csv', '-f', 'json'], { cwd: dir });
    expect([json.status, json.stderr]).toEqual([0, '']);
    expectGolden(json.stdout, 'sources-zendesk.json');
  });

  it('--lang id (or lang: in the config) words the text in Bahasa Indonesia; -f json stays English', () => {
    const dir = project(CONFIG);
    const text = runCli(['sources', 'zendesk-tickets.csv', '--lang', 'id'], { cwd: dir });
    expect([text.status, text.stderr]).toEqual([0, '']);
    expectGolden(text.stdout, 'sources-zendesk.id.txt');
    const configured = project(`${CONFIG}lang: id\n`);
    expect(runCli(['sources', 'zendesk-tickets.csv'], { cwd: configured }).stdout).toBe(
      text.stdout,
    );
    const json = runCli(['sources', 'zendesk-tickets.csv', '-f', 'json', '--lang', 'id'], {
      cwd: dir,
    });
    expectGolden(json.stdout, 'sources-zendesk.json');
    const write = runCli(
      ['sources', 'zendesk-tickets.csv', '--write', '-f', 'json', '--lang', 'id'],
      {
        cwd: dir,
      },
    );
    expect([write.status, write.stderr]).toEqual([
      0,
      '1 entri sources: ditambahkan ke touchpoint.config.yaml\n',
    ]);
    const again = runCli(['sources', 'zendesk-tickets.csv', '--write', '-f', 'json'], {
      cwd: dir,
      env: { LANG: 'id_ID.UTF-8' },
    });
    expect(again.stderr).toBe(
      'tidak ada yang perlu ditambahkan ke touchpoint.config.yaml: semua ekspor sudah terbaca\n',
    );
  });

  it('--write appends the entry keeping comments, and the audit then gives the example’s findings', () => {
    const dir = project(CONFIG);
    const write = runCli(['sources', 'zendesk-tickets.csv', '--write', '-f', 'json'], { cwd: dir });
    expect([write.status, write.stderr]).toEqual([
      0,
      'added 1 sources: entry to touchpoint.config.yaml\n',
    ]);
    const written = readFileSync(path.join(dir, 'touchpoint.config.yaml'), 'utf8');
    expect(written.startsWith(CONFIG)).toBe(true);
    expect(written.slice(CONFIG.length)).toBe(
      [
        'sources:',
        '  - match: zendesk-tickets.csv',
        '    touchpoint: { id: support-ticket }',
        '    date: Created at',
        '    segment: Tier [list]',
        '    metrics:',
        '      - metric: first_reply_hours',
        '        aggregate: { fn: mean, column: First reply time in minutes }',
        '        unit: minutes',
        '      - metric: csat',
        '        aggregate: { fn: share, column: Satisfaction Score, where: { in: [ Good ], of: [ Good, Bad ] } }',
        '      - metric: tickets',
        '        aggregate: { fn: count }',
        '',
      ].join('\n'),
    );
    // The pasted entry gives what the example's hand-written config gives: smb misses <= 4h.
    const audit = (cwd: string, target: string) =>
      JSON.parse(
        runCli(
          ['audit', target, '-m', 'zendesk-tickets.csv', '-f', 'json', '--as-of', '2026-04-30'],
          {
            cwd,
          },
        ).stdout,
      ) as Findings;
    const byHand = runCli([
      'audit',
      'examples/support-tiers',
      '-f',
      'json',
      '--as-of',
      '2026-04-30',
    ]);
    const pasted = audit(dir, 'touchpoints.yaml').findings.map((f) => [f.rule, f.message]);
    expect(pasted).toEqual(
      (JSON.parse(byHand.stdout) as Findings).findings.map((f) => [f.rule, f.message]),
    );
    expect(pasted).toEqual([
      [
        'gap/below-target',
        'first_reply_hours for smb is 7 h 7 min, target <= 4 h (attainment 56%)',
      ],
    ]);
    // A second --write would add the entry twice: refused, the config untouched.
    const again = runCli(['sources', 'zendesk-tickets.csv', '--write'], { cwd: dir });
    expect(again.status).toBe(0);
    expect(again.stderr).toBe(
      'nothing to add to touchpoint.config.yaml: every export is read already\n',
    );
    expect(readFileSync(path.join(dir, 'touchpoint.config.yaml'), 'utf8')).toBe(written);
  });

  it('refuses an entry whose match the config already has, and bad arguments, with exit 2', () => {
    const dir = project(`${CONFIG}sources:\n  - match: zendesk-tickets.csv\n    dateOrder: mdy\n`);
    const clash = runCli(['sources', 'zendesk-tickets.csv', '--write'], { cwd: dir });
    expect([clash.status, clash.stderr]).toEqual([
      2,
      'touchpoint: touchpoint.config.yaml already has a sources: entry for "zendesk-tickets.csv": edit it, or remove it before --write\n',
    ]);
    const missing = runCli(['sources', 'nothing-*.csv'], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('touchpoint: nothing-*.csv: matches no metric exports (*.csv)\n');
    const format = runCli(['sources', 'zendesk-tickets.csv', '-f', 'sarif'], { cwd: dir });
    expect(format.status).toBe(2);
  });
});

describe('touchpoint sources on a multi-table Zoom webinar report (binary)', () => {
  const REPORT = path.join(ROOT, 'test/fixtures/metrics/vendor/zoom-webinar-sections.csv');

  it('finds the attendee table past line 50, suggests section:, and --write then audit reads only it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tp-sources-zoom-'));
    copyFileSync(REPORT, path.join(dir, 'zoom-webinar.csv'));
    writeFileSync(path.join(dir, 'touchpoint.config.yaml'), 'period: 3650d\nasOf: 2026-04-30\n');
    const json = runCli(['sources', 'zoom-webinar.csv', '-f', 'json'], { cwd: dir });
    expect([json.status, json.stderr]).toEqual([0, '']);
    const [file] = (
      JSON.parse(json.stdout) as {
        files: { status: string; suggestion: { section?: string }; values: unknown[] }[];
      }
    ).files;
    expect(file?.status).toBe('vendor');
    expect(file?.suggestion.section).toBe('Attendee Details');
    // 4 of the 7 attendee rows attended; (60 + 30 + 20 + 45) / 4 minutes.
    expect(file?.values).toEqual([
      {
        touchpoint: 'webinar',
        metric: 'attendance_rate',
        value: Number((4 / 7).toPrecision(12)),
        rows: 7,
        latestDate: '2026-03-13',
      },
      {
        touchpoint: 'webinar',
        metric: 'minutes_in_session',
        value: 38.75,
        rows: 4,
        latestDate: '2026-03-04',
      },
    ]);
    const write = runCli(['sources', 'zoom-webinar.csv', '--write'], { cwd: dir });
    expect(write.status).toBe(0);
    expect(readFileSync(path.join(dir, 'touchpoint.config.yaml'), 'utf8')).toContain(
      '    section: Attendee Details\n',
    );
    // The validate-only example inventory: the audit's -v tells which table was read.
    copyFileSync(path.join(EXAMPLE, 'touchpoints.yaml'), path.join(dir, 'touchpoints.yaml'));
    const audit = runCli(
      [
        'audit',
        'touchpoints.yaml',
        '-m',
        'zoom-webinar.csv',
        '-v',
        '-f',
        'json',
        '--fail-on',
        'never',
      ],
      { cwd: dir },
    );
    expect(audit.status).toBe(0);
    expect(audit.stderr).toContain('  section "Attendee Details" (title at line 71)\n');
    expect(audit.stderr).toContain('nothing read after line 80 (the next section)');
    const report = JSON.parse(audit.stdout) as { findings: { rule: string }[] };
    expect(report.findings.filter((f) => f.rule.startsWith('metrics/'))).toEqual([]);
  });
});
