import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './run-cli.js';

const BIN = path.join(ROOT, 'bin/touchpoint.js');

/**
 * Runs the built binary with a heap far below what the unbounded code needed (2 million
 * findings, or 5.7 KB per unknown id), and a kill timeout that only stops a runaway run: the
 * assertion is on the exact output, never on the time taken.
 */
function runBounded(args: readonly string[], cwd: string, heapMb: number) {
  const result = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, BIN, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonFinding {
  rule: string;
  messageId: string;
  message: string;
  touchpoint?: string;
  related?: string[];
  data: Record<string, unknown>;
}

const id = (i: number): string => `copy-${String(i).padStart(4, '0')}`;

describe('one finding per group, not per pair, on the built binary', () => {
  it('2,000 touchpoints sharing stage, channel, metric and day: three grouped findings', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tp-crowd-'));
    const lines = [
      'version: 1',
      'name: Two thousand copies',
      'segments: [enterprise, smb]',
      'lifecycle: { contract-start: 0d, renewal: 365d }',
      'owners:',
      '  - { id: lifecycle, name: Lifecycle, contact: l@example.com, capacity: 5000 }',
      'touchpoints:',
    ];
    for (let i = 0; i < 2_000; i++) {
      lines.push(
        `  - { id: ${id(i)}, name: Copy ${i}, stage: onboarding, channel: email, owner: lifecycle, purpose: Welcome step ${i} number w${i} for x${i}, timing: { anchor: contract-start, at: 7d }, metric: { name: open_rate, target: ">= 0.3", unit: ratio } }`,
      );
    }
    writeFileSync(path.join(dir, 'touchpoints.yaml'), `${lines.join('\n')}\n`);
    const result = runBounded(['audit', 'touchpoints.yaml', '-f', 'json'], dir, 192);
    expect(result.stderr).toBe('');
    // Warnings only: the default gate (--fail-on error) passes.
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { findings: JsonFinding[] };
    const others = Array.from({ length: 1_999 }, (_, i) => id(i + 1));
    const members = [id(0), ...others];
    const overlap = report.findings.filter((f) => f.rule.startsWith('overlap/'));
    expect(overlap.map((f) => [f.rule, f.messageId, f.touchpoint, f.message])).toEqual([
      [
        'overlap/redundant',
        'sameJobGroup',
        id(0),
        '2000 touchpoints are redundant: copy-0000, copy-0001, copy-0002, copy-0003, copy-0004 and 1995 more share stage (onboarding), channel (email) and metric (open_rate) for enterprise and smb',
      ],
      [
        'overlap/collision',
        'crowd',
        id(0),
        '2000 touchpoints all reach enterprise and smb on day 7: copy-0000, copy-0001, copy-0002, copy-0003, copy-0004 and 1995 more',
      ],
      [
        'overlap/density',
        'sameDay',
        // The touch that first pushed the window over the limit.
        id(3),
        'enterprise and smb get 2000 proactive touches within 7 days on day 7 (limit 3): copy-0000, copy-0001, copy-0002, copy-0003, copy-0004, copy-0005, copy-0006, copy-0007 and 1992 more',
      ],
    ]);
    expect(overlap.map((f) => f.related)).toEqual([
      others,
      others,
      members.filter((member) => member !== id(3)),
    ]);
    expect(overlap[1]?.data).toEqual({
      first: id(0),
      second: id(1),
      segments: ['enterprise', 'smb'],
      day: 7,
      otherDay: 7,
      apart: 0,
      window: 1,
      more: 0,
      until: 7,
      members,
      count: 2_000,
      // No single move clears a crowd: nothing is tried.
      search: { outcome: 'crowd', tried: 0, rejected: [], more: 0 },
    });
    expect(report.findings.map((f) => f.rule)).toEqual([
      'overlap/redundant',
      'overlap/collision',
      'overlap/density',
      'gap/silence',
    ]);
  });
});

describe('memory follows the inventory, not the export (built binary)', () => {
  it('200,000 distinct ids not in the inventory: a 128 MB heap, two exact findings', () => {
    // 0.1.0 kept 5.7 KB per id (1.1 GB here) and grouped them quadratically.
    const dir = mkdtempSync(path.join(tmpdir(), 'tp-unknown-ids-'));
    const rows = ['touchpoint_id,metric,value,date'];
    for (let i = 0; i < 200_000; i++) rows.push(`promo-${i},open_rate,0.5,2026-07-20`);
    writeFileSync(path.join(dir, 'export.csv'), `${rows.join('\n')}\n`);
    const inventory = path.join(ROOT, 'examples/b2b-saas/touchpoints.yaml');
    const config = path.join(ROOT, 'examples/b2b-saas/touchpoint.config.yaml');
    const result = runBounded(
      ['audit', inventory, '-c', config, '-m', 'export.csv', '-f', 'json', '--as-of', '2026-08-10'],
      dir,
      128,
    );
    expect(result.stderr).toBe("touchpoint: failed: 6 findings at or above 'error'\n");
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as {
      findings: (JsonFinding & { location: { file: string; line: number } })[];
    };
    const undocumented = report.findings.filter((f) => f.rule === 'gap/undocumented-touchpoint');
    expect(undocumented.map((f) => [f.messageId, f.message, f.location.line, f.data])).toEqual([
      [
        'undocumentedGroup',
        '1000 ids like "promo-0" appear in the metric exports (1000 rows) but not in the inventory; they share the pattern "promo-*": map them with aliases: {"promo-*": <inventory id>}',
        2,
        { touchpoint: 'promo-0', rows: 1_000, count: 1_000, pattern: 'promo-*' },
      ],
      [
        'untrackedGroup',
        '199000 more rows name ids like promo-1000, promo-1001 and promo-1002 that are not in the inventory, with the pattern "promo-*" (past the first 1000 such ids they are counted, not listed)',
        1_002,
        {
          touchpoint: 'promo-1000',
          rows: 199_000,
          examples: ['promo-1000', 'promo-1001', 'promo-1002'],
          limit: 1_000,
          pattern: 'promo-*',
        },
      ],
    ]);
  });
});

describe('no regex backtracks on a metric target (built binary)', () => {
  it('"1" + 50,000 spaces + "x" is one schema/invalid at the target, not 52 s of backtracking', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tp-target-'));
    const target = `1${' '.repeat(50_000)}x`;
    const yaml = [
      'version: 1',
      'name: Hostile target',
      'lifecycle: { contract-start: 0d }',
      'touchpoints:',
      '  - id: welcome',
      '    name: Welcome',
      '    stage: onboarding',
      '    channel: email',
      '    owner: lifecycle',
      '    purpose: Welcome the new customer and link the setup guide',
      '    timing: { anchor: contract-start, at: 1d }',
      `    metric: { name: open_rate, target: "${target}" }`,
      '',
    ].join('\n');
    writeFileSync(path.join(dir, 'touchpoints.yaml'), yaml);
    const result = runBounded(['validate', 'touchpoints.yaml', '-f', 'json'], dir, 128);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as {
      findings: (JsonFinding & { location: Record<string, unknown> })[];
    };
    expect(report.findings.map((f) => [f.rule, f.location])).toEqual([
      [
        'schema/invalid',
        {
          file: 'touchpoints.yaml',
          line: 12,
          column: 40,
          endLine: 12,
          endColumn: 50_044,
          path: 'touchpoints[0].metric.target',
        },
      ],
    ]);
    expect(report.findings[0]?.message).toBe(
      `metric target of touchpoint 'welcome' is '${target}': write a comparison and a number such as ">= 0.9", "<= 4", "90%" or "<= 1h", or a map of segments to such targets`,
    );
  });
});
