import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const TIMELINE = 'test/fixtures/audit/timeline.yaml';
const AS_OF = ['--as-of', '2026-11-15'];

interface JsonFinding {
  rule: string;
  touchpoint?: string;
  related?: string[];
  message: string;
  location: { line: number };
}
interface JsonReport {
  findings: JsonFinding[];
  summary: { score: number; grade: string; findings: Record<string, number> };
  scores: { touchpoints: { id: string; score: number; capped?: string; provisional: boolean }[] };
}

function auditJson(args: string[] = []): {
  status: number | null;
  report: JsonReport;
  stderr: string;
} {
  const result = runCli(['audit', TIMELINE, '-f', 'json', ...AS_OF, ...args]);
  return {
    status: result.status,
    report: JSON.parse(result.stdout) as JsonReport,
    stderr: result.stderr,
  };
}

describe('touchpoint audit (binary) on the timeline fixture', () => {
  const { status, report, stderr } = auditJson();

  it('fails on the three owner errors, exit 1', () => {
    expect(status).toBe(1);
    expect(stderr).toBe("touchpoint: failed: 3 findings at or above 'error'\n");
  });

  it('reports exactly the expected findings', () => {
    expect(
      report.findings.map(
        (f) =>
          `${f.location.line} ${f.rule} ${f.touchpoint ?? ''} [${(f.related ?? []).join(',')}] ${f.message}`,
      ),
    ).toEqual([
      "29 overlap/collision qbr [renewal-reminder-90] 'qbr' and 'renewal-reminder-90' both reach enterprise on day 275; move 'qbr' from day 275 to day 276",
      "79 overlap/density admin-training [welcome-email,setup-guide,kickoff-call] enterprise gets 4 proactive touches within 7 days between day 14 and day 19 (limit 3): welcome-email, setup-guide, kickoff-call and admin-training; move 'admin-training' from day 19 to day 21",
      '96 gap/silence smb-review [smb-welcome] smb hears nothing proactive for 120 days, from day 0 to day 120 (limit 45 days)',
      '96 gap/silence smb-review [] smb hears nothing proactive for 245 days, from day 120 to day 365 (limit 45 days)',
      "103 ownerless/placeholder-owner help-centre [] 'help-centre' has a placeholder owner 'TBD'",
      "106 ownerless/missing-owner support-ticket [] 'support-ticket' has no owner",
      "116 ownerless/unknown-owner renewal-portal [] owner 'cs-tem' of 'renewal-portal' is not in the owners roster; did you mean 'cs'?",
    ]);
  });

  it('finds no collision for touchpoints four days apart, and no silence for the monthly segment', () => {
    const pricing = report.findings.filter(
      (f) =>
        f.touchpoint === 'renewal-pricing-email' || f.related?.includes('renewal-pricing-email'),
    );
    expect(pricing).toEqual([]);
    expect(
      report.findings.filter((f) => f.rule === 'gap/silence' && f.message.startsWith('enterprise')),
    ).toEqual([]);
  });

  it('without metrics, evidence and performance are unknown: provisional scores on documentation and hygiene', () => {
    const scored = report.scores.touchpoints.map((tp) => [tp.id, tp.score, tp.provisional]);
    expect(scored).toContainEqual(['help-centre', 69.9, true]);
    expect(scored).toContainEqual(['monthly-check-in', 100, true]);
    expect(scored).toContainEqual(['qbr', 90.6, true]);
  });

  it('applies the score gates', () => {
    expect(auditJson(['--fail-on', 'never']).status).toBe(0);
    const minScore = runCli([
      'audit',
      TIMELINE,
      ...AS_OF,
      '--fail-on',
      'never',
      '--min-score',
      '90',
      '-f',
      'json',
    ]);
    expect(minScore.status).toBe(1);
    expect(minScore.stderr).toMatch(
      /^touchpoint: failed: inventory score \d+\.\d is below --min-score 90\n$/,
    );
    const anyUnder = runCli([
      'audit',
      TIMELINE,
      ...AS_OF,
      '--fail-on',
      'never',
      '--fail-any-under',
      '70',
      '-f',
      'json',
    ]);
    expect(anyUnder.status).toBe(1);
    expect(anyUnder.stderr).toBe(
      'touchpoint: failed: 3 touchpoints below --fail-any-under 70: help-centre (69.9), renewal-portal (69.9), support-ticket (69.9)\n',
    );
    const maxWarnings = runCli([
      'audit',
      TIMELINE,
      ...AS_OF,
      '--fail-on',
      'never',
      '--max-warnings',
      '3',
      '-f',
      'json',
    ]);
    expect(maxWarnings.status).toBe(1);
    expect(maxWarnings.stderr).toBe('touchpoint: failed: 4 warnings, more than --max-warnings 3\n');
    expect(
      runCli(['audit', TIMELINE, ...AS_OF, '--fail-on', 'never', '--max-warnings', '4']).status,
    ).toBe(0);
  });

  it('prints the terminal report with sections and score tables', () => {
    const table = runCli(['audit', TIMELINE, ...AS_OF]);
    expect(table.stdout).toContain(
      'Timeline checks\n13 touchpoints in 1 file(s), as of 2026-11-15, period 2026-08-18 to 2026-11-15 (90 days)\n',
    );
    // Summary and top actions, then the findings by severity, then the scores.
    const headings = [
      'Top actions (points each fix recovers for the inventory score)',
      'By owner',
      'Errors (3)',
      'Warnings (4)',
      'Scores by stage',
      'Scores by owner',
    ];
    const lines = table.stdout.split('\n');
    expect(lines.filter((line) => headings.includes(line))).toEqual(headings);
    expect(table.stdout).not.toContain('\u001b[');
  });

  it('explains every score component with --explain', () => {
    // Wide enough that each touchpoint's explanation is one line (at 100 columns it wraps).
    const explained = runCli(['audit', TIMELINE, ...AS_OF, '--explain', '--fail-on', 'never'], {
      env: { COLUMNS: '400' },
    });
    expect(explained.status).toBe(0);
    expect(explained.stdout).toContain('Touchpoint scores');
    expect(explained.stdout).toContain(
      "help-centre: 69.9 (D, provisional, capped: placeholder owner, L0) = base +100.0, documentation: owner 'TBD' is a placeholder −18.7, evidence: unknown (no metric exports given; its weight goes to the other pillars) +0.0, performance: unknown (no metric exports given; its weight goes to the other pillars) +0.0, capped: placeholder owner −11.4",
    );
    expect(explained.stdout).toContain("  to reach L1: replace the placeholder owner 'TBD'");
  });

  it('keeps --quiet to errors only', () => {
    const quiet = runCli(['audit', TIMELINE, ...AS_OF, '-q', '-f', 'json']);
    expect(quiet.status).toBe(1);
    const table = runCli(['audit', TIMELINE, ...AS_OF, '-q']);
    expect(table.stdout).not.toContain('overlap/collision');
    expect(table.stdout).toContain('ownerless/missing-owner');
  });
});

describe('touchpoint scorecard (binary)', () => {
  it('writes a CSV that parses back, with formula-like names neutralised', () => {
    const result = runCli([
      'scorecard',
      'test/fixtures/audit/formula-names.yaml',
      '-f',
      'csv',
      ...AS_OF,
    ]);
    expect(result.status).toBe(0);
    const rows = parse<Record<string, string>>(result.stdout, { columns: true });
    expect(rows.map((row) => [row.id, row.name, row.owner, row.target])).toEqual([
      ['checkout', `'=HYPERLINK("http://evil.example","click")`, "'@ecommerce", '>= 0.03'],
      ['receipt', `'+receipt, "quoted"`, 'ops', '>= 0.99'],
    ]);
    // The columns of 0.1.0 keep their places; the analyst's columns follow them.
    expect(Object.keys(rows[0] ?? {}).join(',')).toBe(
      'id,name,stage,channel,owner,segments,score,grade,level,metric,value,target,attainment,' +
        'errors,warnings,infos,target_op,target_value,unit,last_data_date,rows_used,rows_rejected,' +
        'documentation_points,evidence_points,performance_points,hygiene_points,cap,waived,next_level_needs',
    );
  });

  it('prints one row per touchpoint in the terminal, within 100 columns', () => {
    const result = runCli(['scorecard', 'examples/b2b-saas', ...AS_OF]);
    // A scorecard is a report: without a gate flag it exits 0, errors or not.
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines.every((line) => Array.from(line).length <= 100)).toBe(true);
    expect(result.stdout).toContain(
      '│ Touchpoint               │ Owner          │   Score │ Level │ Metric: value / target',
    );
    // Names for people: the touchpoint's and the owner's roster name, the id under the name.
    expect(result.stdout).toContain(
      [
        '│ Kickoff call             │ Implementation │ 100.0 A │  L4   │ attendance_rate: 94% /  │ ok       │',
        '│ kickoff-call             │ Team           │         │       │ >= 90%                  │          │',
        '│ onboarding · video-call  │                │         │       │                         │          │',
      ].join('\n'),
    );
    expect(result.stdout).not.toContain('Gaps (');
    const byOwner = runCli(['scorecard', 'examples/b2b-saas', ...AS_OF, '--by', 'owner']);
    expect(byOwner.stdout).toContain(
      '│ (unowned)                            │  50.0 │   F   │           1 │',
    );
    expect(byOwner.stdout).toContain(
      '│ Sales and Account Management (sales) │  98.7 │   A   │           5 │',
    );
  });

  it('groups rows with --by', () => {
    const result = runCli([
      'scorecard',
      TIMELINE,
      '-f',
      'csv',
      '--by',
      'stage',
      ...AS_OF,
      '--fail-on',
      'never',
    ]);
    expect(result.status).toBe(0);
    const rows = parse<Record<string, string>>(result.stdout, { columns: true });
    expect(rows.map((row) => row.id)).toEqual(['onboarding', 'retention', 'renewal']);
    expect(Object.keys(rows[0] ?? {}).join(',')).toBe(
      'id,score,grade,touchpoints,documentation_coverage,data_coverage',
    );
  });
});
