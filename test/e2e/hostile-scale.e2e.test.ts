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
    });
    expect(report.findings.map((f) => f.rule)).toEqual([
      'overlap/redundant',
      'overlap/collision',
      'overlap/density',
      'gap/silence',
    ]);
  });
});
