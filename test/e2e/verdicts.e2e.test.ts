import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';

/** Verdicts that never contradict the findings (issue 11), on the built binary. */
const INVENTORY = path.join(ROOT, 'test/fixtures/audit/verdicts/touchpoints.yaml');

interface JsonReport {
  asOf: string;
  period?: { since: string; asOf: string; days: number };
  findings: {
    rule: string;
    severity: string;
    touchpoint?: string;
    message: string;
    waived?: unknown;
    location: { line: number };
  }[];
  summary: {
    dataCoverage?: number | null;
    score: number | null;
    grade: string | null;
    provisional: boolean | null;
    findings: Record<string, number>;
  };
  scores?: {
    touchpoints: { id: string; score: number; grade: string; pillars: Record<string, unknown> }[];
  };
}

function csv(name: string, text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tp-verdicts-'));
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

function auditJson(args: readonly string[], env: Record<string, string> = {}) {
  const result = runCli(['audit', INVENTORY, '-f', 'json', ...args], { env });
  return { ...result, report: JSON.parse(result.stdout) as JsonReport };
}

const rules = (report: JsonReport): string[] =>
  report.findings.map((f) => `${f.rule} ${f.touchpoint ?? ''}`.trim());

const ROWS_2025 = [
  'touchpoint_id,metric,value,date',
  'kickoff-call,attendance_rate,0.95,2025-11-01',
  'kickoff-call,attendance_rate,0.92,2025-12-01',
  'help-centre,deflection_rate,0.7,2025-12-15',
  '',
].join('\n');

describe('the as-of date is today (binary)', () => {
  it('a 2025-only export audited without --as-of is stale for every touchpoint', () => {
    const { report } = auditJson(['-m', csv('2025.csv', ROWS_2025)]);
    // Today, not the latest row: the period ends on the day of the run.
    expect(report.asOf > '2026-01-01').toBe(true);
    expect(report.period?.asOf).toBe(report.asOf);
    expect(report.period?.days).toBe(90);
    const stale = report.findings.filter((f) => f.rule === 'gap/stale-data');
    expect(stale.map((f) => f.touchpoint)).toEqual(['kickoff-call', 'help-centre']);
    for (const tp of report.scores?.touchpoints ?? []) expect(tp.grade).not.toBe('A');
  });

  it('--as-of wins over asOf: in the config, which wins over SOURCE_DATE_EPOCH', () => {
    const metrics = csv('2025.csv', ROWS_2025);
    const epoch = { SOURCE_DATE_EPOCH: String(Date.parse('2025-12-20T00:00:00Z') / 1000) };
    expect(auditJson(['-m', metrics], epoch).report.asOf).toBe('2025-12-20');
    const config = csv('touchpoint.config.yaml', 'asOf: 2025-12-31\n');
    expect(auditJson(['-m', metrics, '-c', config], epoch).report.asOf).toBe('2025-12-31');
    const flagged = auditJson(['-m', metrics, '-c', config, '--as-of', '2025-12-16'], epoch);
    expect(flagged.report.asOf).toBe('2025-12-16');
    expect(flagged.report.period).toEqual({ since: '2025-09-18', asOf: '2025-12-16', days: 90 });
    // Fresh as of 2025-12-16: nothing about the data (the one touch leaves a silence).
    expect(rules(flagged.report)).toEqual(['gap/silence kickoff-call']);
  });

  it('rows after the as-of date are reported once per file and never move the period', () => {
    const metrics = csv(
      'future.csv',
      [
        'touchpoint_id,metric,value,date',
        'kickoff-call,attendance_rate,0.95,2026-11-01',
        'kickoff-call,attendance_rate,0.10,2962-11-01',
        'help-centre,deflection_rate,0.7,2026-11-10',
        'help-centre,deflection_rate,0.1,2026-12-24',
        '',
      ].join('\n'),
    );
    const { report } = auditJson(['-m', metrics, '--as-of', '2026-11-15']);
    const future = report.findings.filter((f) => f.rule === 'metrics/future-date');
    expect(future.map((f) => [f.message, f.location.line])).toEqual([
      [
        '2 rows are dated after the as-of date 2026-11-15 (latest 2962-11-01, first at line 3) and not used',
        3,
      ],
    ]);
    expect(report.scores?.touchpoints.map((t) => [t.id, t.score])).toEqual([
      ['help-centre', 100],
      ['kickoff-call', 100],
    ]);
  });

  it('every human report states the as-of date and the period', () => {
    const metrics = csv('2025.csv', ROWS_2025);
    const when = 'as of 2025-12-16, period 2025-09-18 to 2025-12-16 (90 days)';
    for (const format of ['table', 'markdown', 'html']) {
      const result = runCli([
        'audit',
        INVENTORY,
        '-m',
        metrics,
        '--as-of',
        '2025-12-16',
        '-f',
        format,
      ]);
      expect(result.stdout.toLowerCase(), format).toContain(when);
    }
    // The github format's human part is the job summary; the scorecard is a report too.
    const summary = path.join(path.dirname(metrics), 'step-summary.md');
    runCli(['audit', INVENTORY, '-m', metrics, '--as-of', '2025-12-16', '-f', 'github'], {
      env: { GITHUB_STEP_SUMMARY: summary },
    });
    expect(readFileSync(summary, 'utf8').toLowerCase()).toContain(when);
    const scorecard = runCli(['scorecard', INVENTORY, '-m', metrics, '--as-of', '2025-12-16']);
    expect(scorecard.stdout).toContain(when);
    const validate = runCli(['validate', INVENTORY, '--as-of', '2025-12-16']);
    expect(validate.stdout).toContain('as of 2025-12-16');
  });

  it('a bad SOURCE_DATE_EPOCH or asOf: is a one-line error, exit 2', () => {
    const bad = runCli(['audit', INVENTORY], { env: { SOURCE_DATE_EPOCH: 'yesterday' } });
    expect([bad.status, bad.stderr]).toEqual([
      2,
      'touchpoint: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, got "yesterday"\n',
    ]);
    const config = csv('touchpoint.config.yaml', 'asOf: 2026-02-30\n');
    const result = runCli(['audit', INVENTORY, '-c', config]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(':1:7: asOf "2026-02-30" is not a calendar date (YYYY-MM-DD)');
  });
});

describe('evidence is only usable rows inside the period (binary)', () => {
  it('a touchpoint whose rows are all rejected has evidence 0 and a gap/no-data saying why', () => {
    const lines = ['touchpoint_id,metric,value,date'];
    for (let day = 1; day <= 37; day++)
      lines.push(`kickoff-call,attendance_rate,0.95,2026-13-${day}`);
    lines.push(
      'help-centre,deflection_rate,N/A,2026-11-01',
      'help-centre,deflection_rate,,2026-11-02',
    );
    const metrics = csv('rejected.csv', `${lines.join('\n')}\n`);
    const { report } = auditJson(['-m', metrics, '--as-of', '2026-11-15']);
    const noData = report.findings.filter((f) => f.rule === 'gap/no-data');
    expect(noData.map((f) => f.message)).toEqual([
      `kickoff-call has 37 rows for metric attendance_rate, all with dates that could not be read; first at line 2 of ${metrics}`,
      `help-centre has 2 rows for metric deflection_rate, all empty or N/A; first at line 39 of ${metrics}`,
    ]);
    for (const t of report.scores?.touchpoints ?? []) {
      expect(t.pillars, t.id).toMatchObject({ evidence: 0 });
      expect(t.grade, t.id).not.toBe('A');
    }
    // The README's worked example: rejected rows score as no rows (61.5, D).
    expect(report.scores?.touchpoints.map((t) => [t.id, t.score, t.grade])).toEqual([
      ['help-centre', 61.5, 'D'],
      ['kickoff-call', 61.5, 'D'],
    ]);
    expect(report.summary).toMatchObject({ dataCoverage: 0 });
  });

  it('counts the same reasons through a sources: mapping, and coverage agrees', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tp-verdicts-'));
    const zoom = path.join(dir, 'zoom-kickoff.csv');
    writeFileSync(
      zoom,
      'Attended,Registration Time\nYes,13/45/2026 10:00\nNo,13/46/2026 10:00\nYes,13/47/2026 10:00\n',
    );
    const help = path.join(dir, 'help-articles.csv');
    writeFileSync(help, 'Day,Deflected,Searches\n2026-11-01,3,0\n2026-11-02,,10\n2026-11-20,4,8\n');
    const config = path.join(dir, 'touchpoint.config.yaml');
    writeFileSync(
      config,
      [
        'sources:',
        '  - match: "zoom-*.csv"',
        '    touchpoint: { id: kickoff-call }',
        '    date: Registration Time',
        '    metrics:',
        '      - metric: attendance_rate',
        '        aggregate: { fn: share, column: Attended, where: { in: "Yes" } }',
        '  - match: "help-*.csv"',
        '    touchpoint: { id: help-centre }',
        '    date: Day',
        '    metrics:',
        '      - metric: deflection_rate',
        '        ratio: { numerator: Deflected, denominator: Searches }',
        '',
      ].join('\n'),
    );
    const { report } = auditJson(['-m', zoom, '-m', help, '-c', config, '--as-of', '2026-11-15']);
    const noData = report.findings.filter((f) => f.rule === 'gap/no-data');
    expect(noData.map((f) => f.message)).toEqual([
      `kickoff-call has 3 rows for metric attendance_rate, all with dates that could not be read; first at line 2 of ${zoom}`,
      `help-centre has 3 rows for metric deflection_rate and none usable: 2 empty or N/A, 1 dated after the as-of date 2026-11-15; first at line 2 of ${help}`,
    ]);
    for (const t of report.scores?.touchpoints ?? [])
      expect(t.pillars, t.id).toMatchObject({ evidence: 0 });
    expect(report.summary).toMatchObject({ dataCoverage: 0 });
  });
});

describe('honest grades (binary)', () => {
  it('no touchpoint with an open error grades above D, and the cap says why', () => {
    for (const name of ['b2b-saas', 'b2c-retail']) {
      const result = runCli(['audit', `examples/${name}`, '-f', 'json', '--as-of', '2026-11-15']);
      const report = JSON.parse(result.stdout) as JsonReport & {
        scores: { touchpoints: { id: string; grade: string; capped?: string }[] };
      };
      const withErrors = new Set(
        report.findings
          .filter((f) => f.severity === 'error' && f.waived === undefined)
          .map((f) => f.touchpoint),
      );
      const graded = report.scores.touchpoints.filter((t) => withErrors.has(t.id));
      expect(graded.length, name).toBeGreaterThan(0);
      for (const t of graded) expect(['D', 'F'], `${name} ${t.id}`).toContain(t.grade);
    }
    const b2b = JSON.parse(
      runCli(['audit', 'examples/b2b-saas', '-f', 'json', '--as-of', '2026-11-15']).stdout,
    ) as { scores: { touchpoints: { id: string; score: number; capped?: string }[] } };
    const byId = new Map(b2b.scores.touchpoints.map((t) => [t.id, t]));
    expect(byId.get('health-score-alert')).toMatchObject({
      score: 69.9,
      capped: 'owner not in roster',
    });
    expect(byId.get('usage-nudge')).toMatchObject({ score: 69.9, capped: 'vague purpose' });
    // A waived gap/no-data costs nothing, and --explain says so.
    expect(byId.get('contract-signature')?.score).toBe(100);
    // Wide, so that each line asserted stays one line (at 100 columns they wrap).
    const explained = runCli(['audit', 'examples/b2b-saas', '--as-of', '2026-11-15', '--explain'], {
      env: { COLUMNS: '400' },
    });
    expect(explained.stdout).toContain(
      "contract-signature: 100.0 (A, L1) = base +100.0, evidence: no data for days_to_sign (waived: Signature dates live in the CRM's deal stages; the export is planned for Q1 2027.; costs nothing) +0.0",
    );
    // The headline shows the open errors beside the grade.
    expect(explained.stdout).toContain('Score 89.1 (B) · 6 open errors ·');
  });

  it('without metric exports the scores are provisional, never failing for lack of data', () => {
    const { report } = auditJson(['--as-of', '2026-11-15']);
    expect(report.summary).toMatchObject({ provisional: true });
    for (const t of report.scores?.touchpoints ?? [])
      expect(t.pillars).toMatchObject({ evidence: null, performance: null });
  });

  it('a typo in a stage or channel is grouped as unknown, never a stage or channel of its own', () => {
    const text = readFileSync(INVENTORY, 'utf8')
      .replace('stage: onboarding', 'stage: onbaording')
      .replace('channel: knowledge-base', 'channel: help-desk');
    const result = runCli(['audit', '-', '-f', 'json', '--as-of', '2026-11-15'], { input: text });
    const report = JSON.parse(result.stdout) as JsonReport & {
      scores: { stages: { id: string }[]; channels: { id: string }[] };
    };
    expect(report.scores.stages.map((s) => s.id)).toEqual([
      'onboarding',
      'support',
      '(unknown stage)',
    ]);
    expect(report.scores.channels.map((s) => s.id)).toEqual(['(unknown channel)', 'video-call']);
    // The inventory score averages the journey's two stages: onboarding is empty (0).
    expect(report.summary.score).toBe(35);
    const html = runCli(['audit', '-', '-f', 'html', '--as-of', '2026-11-15'], { input: text });
    expect(html.stdout).not.toContain('onbaording</th>');
    expect(html.stdout).not.toContain('help-desk</th>');
    expect(html.stdout).toContain(
      'Not in the heatmap (no stage or channel, or one that is not valid): <code>help-centre</code>, <code>kickoff-call</code>.',
    );
  });
});

describe('one set of counts (binary)', () => {
  it('table, markdown, html, json and junit agree on every count', () => {
    const args = ['audit', 'examples/b2b-saas', '--as-of', '2026-11-15', '--baseline'];
    const baseline = csv('baseline.json', '');
    // A baseline holding one finding, so that baselined counts differ from zero.
    const written = runCli([
      'audit',
      'examples/b2b-saas',
      '--as-of',
      '2026-11-15',
      '--fail-on',
      'never',
      '--quiet',
      '--write-baseline',
      baseline,
    ]);
    expect(written.status).toBe(0);
    const entries = (JSON.parse(readFileSync(baseline, 'utf8')) as { entries: unknown[] }).entries;
    writeFileSync(
      baseline,
      JSON.stringify({ version: 1, tool: 'touchpoint-audit', entries: entries.slice(0, 1) }),
    );
    // Wide, so that the table's count line stays one line (at 100 columns it wraps).
    const run = (format: string) =>
      runCli([...args, baseline, '-f', format], { env: { COLUMNS: '400' } }).stdout;
    const json = JSON.parse(run('json')) as {
      summary: {
        findings: {
          error: number;
          warning: number;
          info: number;
          waived: number;
          baselined: number;
        };
        families: Record<string, { open: number; waived: number; baselined: number }>;
      };
    };
    const f = json.summary.findings;
    expect(f.baselined).toBe(1);
    expect(f.waived).toBe(1);
    const heading = (family: string): string => {
      const c = json.summary.families[family];
      if (c === undefined) throw new Error(family);
      return [
        String(c.open),
        ...(c.waived > 0 ? [`${c.waived} waived`] : []),
        ...(c.baselined > 0 ? [`${c.baselined} baselined`] : []),
      ].join(' · ');
    };
    const titles = { gap: 'Gaps', overlap: 'Overlaps', ownerless: 'Ownerless', schema: 'Schema' };

    // The summary's per-family counts are the headings' open counts (`gap 18` over `Gaps (18)`).
    const byFamily = Object.entries(json.summary.families)
      .filter(([, c]) => c.open > 0)
      .map(([family, c]) => `${family} ${c.open}`);
    const table = run('table');
    expect(table).toContain(
      `${f.error} errors, ${f.warning} warnings, ${f.info} info, ${f.waived} waived, ${f.baselined} in baseline (${byFamily.join(', ')})`,
    );
    const markdown = run('markdown');
    expect(markdown).toContain(
      `| Findings | ${f.error} errors · ${f.warning} warnings · ${f.info} info · ${f.waived} waived · ${f.baselined} baselined |`,
    );
    expect(markdown).toContain(`| By family | ${byFamily.join(' · ')} |`);
    for (const [family, title] of Object.entries(titles)) {
      expect(markdown).toContain(`## ${title} (${heading(family)})`);
    }
    // The terminal lists findings by severity; waived and baselined ones come last.
    for (const heading of [
      `Errors (${f.error})`,
      `Warnings (${f.warning})`,
      `Waived or in the baseline (${f.waived + f.baselined})`,
    ])
      expect(table).toContain(`\n${heading}\n`);
    const html = run('html');
    for (const [label, n] of [
      ['Errors', f.error],
      ['Warnings', f.warning],
      ['Info', f.info],
      ['Waived', f.waived],
      ['Baselined', f.baselined],
    ] as const)
      expect(html).toContain(`<dt>${label}</dt><dd>${n}</dd>`);
    expect(html).toContain(
      `Findings (${f.error + f.warning + f.info} · ${f.waived} waived · ${f.baselined} baselined)`,
    );
    // JUnit: every open error and warning is one <failure>; waived and baselined ones are not.
    const junit = run('junit');
    expect(junit.match(/<failure /g)?.length).toBe(f.error + f.warning);
  });
});

describe('no cascades after a syntax error (binary)', () => {
  const broken = () =>
    readFileSync(INVENTORY, 'utf8').replace(
      'timing: { anchor: go-live, at: 3d }',
      'timing: { anchor: go-live, at: 3d',
    );
  const exports = () =>
    csv(
      'ids.csv',
      [
        'touchpoint_id,metric,value,date',
        'kickoff-call,attendance_rate,0.95,2026-11-01',
        'ghost,open_rate,0.4,2026-11-02',
        '',
      ].join('\n'),
    );

  it('a syntax error gives one finding, no score, and says once what did not run', () => {
    const cwd = path.dirname(csv('touchpoints.yaml', broken()));
    const args = ['audit', 'touchpoints.yaml', '-m', exports(), '--as-of', '2026-11-15'];
    const json = runCli([...args, '-f', 'json'], { cwd });
    expect(json.status).toBe(1);
    const report = JSON.parse(json.stdout) as JsonReport & {
      checked: { families: string[]; skipped?: Record<string, unknown> };
    };
    expect(report.findings.map((f) => [f.rule, f.location.line, f.message])).toEqual([
      [
        'schema/syntax',
        22,
        'YAML syntax error: flow map in block collection must be sufficiently indented and end with a }',
      ],
    ]);
    expect(report.summary).toMatchObject({ score: null, grade: null, dataCoverage: null });
    expect(report.scores).toBeUndefined();
    expect(report.checked.skipped).toEqual({
      rules: [
        'schema/unknown-reference',
        'ownerless/unknown-owner',
        'gap/empty-stage',
        'gap/silence',
        'gap/undocumented-touchpoint',
        'overlap/collision',
        'overlap/density',
      ],
      scores: true,
      unparsed: ['touchpoints.yaml'],
    });
    // Wide, so that the note stays one line (at 100 columns it wraps).
    const table = runCli(args, { cwd, env: { COLUMNS: '400' } }).stdout;
    const notRun =
      'Not run (touchpoints.yaml could not be parsed): the scores and 7 rules that need the whole inventory';
    expect(table.split(notRun).length - 1).toBe(1);
    expect(table).not.toContain('Score ');
    expect(table).not.toContain('Scores by stage');
    for (const format of ['markdown', 'html']) {
      const text = runCli([...args, '-f', format], { cwd }).stdout;
      expect(text.split(notRun).length - 1, format).toBe(1);
    }
  });

  it('a file that parses is audited as before: the cascade rules run', () => {
    const json = runCli([
      'audit',
      INVENTORY,
      '-m',
      exports(),
      '--as-of',
      '2026-11-15',
      '-f',
      'json',
    ]);
    const report = JSON.parse(json.stdout) as JsonReport & { checked: Record<string, unknown> };
    expect(report.checked).toEqual({
      families: ['schema', 'ownerless', 'waiver', 'gap', 'overlap', 'metrics'],
    });
    expect(rules(report)).toContain('gap/undocumented-touchpoint ghost');
    expect(report.summary.score).not.toBeNull();
  });
});

describe('validate reports describe what ran (binary)', () => {
  const validate = (format: string) =>
    runCli(['validate', 'examples/b2b-saas', '--as-of', '2026-11-15', '-f', format]);

  it('says it is a validation and lists only the families it checked', () => {
    const json = JSON.parse(validate('json').stdout) as { checked: unknown };
    expect(json.checked).toEqual({ families: ['schema', 'ownerless', 'waiver'] });
    const checked =
      'Validation: ownerless, schema and waiver rules; gaps, overlaps and scores need touchpoint audit';
    const table = validate('table').stdout;
    expect(table).toContain(`${checked}\n`);
    const markdown = validate('markdown').stdout;
    expect(markdown).toContain('# Touchpoint validation: Northwind Analytics');
    expect(markdown).toContain(`${checked}.`);
    expect(markdown).not.toContain('## Gaps');
    expect(markdown).not.toContain('## Overlaps');
    expect(markdown).toContain('## Ownerless (2)');
    const html = validate('html').stdout;
    expect(html).toContain('<title>Touchpoint validation: Northwind Analytics');
    expect(html).not.toContain('Touchpoint audit');
    const junit = validate('junit').stdout;
    expect([...junit.matchAll(/<testsuite name="([a-z]+)"/g)].map((m) => m[1])).toEqual([
      'ownerless',
      'schema',
      'waiver',
    ]);
  });

  it('validate -f csv writes the findings', () => {
    const result = validate('csv');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      [
        'rule,severity,touchpoint,file,line,column,message',
        "schema/vague-purpose,error,usage-nudge,examples/b2b-saas/touchpoints.yaml,206,5,purpose of touchpoint 'usage-nudge' is a placeholder ('TBD'): write a sentence saying what it is for",
        "ownerless/unknown-owner,error,health-score-alert,examples/b2b-saas/touchpoints.yaml,267,5,owner 'cs-team' of 'health-score-alert' is not in the owners roster; did you mean 'cs'?",
        "ownerless/placeholder-owner,error,case-study-request,examples/b2b-saas/touchpoints.yaml,344,5,'case-study-request' has a placeholder owner 'TBD'",
        "schema/invalid,error,community-forum,examples/b2b-saas/touchpoints.yaml,362,5,touchpoint 'community-forum' has no metric",
        '',
      ].join('\r\n'),
    );
  });
});

describe('numbers for people, exact numbers for machines (binary)', () => {
  const metrics = () =>
    csv(
      'floats.csv',
      [
        'touchpoint_id,metric,value,date',
        'kickoff-call,attendance_rate,0.29000000000000004,2026-11-01',
        'help-centre,deflection_rate,0.1,2026-11-01',
        'help-centre,deflection_rate,0.2,2026-11-02',
        '',
      ].join('\n'),
    );
  const run = (file: string, format: string, extra: readonly string[] = []) =>
    runCli(['audit', INVENTORY, '-m', file, '--as-of', '2026-11-15', '-f', format, ...extra])
      .stdout;

  it('human formats print ratios as percentages and no float noise', () => {
    const file = metrics();
    for (const format of ['table', 'markdown', 'html']) {
      const text = run(file, format, ['--explain']);
      expect(text, format).not.toMatch(/\d\.\d{5,}/);
      const gt = format === 'html' ? '&gt;' : '>';
      expect(text, format).toContain(`attendance_rate is 29%, target ${gt}= 90%`);
      expect(text, format).toContain(`deflection_rate is 15%, target ${gt}= 60%`);
    }
  });

  it('machine formats keep exact values, rounded to 12 significant digits', () => {
    const report = JSON.parse(run(metrics(), 'json')) as {
      scores: { touchpoints: { id: string; metric?: { value?: number } }[] };
    };
    // 0.1 and 0.2 average to 0.15000000000000002 in floating point: written as 0.15.
    expect(report.scores.touchpoints.map((t) => [t.id, t.metric?.value])).toEqual([
      ['help-centre', 0.15],
      ['kickoff-call', 0.29],
    ]);
    const scorecard = run(metrics(), 'csv');
    expect(scorecard).not.toMatch(/\d\.\d{13,}/);
    expect(scorecard).toContain(',deflection_rate,0.15,');
  });

  it('durations and plain values read as people write them (the example inventory)', () => {
    const table = runCli(['audit', 'examples/b2b-saas', '--as-of', '2026-11-15']).stdout;
    expect(table).toContain('first_response_hours is 1 h 24 min, target <= 1 h');
    expect(table).toContain('nps is 32.4, target >= 40');
    expect(table).toContain('open_rate is 29.3%, target >= 35%');
  });
});

describe('a scorecard is a report (binary)', () => {
  it('exits 0 with open errors unless a gate flag is given', () => {
    const scorecard = (extra: readonly string[]) =>
      runCli(['scorecard', 'examples/b2b-saas', '--as-of', '2026-11-15', ...extra]).status;
    expect(scorecard([])).toBe(0);
    expect(scorecard(['-f', 'csv'])).toBe(0);
    expect(scorecard(['--fail-on', 'error'])).toBe(1);
    expect(scorecard(['--min-score', '95'])).toBe(1);
    expect(scorecard(['--fail-any-under', '40'])).toBe(0);
    // audit keeps failing on errors by default.
    expect(runCli(['audit', 'examples/b2b-saas', '--as-of', '2026-11-15']).status).toBe(1);
  });
});
