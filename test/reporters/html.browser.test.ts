import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { findChromium } from '../../src/doctor/find-chromium.js';
import { htmlReporter } from '../../src/reporters/html.js';
import { fixtureContext, fixtureReport } from '../fixtures/reporters/report.js';

// The browser comes from the system (CHROMIUM_PATH, or chromium / chromium-browser on PATH),
// never from a download. Where there is none the file is left out with one line saying so,
// unless TOUCHPOINT_REQUIRE_BROWSER=1 (set by CI), which makes a missing browser a failure.
const chromiumSearch = findChromium(process.env);
if (!chromiumSearch.found) {
  const line = `HTML browser test not run: no Chromium found (looked for ${chromiumSearch.searched}); install chromium or set CHROMIUM_PATH`;
  if (process.env.TOUCHPOINT_REQUIRE_BROWSER === '1') {
    throw new Error(`${line}. TOUCHPOINT_REQUIRE_BROWSER=1 makes this a failure.`);
  }
  console.warn(line);
}
const CHROMIUM = chromiumSearch.found ? chromiumSearch.path : '';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let dir: string | undefined;
let context: BrowserContext | undefined;
let page: Page;
let fileUrl: string;
const consoleErrors: string[] = [];
const requests: string[] = [];

async function firstColumn(tableId: string): Promise<string[]> {
  return page.locator(`#${tableId} tbody tr td:first-child`).allTextContents();
}

describe.runIf(chromiumSearch.found)('html report in a real browser', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tp-html-'));
    const file = join(dir, 'report.html');
    await writeFile(file, htmlReporter(fixtureReport, fixtureContext));
    fileUrl = pathToFileURL(file).href;
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1280, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    context.on('request', (request) => requests.push(request.url()));
    await page.goto(fileUrl, { waitUntil: 'load' });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it('loads with no console errors and no request but the file itself', () => {
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([fileUrl]);
  });

  it('renders the score, the heatmap and a sized timeline per segment', async () => {
    expect(await page.locator('#score .score').textContent()).toBe('36.1');
    const heatmap = await page.locator('table.heatmap').boundingBox();
    expect(heatmap?.width).toBeGreaterThan(300);
    expect(heatmap?.height).toBeGreaterThan(200);
    expect(await page.locator('table.heatmap tbody tr').count()).toBe(10);
    expect(await page.locator('table.heatmap td[data-score]').count()).toBe(6);

    const timelines = page.locator('svg.timeline.wide');
    expect(await timelines.count()).toBe(2);
    for (const box of await Promise.all([0, 1].map((i) => timelines.nth(i).boundingBox()))) {
      expect(box?.width).toBeGreaterThan(800);
      expect(box?.height).toBeGreaterThan(40);
    }
    expect(await page.locator('svg.timeline.narrow').first().isVisible()).toBe(false);
    expect(await page.locator('svg.timeline.wide circle.occurrence').count()).toBe(14);
    expect(
      await page.locator('svg.timeline.wide[data-segment="enterprise"] .collision').count(),
    ).toBe(1);
    expect(await page.locator('svg.timeline.wide .silence').count()).toBe(2);
    const dot = await page.locator('svg.timeline.wide circle.occurrence').first().boundingBox();
    expect(dot?.width).toBeGreaterThan(4);
  });

  it('sorts the scorecard by a clicked column, and reverses on a second click', async () => {
    const score = page.locator('#scorecard-table thead th', { hasText: 'Score' });
    await score.locator('button').click();
    expect(await score.getAttribute('aria-sort')).toBe('ascending');
    expect(await firstColumn('scorecard-table')).toEqual([
      'nps-survey',
      'upsell-webinar',
      'qbr',
      'renewal-reminder',
      'welcome-email',
      'kickoff-call',
    ]);
    await score.locator('button').click();
    expect(await score.getAttribute('aria-sort')).toBe('descending');
    expect((await firstColumn('scorecard-table'))[0]).toBe('kickoff-call');
  });

  it('sorts the findings by severity, errors first', async () => {
    await page
      .locator('#findings-table thead th', { hasText: 'Severity' })
      .locator('button')
      .click();
    const severities = await firstColumn('findings-table');
    expect(severities).toEqual([...severities].sort((a, b) => rank(a) - rank(b)));
    expect(severities[0]).toBe('error');
    expect(severities.at(-1)).toBe('info');
  });

  it('takes a screenshot, in screen and in print media', async () => {
    const screen = join(dir ?? tmpdir(), 'report.png');
    await page.screenshot({ path: screen, fullPage: true });
    const png = await readFile(screen);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeGreaterThan(20_000);
    if (process.env.HTML_SCREENSHOT !== undefined) {
      await writeFile(process.env.HTML_SCREENSHOT, png);
    }
    await page.emulateMedia({ media: 'print' });
    const print = await page.screenshot({ fullPage: true });
    expect(print.length).toBeGreaterThan(20_000);
    expect(await page.locator('svg.timeline.wide').first().isVisible()).toBe(true);
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([fileUrl]);
  });
});

function rank(severity: string): number {
  return ['error', 'warning', 'info'].indexOf(severity);
}
