import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './run-cli.js';

const BIN = path.join(ROOT, 'bin/touchpoint.js');

/** An inventory large enough that validating it keeps the process busy for seconds. */
function bigInventory(dir: string, count: number, stage = 'onboarding'): string {
  const lines = [
    'version: 1',
    'journey: b2b-saas',
    'lifecycle: { contract-start: 0d, renewal: 365d }',
    'touchpoints:',
  ];
  for (let i = 0; i < count; i++) {
    lines.push(
      `  - id: tp-${i.toString()}`,
      `    stage: ${stage}`,
      '    purpose: Align on goals and success criteria in the first week.',
      '    channel: email',
      '    owner: cs',
      `    timing: { anchor: contract-start, at: ${(i % 300).toString()}d }`,
      '    metric: { name: open_rate, target: ">= 0.3" }',
    );
  }
  const file = path.join(dir, 'big.yaml');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Milliseconds from the signal to the exit. */
  stoppedIn: number;
}

/** Starts the binary, sends `signal` after `delay` ms while it is busy, and times the stop. */
function interrupt(args: string[], cwd: string, signal: NodeJS.Signals, delay: number) {
  return new Promise<Run>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    let sentAt = 0;
    const timer = setTimeout(() => {
      if (child.exitCode !== null) {
        reject(
          new Error(`finished before the signal (${String(child.exitCode)}): input too small`),
        );
        return;
      }
      sentAt = performance.now();
      child.kill(signal);
    }, delay);
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('close', (code, sig) => {
      clearTimeout(timer);
      clearTimeout(killer);
      resolve({ code, signal: sig, stdout, stderr, stoppedIn: performance.now() - sentAt });
    });
  });
}

describe('signals stop the process at once, even during long synchronous work', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'tp-signals-'));
    bigInventory(dir, 50_000);
  });

  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    it(`${signal} exits ${code.toString()} within a second and leaves no temp file`, async () => {
      const run = await interrupt(
        ['validate', 'big.yaml', '-f', 'json=out.json', '-f', 'sarif=out.sarif'],
        dir,
        signal,
        1_500,
      );
      expect(run.stderr).toBe('');
      expect(run.code).toBe(code);
      expect(run.stoppedIn).toBeLessThan(1_000);
      expect(readdirSync(dir).sort()).toEqual(['big.yaml']);
    });
  }
});

describe('a closed stdout (EPIPE) ends the run quietly', () => {
  it('`validate -f json | head -1`: no stack trace, no message, exit 141 (SIGPIPE), never 1', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tp-epipe-'));
    // A misspelled stage on each: megabytes of findings, far more than a pipe holds.
    bigInventory(dir, 3_000, 'onbording');
    const result = spawnSync(
      'bash',
      [
        '-c',
        `"$NODE" "$BIN" validate big.yaml -f json 2>err.txt | head -1 >/dev/null; echo "\${PIPESTATUS[0]}"`,
      ],
      // No stdin: bash reads ~/.bashrc when stdin is a socket.
      {
        cwd: dir,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { PATH: process.env.PATH ?? '', NODE: process.execPath, BIN },
      },
    );
    expect(readFileSync(path.join(dir, 'err.txt'), 'utf8')).toBe('');
    expect(result.stdout).toBe('141\n');
    expect(result.stderr).toBe('');
  });
});
