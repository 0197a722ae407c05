import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { audit, auditLoaded } from '../../src/audit.js';
import { defaultConfig } from '../../src/config/config.js';
import { loadConfig } from '../../src/config/load-config.js';
import { findChromium } from '../../src/doctor/find-chromium.js';
import { parseInventoryTexts } from '../../src/inventory/load-inventory.js';
import type { AuditReport } from '../../src/report.js';
import { htmlReporter } from '../../src/reporters/html.js';
import type { ReporterContext } from '../../src/reporters/types.js';
import { RULE_CATALOGUE } from '../../src/rules/index.js';
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

const ROOT = resolve(import.meta.dirname, '../..');

let dir: string | undefined;
let context: BrowserContext | undefined;
let page: Page;
let fileUrl: string;
/** The journey fixture and the b2b-saas example, as HTML files, for the layout checks. */
const files: Record<'fixture' | 'journey' | 'example', string> = {
  fixture: '',
  journey: '',
  example: '',
};
const consoleErrors: string[] = [];
const requests: string[] = [];

/** The journey fixture audited: a day −14 touch, a dense first week, a collision, silences. */
function journeyReport(): AuditReport {
  const file = 'test/fixtures/reporters/journey.yaml';
  const text = readFileSync(join(ROOT, file), 'utf8');
  const loaded = parseInventoryTexts([{ file, text }]);
  return auditLoaded({ loaded, config: defaultConfig(), asOf: '2026-11-01' });
}

async function exampleReport(): Promise<AuditReport> {
  const config = 'examples/b2b-saas/touchpoint.config.yaml';
  return audit({
    inventory: ['examples/b2b-saas'],
    metrics: ['examples/b2b-saas/metrics'],
    config: await loadConfig(join(ROOT, config), config),
    cwd: ROOT,
    asOf: '2026-11-15',
  });
}

/**
 * The layouts checked: a wide screen, a phone, and A4 and Letter portrait in print — print
 * media at the width inside the page's 12 mm margins (703 px on A4, 725 px on Letter).
 */
const LAYOUTS = [
  { name: '1,400 px screen', width: 1400, media: 'screen' },
  { name: '390 px screen', width: 390, media: 'screen' },
  { name: 'A4 portrait print', width: 703, media: 'print' },
  { name: 'Letter portrait print', width: 725, media: 'print' },
] as const;

/**
 * Every rendered element whose box reaches past the page's left or right edge, and the page's
 * scroll width (run in the page; a string, as this project's TypeScript has no DOM types).
 */
const MEASURE = `(() => {
  const doc = document.documentElement;
  const width = doc.clientWidth;
  const wider = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.right > width + 0.5 || box.left < -0.5) {
      const cls = (el.getAttribute('class') || '').trim().replace(/ +/g, '.');
      wider.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (cls ? '.' + cls : '') +
        ' ' + Math.round(box.left) + '–' + Math.round(box.right));
    }
  }
  return { width, scroll: doc.scrollWidth, wider };
})()`;

async function overflow(target: Page): Promise<{ width: number; scroll: number; wider: string[] }> {
  return target.evaluate<{ width: number; scroll: number; wider: string[] }>(MEASURE);
}

async function firstColumn(tableId: string): Promise<string[]> {
  return page.locator(`#${tableId} tbody tr td:first-child`).allTextContents();
}

describe.runIf(chromiumSearch.found)('html report in a real browser', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tp-html-'));
    const file = join(dir, 'report.html');
    await writeFile(file, htmlReporter(fixtureReport, fixtureContext));
    fileUrl = pathToFileURL(file).href;
    files.fixture = fileUrl;
    const ctx: ReporterContext = { ...fixtureContext, cwd: ROOT, rules: RULE_CATALOGUE };
    for (const [name, report] of [
      ['journey', journeyReport()],
      ['example', await exampleReport()],
    ] as const) {
      const path = join(dir, `${name}.html`);
      await writeFile(path, htmlReporter(report, ctx));
      files[name] = pathToFileURL(path).href;
    }
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

  describe('layout and journey map', () => {
    let view: Page;

    beforeAll(async () => {
      view = await (context as BrowserContext).newPage();
      view.on('pageerror', (error) => consoleErrors.push(error.message));
    });

    afterAll(async () => {
      await view.close();
    });

    async function open(file: keyof typeof files, layout: (typeof LAYOUTS)[number]): Promise<void> {
      await view.setViewportSize({ width: layout.width, height: 900 });
      await view.emulateMedia({ media: layout.media });
      await view.goto(files[file], { waitUntil: 'load' });
    }

    it.each(LAYOUTS)('$name: no element of any report is wider than the page', async (layout) => {
      for (const file of ['fixture', 'journey', 'example'] as const) {
        await open(file, layout);
        const measured = await overflow(view);
        expect({ file, ...measured }).toEqual({
          file,
          width: layout.width,
          scroll: layout.width,
          wider: [],
        });
      }
    });

    it.each(LAYOUTS)(
      '$name: journey map cards, the day −14 touch, the dense week, the collision and the density breach',
      async (layout) => {
        await open('journey', layout);
        // One card per touchpoint and segment lane: 8 reach enterprise, 7 smb (no pulse survey).
        expect(await view.locator('.jm-card:visible').count()).toBe(15);
        const preContract = view.locator('.jm-card:visible[data-touchpoint="pre-contract-call"]');
        expect(await preContract.first().textContent()).toBe(
          'Pre-contract scoping call (pre-contract-call)video-call · Sales Team (sales)A? 100 · day −14',
        );
        // The one stage with no touchpoint is marked as a gap, in words, in each lane.
        expect(await view.locator('.jm-cell.gap:visible').count()).toBe(2);
        expect(await view.getByText('gap', { exact: false }).first().isVisible()).toBe(true);

        const strips = view.locator('svg.timeline:visible');
        expect(await strips.count()).toBe(2);
        const enterprise = view.locator('svg.timeline:visible[data-segment="enterprise"]');
        const dot = async (day: number) =>
          (await enterprise.locator(`circle[data-day="${day}"]`).first().boundingBox()) ??
          expect.fail(`no touch on day ${day}`);
        const before = await dot(-14);
        const day0 = await dot(0);
        const day2 = await dot(2);
        const day4 = await dot(4);
        const day6 = await dot(6);
        const day30 = await dot(30);
        // Day −14 is drawn left of day 0, not on it; the first week's four touches never
        // cover one another (side by side, or stacked where the axis is too narrow) ...
        expect(before.x).toBeLessThan(day0.x - before.width);
        const week = [day0, day2, day4, day6];
        for (const [i, a] of week.entries())
          for (const b of week.slice(i + 1)) {
            const apart =
              a.x + a.width <= b.x + 0.5 ||
              b.x + b.width <= a.x + 0.5 ||
              a.y + a.height <= b.y + 0.5 ||
              b.y + b.height <= a.y + 0.5;
            expect(apart).toBe(true);
          }
        // ... and wider than a linear axis would draw them (6 of 379 days).
        const axis = (await enterprise.boundingBox()) ?? expect.fail('no strip');
        expect((day6.x - day0.x) / axis.width).toBeGreaterThan((6 / 379) * 2);
        expect(day30.x).toBeGreaterThan(day6.x);

        const visibleText = async (selector: string) =>
          enterprise.locator(selector).allTextContents();
        expect(await enterprise.locator('rect.collision').count()).toBe(1);
        expect(await enterprise.locator('rect.density').count()).toBe(1);
        expect(await enterprise.locator('rect.silence').count()).toBe(4);
        expect(await visibleText('text.label-collision')).toEqual(['collision']);
        expect(await visibleText('text.label-density')).toEqual(['4 in 7 d (max 3)']);
        expect((await visibleText('text.label-silence')).sort()).toEqual([
          'silent 60 d',
          'silent 65 d',
          'silent 90 d',
          'silent 90 d',
        ]);
        // The onboarding stretch says how much it is zoomed.
        expect(await visibleText('text.piece[data-piece="onboarding"]')).toEqual([
          expect.stringMatching(/^(onboarding, )?×([2-9]|1\.[1-9])/),
        ]);
        // Labels are readable: the axis text is at least 8 px tall on every layout.
        const tick =
          (await enterprise.locator('text:not(.piece)').first().boundingBox()) ??
          expect.fail('no tick');
        expect(tick.height).toBeGreaterThanOrEqual(8);
        // Under the strip, each mark again as printed text with the finding's message.
        const marks = view.locator(
          'figure.day-strip:has(svg[data-segment="enterprise"]) ol.marks li',
        );
        expect(await marks.first().isVisible()).toBe(true);
        expect(await marks.allTextContents()).toContainEqual(
          "collision, day 30: 'health-check' and 'pulse-survey' both reach enterprise on day 30; move 'health-check' from day 30 to day 31",
        );
        // The footer says which tool, when and from what.
        expect(await view.locator('#report-footer').textContent()).toMatch(
          /^Generated by touchpoint-audit \S+ · as of 2026-11-01, period .*Inputs: inventory test\/fixtures\/reporters\/journey\.yaml\.$/,
        );
      },
    );

    it('switches the lanes to owners and channels, in CSS alone', async () => {
      await open('journey', LAYOUTS[0]);
      const lanes = async () => view.locator('.journey-grid:visible .jm-lane').allTextContents();
      expect(await lanes()).toEqual(['enterprise', 'smb']);
      await view.locator('label[for="lanes-owner"]').click();
      expect(await lanes()).toEqual(['Sales Team (sales)', 'Customer Success (cs)']);
      expect(await view.locator('.jm-card:visible').count()).toBe(8);
      await view.locator('label[for="lanes-channel"]').click();
      expect(await lanes()).toEqual(['email', 'video-call', 'webinar', 'survey']);
    });

    it('prints the example on A4 pages', async () => {
      await open('example', LAYOUTS[2]);
      const pdf = await view.pdf({ format: 'A4', printBackground: true });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? [];
      expect(pages.length).toBeGreaterThan(3);
      expect(consoleErrors).toEqual([]);
    });
  });
});

function rank(severity: string): number {
  return ['error', 'warning', 'info'].indexOf(severity);
}
