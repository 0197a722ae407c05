// Screenshots of the example report for the README: the HTML report of examples/b2b-saas (as
// of 2026-11-15, like the README's other examples) at 1,400 px and 390 px, its journey map at
// 1,400 px and a segment's day axis at 390 px,
// taken with playwright-core driving the system Chromium (CHROMIUM_PATH, or chromium /
// chromium-browser on PATH; never a downloaded browser). Needs `npm run build` first.
//
//   node scripts/screenshots.mjs [OUT_DIR]     (default docs/)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { chromium } from 'playwright-core';

import { findChromium } from '../dist/doctor/find-chromium.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = resolve(process.argv[2] ?? join(root, 'docs'));
const found = findChromium(process.env);
if (!found.found) {
  console.error(
    `no Chromium found (looked for ${found.searched}); install chromium or set CHROMIUM_PATH`,
  );
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'tp-shots-'));
const report = join(dir, 'report.html');
// Exit code 1 is "findings found": the example has them on purpose.
try {
  execFileSync(
    process.execPath,
    [
      join(root, 'bin/touchpoint.js'),
      'audit',
      'examples/b2b-saas',
      '--as-of',
      '2026-11-15',
      '--fail-on',
      'never',
      '-f',
      `html=${report}`,
    ],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
} catch (error) {
  rmSync(dir, { recursive: true, force: true });
  throw error;
}

const browser = await chromium.launch({
  executablePath: found.path,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  // The top of the report (summary and top actions) at both widths, then the journey map.
  const shots = [
    { file: 'report-1400.png', width: 1400, clip: 1700 },
    { file: 'report-390.png', width: 390, clip: 2200 },
    { file: 'journey-map-1400.png', width: 1400, element: '#journey' },
    { file: 'day-axis-390.png', width: 390, element: 'figure.day-strip' },
  ];
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: { width: shot.width, height: 900 } });
    await page.goto(pathToFileURL(report).href, { waitUntil: 'load' });
    const file = join(out, shot.file);
    if (shot.element === undefined) {
      const full = await page.evaluate(() => globalThis.document.documentElement.scrollHeight);
      const height = Math.min(full, shot.clip);
      await page.screenshot({
        path: file,
        fullPage: true,
        clip: { x: 0, y: 0, width: shot.width, height },
      });
    } else {
      await page.locator(shot.element).first().screenshot({ path: file });
    }
    await page.close();
    console.log(file);
  }
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
