import { spawnSync } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';

const EXAMPLE = path.join(ROOT, 'examples/b2b-saas/touchpoints.yaml');
const BIN = path.join(ROOT, 'bin/touchpoint.js');

describe('inputs have a size ceiling and must be regular files', () => {
  it('refuses a character device as the config (it would be read forever)', () => {
    const result = runCli(['validate', EXAMPLE, '-c', '/dev/zero']);
    expect(result.stderr).toBe(
      'touchpoint: /dev/zero: the config file is a character device, not a regular file\n',
    );
    expect(result.status).toBe(2);
  });

  it('refuses a FIFO as the config without blocking on it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tp-fifo-'));
    execFileSync('mkfifo', [path.join(dir, 'c.yaml')]);
    const result = runCli(['validate', EXAMPLE, '-c', 'c.yaml'], { cwd: dir });
    expect(result.stderr).toBe(
      'touchpoint: c.yaml: the config file is a FIFO (named pipe), not a regular file\n',
    );
    expect(result.status).toBe(2);
  });

  it('stops reading an endless standard input at the limit (TOUCHPOINT_MAX_INPUT_MB)', () => {
    const result = spawnSync(process.execPath, [BIN, 'validate', '-'], {
      stdio: [openSync('/dev/zero', 'r'), 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '', TOUCHPOINT_MAX_INPUT_MB: '1' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.stderr).toBe(
      'touchpoint: -: the standard input is larger than 1 MiB, the limit for one input (set TOUCHPOINT_MAX_INPUT_MB to raise it)\n',
    );
    expect(result.status).toBe(2);
  });

  it('refuses an inventory over the limit before reading it, and a bad limit', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tp-big-'));
    writeFileSync(path.join(dir, 'big.yaml'), `# ${' '.repeat(2 * 2 ** 20)}\n`);
    for (const [limit, message] of [
      [
        '1',
        'big.yaml: the file is larger than 1 MiB, the limit for one input (set TOUCHPOINT_MAX_INPUT_MB to raise it)',
      ],
      ['lots', 'TOUCHPOINT_MAX_INPUT_MB is "lots": give a positive number of MiB'],
    ] as const) {
      const result = runCli(['validate', 'big.yaml'], {
        cwd: dir,
        env: { TOUCHPOINT_MAX_INPUT_MB: limit },
      });
      expect(result.stderr).toBe(`touchpoint: ${message}\n`);
      expect(result.status).toBe(2);
    }
  });
});
