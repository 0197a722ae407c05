import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';

const AS_OF = ['--as-of', '2026-11-15'];

interface Finding {
  rule: string;
  severity: string;
  touchpoint?: string;
  message: string;
  baselined?: boolean;
  waived?: unknown;
  location: { file: string; line: number };
}

interface Report {
  summary: { findings: Record<string, number> };
  findings: Finding[];
  baseline?: { file: string; stale: { fingerprint: string; rule: string; touchpoint?: string }[] };
}

interface BaselineFile {
  version: number;
  tool: string;
  entries: { fingerprint: string; rule: string; touchpoint?: string }[];
}

/** A fresh copy of the b2b-saas example (inventory, config, metrics) to edit. */
function copyExample(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'tp-baseline-')), 'b2b-saas');
  cpSync(path.join(ROOT, 'examples/b2b-saas'), dir, { recursive: true });
  return dir;
}

function audit(dir: string, ...args: string[]) {
  const result = runCli(['audit', ...AS_OF, ...args], { cwd: dir });
  return { ...result, report: JSON.parse(result.stdout || '{}') as Report };
}

/** What the gate sees: findings neither baselined nor waived, as `rule touchpoint`. */
function counted(report: Report): string[] {
  return report.findings
    .filter((f) => f.baselined !== true && f.waived === undefined)
    .map((f) => `${f.rule} ${f.touchpoint ?? ''}`);
}

const NEW_TOUCHPOINT = `
  - id: churn-exit-survey
    name: Churn exit survey
    stage: renewal
    purpose: Ask customers who cancel why they left, so the product team can act on it.
    channel: survey
    owner: TBD
    type: digital
    timing: { trigger: subscription-cancelled, sla: 1d }
    metric: { name: response_rate, target: ">= 0.2", unit: ratio }
`;

describe('baselines end to end (binary, a copy of examples/b2b-saas)', () => {
  let dir = '';
  let baseline: BaselineFile;
  let original: Report;

  beforeAll(() => {
    dir = copyExample();
    const written = audit(dir, '--write-baseline', 'base.json', '-f', 'json');
    // Writing a baseline does not change the verdict of that run.
    expect(written.status).toBe(1);
    expect(written.stderr).toBe("touchpoint: failed: 6 findings at or above 'error'\n");
    original = written.report;
    baseline = JSON.parse(readFileSync(path.join(dir, 'base.json'), 'utf8')) as BaselineFile;
  });

  it('--write-baseline writes every finding but the waived one, sorted, no positions', () => {
    expect(baseline.version).toBe(1);
    expect(baseline.tool).toBe('touchpoint-audit');
    expect(baseline.entries).toHaveLength(27);
    expect(original.findings).toHaveLength(28);
    const text = readFileSync(path.join(dir, 'base.json'), 'utf8');
    expect(text).not.toMatch(/"line"|"column"|"message"/);
    expect(baseline.entries.map((e) => e.rule)).toEqual(
      [...baseline.entries.map((e) => e.rule)].sort(),
    );
    // The same findings always give the same file.
    audit(dir, '--write-baseline', 'again.json', '-f', 'json');
    expect(readFileSync(path.join(dir, 'again.json'), 'utf8')).toBe(text);
  });

  it('--baseline with nothing new: exit 0, every finding baselined, nothing on stderr', () => {
    const result = audit(dir, '--baseline', 'base.json', '-f', 'json', '--fail-on', 'info');
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.report.summary.findings).toEqual({
      error: 0,
      warning: 0,
      info: 0,
      waived: 1,
      baselined: 27,
    });
    expect(result.report.baseline).toEqual({ file: 'base.json', stale: [] });
    expect(counted(result.report)).toEqual([]);
  });

  it('one new problem: exit 1, and only that finding counts', () => {
    const copy = copyExample();
    cpSync(path.join(dir, 'base.json'), path.join(copy, 'base.json'));
    appendFileSync(path.join(copy, 'touchpoints.yaml'), NEW_TOUCHPOINT);
    const result = audit(copy, '--baseline', 'base.json', '-f', 'json');
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("touchpoint: failed: 1 finding at or above 'error'\n");
    expect(result.report.summary.findings).toEqual({
      error: 1,
      warning: 1,
      info: 0,
      waived: 1,
      baselined: 27,
    });
    expect(counted(result.report)).toEqual([
      'ownerless/placeholder-owner churn-exit-survey',
      'gap/no-data churn-exit-survey',
    ]);
    // The baselined warnings stay out of --fail-on warning as well: only the new one counts.
    const warnings = audit(copy, '--baseline', 'base.json', '-f', 'json', '--fail-on', 'warning');
    expect(warnings.stderr).toBe("touchpoint: failed: 2 findings at or above 'warning'\n");
    // The table says the same.
    const table = runCli(['audit', ...AS_OF, '--baseline', 'base.json'], { cwd: copy });
    expect(table.stdout.split('\n')[4]).toBe(
      '1 error, 1 warning, 0 info, 1 waived, 27 in baseline (gap 1, ownerless 1)',
    );
  });

  it('a touchpoint moved to other lines is still the same finding', () => {
    const copy = copyExample();
    cpSync(path.join(dir, 'base.json'), path.join(copy, 'base.json'));
    const file = path.join(copy, 'touchpoints.yaml');
    const lines = readFileSync(file, 'utf8').split('\n');
    // Five comment and blank lines just above `touchpoints:` move every touchpoint down.
    const at = lines.indexOf('touchpoints:');
    expect(at).toBeGreaterThan(0);
    lines.splice(at, 0, '# Reviewed with the client', '', '# on 2026-11-20', '', '');
    writeFileSync(file, lines.join('\n'));
    const result = audit(copy, '--baseline', 'base.json', '-f', 'json');
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.report.summary.findings.baselined).toBe(27);
    const before = original.findings.find((f) => f.rule === 'schema/vague-purpose');
    const after = result.report.findings.find((f) => f.rule === 'schema/vague-purpose');
    expect(before?.location.line).toBe(206);
    expect(after?.location.line).toBe(211);
    expect(after?.baselined).toBe(true);
  });

  it('a fixed problem leaves a stale entry: reported on stderr and in report.baseline.stale', () => {
    const copy = copyExample();
    cpSync(path.join(dir, 'base.json'), path.join(copy, 'base.json'));
    const file = path.join(copy, 'touchpoints.yaml');
    const text = readFileSync(file, 'utf8');
    const fixed = text.replace(
      'purpose: TBD # deliberate: a vague purpose (schema/vague-purpose)',
      'purpose: Nudge users who stall after go-live towards the feature that fits their role.',
    );
    expect(fixed).not.toBe(text);
    writeFileSync(file, fixed);
    const entry = baseline.entries.find((e) => e.rule === 'schema/vague-purpose');
    const result = audit(copy, '--baseline', 'base.json', '-f', 'json');
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(
      'touchpoint: 1 baseline entry no longer occurs; refresh it with --write-baseline\n',
    );
    expect(result.report.summary.findings.baselined).toBe(26);
    expect(result.report.baseline).toEqual({
      file: 'base.json',
      stale: [
        {
          fingerprint: entry?.fingerprint,
          rule: 'schema/vague-purpose',
          touchpoint: 'usage-nudge',
        },
      ],
    });
    // --quiet keeps stderr for errors only.
    expect(audit(copy, '--baseline', 'base.json', '-f', 'json', '--quiet').stderr).toBe('');
    // Refreshing the baseline drops the stale entry.
    const refreshed = audit(
      copy,
      '--baseline',
      'base.json',
      '--write-baseline',
      'base.json',
      '-f',
      'json',
    );
    expect(refreshed.status).toBe(0);
    const again = audit(copy, '--baseline', 'base.json', '-f', 'json');
    expect(again.stderr).toBe('');
    expect(again.report.baseline).toEqual({ file: 'base.json', stale: [] });
  });

  it('SARIF marks baselined results unchanged and new ones new, fingerprints as in the file', () => {
    const copy = copyExample();
    cpSync(path.join(dir, 'base.json'), path.join(copy, 'base.json'));
    appendFileSync(path.join(copy, 'touchpoints.yaml'), NEW_TOUCHPOINT);
    const result = runCli(['audit', ...AS_OF, '--baseline', 'base.json', '-f', 'sarif'], {
      cwd: copy,
    });
    expect(result.status).toBe(1);
    const sarif = JSON.parse(result.stdout) as {
      runs: {
        results: {
          ruleId: string;
          baselineState: string;
          partialFingerprints: Record<string, string>;
          suppressions?: unknown[];
        }[];
      }[];
    };
    const results = sarif.runs[0]?.results ?? [];
    const count = (state: string, suppressed: boolean) =>
      results.filter(
        (r) => r.baselineState === state && (r.suppressions !== undefined) === suppressed,
      ).length;
    expect(count('new', false)).toBe(2);
    expect(count('unchanged', false)).toBe(27);
    // The waived finding is not in the baseline, and carries its waiver as a suppression.
    expect(count('new', true)).toBe(1);
    expect(results).toHaveLength(30);
    const known = new Set(baseline.entries.map((e) => e.fingerprint));
    for (const r of results) {
      const [print = ''] = Object.values(r.partialFingerprints);
      if (r.suppressions !== undefined) continue;
      expect(known.has(print)).toBe(r.baselineState === 'unchanged');
    }
  });

  it('exits 2 with one line on a missing or broken baseline file', () => {
    const missing = audit(dir, '--baseline', 'nope.json', '-f', 'json');
    expect(missing.status).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toBe('touchpoint: nope.json: cannot read the baseline file\n');
    writeFileSync(path.join(dir, 'broken.json'), '{"version": 2, "entries": []}');
    const broken = audit(dir, '--baseline', 'broken.json', '-f', 'json');
    expect(broken.status).toBe(2);
    expect(broken.stderr).toBe(
      'touchpoint: broken.json: not a valid baseline: unsupported version 2 (expected 1)\n',
    );
  });
});
