import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/golden.js';
import { actionWorkspace as workspace, runAction } from '../helpers/run-action.js';

// The whole action, install step included (slow: a real npm ci; `npm run test:install`, in
// .ci/run). test/action/composite-action.test.ts runs its audit step against this checkout.

/** A checkout of this repository as GitHub gives an action: the files in git, nothing built. */
function actionCheckout(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'tp-action-checkout-')), 'action');
  mkdirSync(dir);
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((file) => file !== '' && existsSync(path.join(ROOT, file)));
  for (const file of files) cpSync(path.join(ROOT, file), path.join(dir, file));
  return dir;
}

const AS_OF = { 'as-of': '2026-11-15' };

describe('action.yml, installed', () => {
  it(
    'installs with npm ci in a fresh checkout, audits the example, fails on its errors and still sets the outputs',
    { timeout: 600_000 },
    () => {
      const repo = workspace();
      const run = runAction({ workspace: repo, actionPath: actionCheckout(), inputs: AS_OF });
      expect(run.statuses).toEqual({ 'Install touchpoint-audit': 0, 'Audit touchpoints': 1 });
      expect(run.outputs).toEqual({ sarif: 'touchpoint.sarif', score: '89.1', grade: 'B' });
      const sarif = JSON.parse(readFileSync(path.join(repo, 'touchpoint.sarif'), 'utf8')) as {
        version: string;
        runs: { results: unknown[] }[];
      };
      expect(sarif.version).toBe('2.1.0');
      expect(sarif.runs[0]?.results.length).toBeGreaterThan(0);
      expect(run.stdout.split('\n')[0]).toMatch(/^::(error|warning) file=[^,]+,line=\d+/);
      expect(run.summary).toMatch(/^## Touchpoint audit: /);
      expect(run.stderr).toContain("touchpoint: failed: 6 findings at or above 'error'");
    },
  );
});
