import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Runs the browser test file in a child vitest on a machine without Chromium (PATH holds only
// node's directory, CHROMIUM_PATH points nowhere): it is left out with one line, unless
// TOUCHPOINT_REQUIRE_BROWSER=1 (what .ci/run sets), which makes it fail.
const ROOT = path.resolve(import.meta.dirname, '../..');
const NOWHERE = path.join(ROOT, 'test/fixtures/no-such-chromium');

function runBrowserTest(extra: Record<string, string>) {
  const result = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/vitest/vitest.mjs'),
      'run',
      'test/reporters/html.browser.test.ts',
    ],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        PATH: path.dirname(process.execPath),
        HOME: process.env.HOME ?? '',
        NO_COLOR: '1',
        CHROMIUM_PATH: NOWHERE,
        ...extra,
      },
    },
  );
  return { status: result.status, output: result.stdout + result.stderr };
}

const line = `HTML browser test not run: no Chromium found (looked for CHROMIUM_PATH=${NOWHERE} (not an executable file)); install chromium or set CHROMIUM_PATH`;

describe('the HTML browser test without a browser', () => {
  it('says so in one line and leaves the file out', () => {
    const { status, output } = runBrowserTest({});
    expect(output.split('\n').filter((text) => text.includes('Chromium'))).toEqual([line]);
    expect(output).toMatch(/Tests +15 skipped \(15\)/);
    expect(status).toBe(0);
  });

  it('fails when TOUCHPOINT_REQUIRE_BROWSER=1', () => {
    const { status, output } = runBrowserTest({ TOUCHPOINT_REQUIRE_BROWSER: '1' });
    expect(output).toContain(`${line}. TOUCHPOINT_REQUIRE_BROWSER=1 makes this a failure.`);
    expect(output).toMatch(/Test Files +1 failed \(1\)/);
    expect(status).toBe(1);
  });
});
