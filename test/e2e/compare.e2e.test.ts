import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditReport, ReportComparison } from '../../src/report.js';
import { runCli } from './run-cli.js';

const AS_OF = ['--as-of', '2026-11-15'];
/** examples/b2b-saas with two findings fixed (a real purpose, a roster owner id). */
const AFTER = ['test/fixtures/compare/b2b-saas-after', '-m', 'examples/b2b-saas/metrics'];

describe('--compare and touchpoint diff (binary, examples/b2b-saas before and after two fixes)', () => {
  let dir = '';
  let before: AuditReport;
  let after: AuditReport;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'tp-compare-'));
    const first = runCli(['audit', 'examples/b2b-saas', ...AS_OF, '-f', `json=${dir}/before.json`]);
    expect(first.status).toBe(1);
    before = JSON.parse(readFileSync(`${dir}/before.json`, 'utf8')) as AuditReport;
    const second = runCli([
      'audit',
      ...AFTER,
      ...AS_OF,
      '--compare',
      `${dir}/before.json`,
      '-f',
      `json=${dir}/after.json`,
    ]);
    expect(second.stderr).toBe("touchpoint: failed: 4 findings at or above 'error'\n");
    after = JSON.parse(readFileSync(`${dir}/after.json`, 'utf8')) as AuditReport;
  });

  it('lists exactly the two fixed findings and the score change', () => {
    const c = after.comparison as ReportComparison;
    expect(
      c.findings.fixed.map((f) => [f.rule, f.touchpoint, f.touchpointName, f.severity]),
    ).toEqual([
      ['schema/vague-purpose', 'usage-nudge', 'Low-usage nudge', 'error'],
      ['ownerless/unknown-owner', 'health-score-alert', 'Health-score alert outreach', 'error'],
    ]);
    expect(c.findings.new).toEqual([]);
    expect(c.findings.stillOpen).toBe(25);
    expect(before.summary.score).toBe(89.1);
    expect(after.summary.score).toBe(90.8);
    expect(c.score).toEqual({ before: 89.1, after: 90.8, change: 1.7 });
    expect(c.grade).toEqual({ before: 'B', after: 'A' });
    expect(c.improved.map((t) => [t.id, t.before, t.after, t.change])).toEqual([
      ['health-score-alert', 69.9, 100, 30.1],
      ['usage-nudge', 69.9, 100, 30.1],
    ]);
    expect(c.declined).toEqual([]);
    expect(c.stages.filter((s) => s.change !== 0).map((s) => [s.id, s.change])).toEqual([
      ['adoption', 10.1],
      ['retention', 7.5],
    ]);
    expect(c.owners.find((o) => o.id === 'cs-team')).toEqual({
      id: 'cs-team',
      before: 69.9,
      after: null,
      change: null,
      gradeBefore: 'D',
    });
  });

  it('touchpoint diff prints the same comparison without an audit', () => {
    const json = runCli(['diff', 'before.json', 'after.json', '-f', 'json'], { cwd: dir });
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      ...after.comparison,
      previous: { ...after.comparison?.previous, file: 'before.json' },
    });
    const table = runCli(['diff', 'before.json', 'after.json'], { cwd: dir });
    expect(table.stdout.split('\n').slice(0, 5)).toEqual([
      'Since the last audit',
      '  compared with the report as of 2026-11-15 (before.json, touchpoint-audit 0.1.0)',
      '  Score 89.1 (B) → 90.8 (A), +1.7',
      '  Findings: 2 fixed, 0 new, 25 still open',
      '  Fixed (2)',
    ]);
    const markdown = runCli(['diff', 'before.json', 'after.json', '-f', 'markdown'], { cwd: dir });
    expect(markdown.stdout).toContain(
      '| error | Low-usage nudge (`usage-nudge`) | purpose of touchpoint',
    );
  });

  it('touchpoint diff --lang id says it in Bahasa Indonesia', () => {
    const table = runCli(['diff', 'before.json', 'after.json', '--lang', 'id'], { cwd: dir });
    expect(table.stdout.split('\n').slice(0, 7)).toEqual([
      'Sejak audit sebelumnya',
      '  dibandingkan dengan laporan per 15 November 2026 (before.json, touchpoint-audit 0.1.0)',
      '  Skor 89,1 (B) → 90,8 (A), +1,7',
      '  Temuan: 2 selesai, 0 baru, 25 masih terbuka',
      '  Selesai (2)',
      // The compared findings keep the message the reports hold (their English one).
      "    error       Low-usage nudge (usage-nudge): purpose of touchpoint 'usage-nudge' is a placeholder",
      "                ('TBD'): write a sentence saying what it is for schema/vague-purpose",
    ]);
    const markdown = runCli(['diff', 'before.json', 'after.json', '-f', 'markdown'], {
      cwd: dir,
      env: { LANG: 'id_ID.UTF-8' },
    });
    expect(markdown.stdout).toContain('### Touchpoint yang paling membaik');
  });

  it('every human format gets a "Since the last audit" section', () => {
    const compare = ['--compare', `${dir}/before.json`, '--fail-on', 'never'];
    const table = runCli(['audit', ...AFTER, ...AS_OF, ...compare]).stdout;
    expect(table).toContain('\nSince the last audit\n');
    expect(table).toContain('  Score 89.1 (B) → 90.8 (A), +1.7\n');
    const markdown = runCli(['audit', ...AFTER, ...AS_OF, ...compare, '-f', 'markdown']).stdout;
    expect(markdown).toContain('\n## Since the last audit\n');
    expect(markdown).toContain('**Score 89.1 (B) → 90.8 (A), +1.7** · findings: 2 fixed, 0 new');
    const html = runCli(['audit', ...AFTER, ...AS_OF, ...compare, '-f', 'html']).stdout;
    expect(html).toContain('<h2 id="comparison-title">Since the last audit</h2>');
  });

  it('a file that is no report, an old report, or an output over it: one line, exit 2', () => {
    writeFileSync(`${dir}/old.json`, '{"version": 0, "findings": []}\n');
    const cases: [string[], string][] = [
      [
        ['audit', ...AFTER, ...AS_OF, '--compare', 'README.md'],
        'touchpoint: README.md: the previous report is not JSON (Unexpected token',
      ],
      [
        ['audit', ...AFTER, ...AS_OF, '--compare', `${dir}/old.json`],
        `touchpoint: ${dir}/old.json: the previous report is not a JSON report this version of touchpoint-audit reads (at /: must have required property 'tool'); write it with touchpoint audit -f json`,
      ],
      [
        ['diff', `${dir}/missing.json`, `${dir}/after.json`],
        `touchpoint: ${dir}/missing.json: cannot read the earlier report (ENOENT)`,
      ],
    ];
    for (const [args, message] of cases) {
      const result = runCli(args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr.startsWith(message), result.stderr).toBe(true);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
    const clash = runCli([
      'audit',
      ...AFTER,
      ...AS_OF,
      '--compare',
      `${dir}/before.json`,
      '-f',
      `json=${dir}/before.json`,
    ]);
    expect(clash.status).toBe(2);
    expect(clash.stderr).toMatch(/before\.json.*previous report/);
  });
});
