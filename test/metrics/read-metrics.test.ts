import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig, type Config } from '../../src/config/config.js';
import { InputError } from '../../src/errors.js';
import { metricPeriod, metricPeriodOrThrow, PeriodError } from '../../src/metrics/period.js';
import { readMetrics, type ReadMetricsOptions } from '../../src/metrics/read-metrics.js';
import type { MetricsResult } from '../../src/metrics/types.js';
import { readWithConfig } from './mapping-harness.js';
import { metricFindings } from './metric-findings.js';
import { inventory, touchpoint } from './rule-harness.js';

const DIR = 'test/fixtures/metrics';
const fixture = (name: string) => `${DIR}/${name}`;

function config(overrides: Partial<Config> = {}): Config {
  return { ...defaultConfig(), ...overrides };
}

/** Reads with the period the caller (the CLI) would pass for `--since`/`--as-of`. */
async function read(
  files: string[],
  options: Partial<ReadMetricsOptions> & { since?: string; asOf?: string } = {},
): Promise<MetricsResult> {
  const { since, asOf, ...rest } = options;
  const settings = rest.config ?? config();
  const period = metricPeriodOrThrow({ days: settings.period, since, asOf });
  return readMetrics(files, { config: settings, period, ...rest });
}

/** Values as plain rows: `[touchpoint, metric, value, rows, latestDate, line]`. */
function values(result: MetricsResult) {
  return [...result.values.values()].map((v) => [
    v.touchpoint,
    v.metric,
    v.value,
    v.rows,
    v.latestDate,
    v.location.line,
  ]);
}

/** Findings as `[rule, line, message]`. */
function findings(result: MetricsResult) {
  return metricFindings(result).map((f) => [f.rule, f.location.line, f.message]);
}

describe('readMetrics: formats and locales', () => {
  it.each([
    {
      name: 'long format with dates and segments',
      file: 'long.csv',
      values: [
        ['welcome-email', 'open_rate', 0.45, 2, '2026-03-02', 2],
        ['kickoff-call', 'attendance_rate', 0.9, 1, '2026-03-01', 4],
        ['nps-survey', 'nps', 42, 1, '2026-02-15', 5],
      ],
      stats: { rows: 4, used: 4, skipped: 0, bad: 0, afterAsOf: 0, totals: 0 },
    },
    {
      name: 'European export: BOM, `;`, CRLF, decimal comma, thousands, percent, DD/MM/YYYY, N/A and empty',
      file: 'eu-semicolon.csv',
      values: [
        ['welcome-email', 'open_rate', 0.5, 2, '2026-03-02', 2],
        ['support-ticket', 'first_response_minutes', 1234.5, 1, '2026-03-01', 4],
        ['kickoff-call', 'attendance_rate', undefined, 0, undefined, 5],
        ['qbr', 'attendance_rate', 7.5, 1, '2026-03-05', 7],
        ['csat-survey', 'csat', 0.72, 1, '2026-03-06', 8],
      ],
      stats: { rows: 7, used: 5, skipped: 2, bad: 0, afterAsOf: 0, totals: 0 },
      // Every slash date reads both ways: read day-first, and said so.
      findings: [
        [
          'metrics/ambiguous-date',
          2,
          'no date in column Date settles its order (first: "01/03/2026", which could also be month-first (mdy)); read as day-first (dmy): set dateOrder: in the sources: entry for this file, or locale: in the config',
        ],
      ],
    },
    {
      name: 'wide format, header case and spacing ignored',
      file: 'wide.csv',
      values: [
        ['welcome-email', 'Open Rate', 0.45, 2, '2026-03-02', 2],
        ['welcome-email', 'click_rate', 0.05, 1, '2026-03-01', 2],
        ['onboarding-webinar', 'Open Rate', undefined, 0, undefined, 4],
        ['onboarding-webinar', 'click_rate', 0.12, 1, '2026-03-01', 4],
      ],
      stats: { rows: 3, used: 4, skipped: 2, bad: 0, afterAsOf: 0, totals: 0 },
    },
    {
      name: 'tab-delimited wide format with a segment column and decimal commas',
      file: 'wide.tsv',
      values: [
        ['csat-survey', 'csat', 4.3, 2, undefined, 2],
        ['csat-survey', 'nps', 30, 1, undefined, 2],
      ],
      stats: { rows: 2, used: 3, skipped: 1, bad: 0, afterAsOf: 0, totals: 0 },
    },
    {
      name: 'quoted fields with delimiters, newlines and thousands separators',
      file: 'quoted.csv',
      values: [
        ['welcome-email', 'open_rate', 0.4, 1, '2026-03-01', 2],
        ['renewal-reminder', 'note, with comma', 1, 1, '2026-03-01', 3],
        ['support-ticket', 'tickets', 1867, 2, '2026-03-03', 4],
        ['multi\nline-id', 'tickets', 12345678, 1, '2026-03-02', 5],
      ],
      stats: { rows: 5, used: 5, skipped: 0, bad: 0, afterAsOf: 0, totals: 0 },
    },
    {
      name: "Excel's sep=; hint line",
      file: 'sep-hint.csv',
      values: [['welcome-email', 'open_rate', 0.4, 1, undefined, 3]],
      stats: { rows: 1, used: 1, skipped: 0, bad: 0, afterAsOf: 0, totals: 0 },
    },
  ])('$name', async ({ file, values: expected, stats, findings: expectedFindings = [] }) => {
    const result = await read([fixture(file)]);
    expect(values(result)).toEqual(expected);
    expect(result.stats).toEqual(stats);
    expect(findings(result)).toEqual(expectedFindings);
  });

  it('reads percent strings in the unit of each touchpoint metric', async () => {
    const inv = inventory([
      touchpoint('ratio-unit', 1, { name: 'rate', unit: 'ratio' }),
      touchpoint('percent-unit', 20, { name: 'rate', unit: 'percent' }),
      touchpoint('ratio-target', 40, { name: 'rate', target: '>= 0.8' }),
      touchpoint('percent-target', 60, { name: 'rate', target: '>= 80' }),
      touchpoint('other-metric', 80, { name: 'rate', unit: 'percent' }),
    ]);
    const result = await read([fixture('percent.csv')], { inventory: inv });
    expect(values(result).map(([tp, metric, value]) => [tp, metric, value])).toEqual([
      ['ratio-unit', 'rate', 0.72],
      ['percent-unit', 'rate', 72],
      ['ratio-target', 'rate', 0.72],
      ['percent-target', 'rate', 72],
      ['not-in-inventory', 'rate', 0.72],
      ['other-metric', 'clicks', 0.72],
    ]);
  });

  it('spells metric names as the inventory does when given one', async () => {
    const inv = inventory([touchpoint('welcome-email', 1, { name: 'open_rate', unit: 'ratio' })]);
    const result = await read([fixture('wide.csv')], { inventory: inv });
    expect(values(result).map(([tp, metric]) => `${String(tp)}/${String(metric)}`)).toEqual([
      'welcome-email/open_rate',
      'welcome-email/click_rate',
      'onboarding-webinar/Open Rate',
      'onboarding-webinar/click_rate',
    ]);
  });

  it('reads a vendor export through a sources: mapping with a ratio, and applies aliases', async () => {
    const result = await readMetrics([fixture('mailchimp-march.csv')], {
      config: config({
        sources: [
          {
            match: 'mailchimp-*.csv',
            touchpoint: 'Campaign',
            metric: 'open_rate',
            ratio: { numerator: 'Opened', denominator: 'Delivered' },
            date: 'send date',
          },
        ],
        aliases: { 'Welcome Series #1': 'welcome-email', 'Renewal Nudge': 'renewal-reminder' },
      }),
      inventory: inventory([
        touchpoint('welcome-email', 1, { name: 'open_rate', unit: 'percent' }),
      ]),
    });
    expect(values(result)).toEqual([
      ['welcome-email', 'open_rate', 50, 2, '2026-03-08', 2],
      ['renewal-reminder', 'open_rate', undefined, 0, undefined, 4],
    ]);
    expect([...result.ids].map(([id, s]) => [id, s.rows, s.location.line])).toEqual([
      ['welcome-email', 2, 2],
      ['renewal-reminder', 1, 4],
    ]);
    expect(result.stats).toEqual({ rows: 3, used: 2, skipped: 1, bad: 0, afterAsOf: 0, totals: 0 });
  });

  it('reads a sources: mapping with a metric column and a value column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tp-metrics-'));
    const file = join(dir, 'helpdesk.csv');
    writeFileSync(
      file,
      'Queue;KPI;Score;Day\nsupport;CSAT;4,6;02/03/2026\nsupport;CSAT;4,2;03/03/2026\n',
    );
    const result = await readMetrics([file], {
      config: config({
        sources: [
          {
            match: 'helpdesk.csv',
            touchpoint: 'Queue',
            metricColumn: 'KPI',
            value: 'Score',
            date: 'Day',
          },
        ],
      }),
    });
    expect(values(result)).toEqual([['support', 'CSAT', 4.4, 2, '2026-03-03', 2]]);
  });

  it('applies aliases and merges rows under the inventory id', async () => {
    const result = await readMetrics([fixture('aliases.csv')], {
      config: config({ aliases: { 'Welcome Series #1': 'welcome-email' } }),
    });
    expect(values(result)).toEqual([
      ['welcome-email', 'open_rate', 0.5, 2, undefined, 2],
      ['legacy-popup', 'clicks', 3, 1, undefined, 4],
    ]);
    expect([...result.ids].map(([id, s]) => [id, s.rows, s.location.line])).toEqual([
      ['welcome-email', 2, 2],
      ['legacy-popup', 1, 4],
    ]);
  });

  it('keeps ids like __proto__ and constructor as plain data', async () => {
    const result = await readMetrics([fixture('prototype.csv')], {
      config: config({
        aliases: JSON.parse('{"__proto__": "polluted"}') as Record<string, string>,
      }),
    });
    expect(values(result)).toEqual([
      ['polluted', 'toString', 2, 2, undefined, 2],
      ['constructor', '__proto__', 2, 1, undefined, 3],
      ['hasOwnProperty', 'valueOf', 3, 1, undefined, 4],
    ]);
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).rows).toBeUndefined();
  });
});

describe('readMetrics: the period', () => {
  it.each([
    {
      name: 'default: the latest 90 days of data',
      options: {},
      period: ['2026-01-01', '2026-03-31'],
      a: [15, 2, '2026-03-31'],
      b: [undefined, 0, '2025-10-01'],
    },
    {
      name: 'a shorter configured period',
      options: { config: config({ period: 30 }) },
      period: ['2026-03-02', '2026-03-31'],
      a: [20, 1, '2026-03-31'],
      b: [undefined, 0, '2025-10-01'],
    },
    {
      name: '--as-of: the period ends there and later rows are ignored',
      options: { asOf: '2026-01-31' },
      period: ['2025-11-03', '2026-01-31'],
      a: [55, 2, '2026-01-01'],
      b: [undefined, 0, '2025-10-01'],
    },
    {
      name: '--since: from there to the latest data',
      options: { since: '2025-01-01' },
      period: ['2025-01-01', '2026-03-31'],
      a: [130 / 3, 3, '2026-03-31'],
      b: [5, 1, '2025-10-01'],
    },
    {
      name: '--since and --as-of',
      options: { since: '2025-12-01', asOf: '2025-12-31' },
      period: ['2025-12-01', '2025-12-31'],
      a: [100, 1, '2025-12-01'],
      b: [undefined, 0, '2025-10-01'],
    },
  ])('$name', async ({ options, period, a, b }) => {
    const result = await read([fixture('window.csv')], options);
    expect([result.since, result.asOf]).toEqual(period);
    expect(values(result).map((row) => row.slice(2, 5))).toEqual([a, b]);
  });

  it('gives the same values whatever the row order (sliding window)', async () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const rows: [string, number, number][] = [];
    for (let i = 0; i < 3000; i++) {
      const day = Math.floor(random() * 400);
      rows.push([`tp-${i % 7}`, day, Math.round(random() * 1000) / 10]);
    }
    const dir = mkdtempSync(join(tmpdir(), 'tp-metrics-'));
    const file = join(dir, 'shuffled.csv');
    const iso = (day: number) =>
      new Date(Date.UTC(2025, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    writeFileSync(
      file,
      `touchpoint_id,metric,value,date\n${rows.map(([t, d, v]) => `${t},m,${v},${iso(d)}`).join('\n')}\n`,
    );
    const result = await read([file]);
    const max = Math.max(...rows.map(([, d]) => d));
    for (let t = 0; t < 7; t++) {
      const inWindow = rows.filter(([id, d]) => id === `tp-${t}` && d > max - 90);
      const mean = inWindow.reduce((sum, [, , v]) => sum + v, 0) / inWindow.length;
      const value = result.values.get(`tp-${t}\u0000m`);
      expect(value?.rows).toBe(inWindow.length);
      expect(value?.value).toBeCloseTo(mean, 9);
    }
    expect(result.asOf).toBe(iso(max));
  });

  it.each([
    [
      { asOf: '31/03/2026' },
      { kind: 'not-a-date', bound: 'asOf', text: '31/03/2026' },
      'the period\'s end must be a date (YYYY-MM-DD), got "31/03/2026"',
    ],
    [
      { since: '2026-02-30' },
      { kind: 'not-a-date', bound: 'since', text: '2026-02-30' },
      'the period\'s start must be a date (YYYY-MM-DD), got "2026-02-30"',
    ],
    [
      { since: '2026-04-01', asOf: '2026-03-01' },
      { kind: 'starts-after-end', since: '2026-04-01', asOf: '2026-03-01' },
      'the period starts on 2026-04-01, after it ends on 2026-03-01',
    ],
  ] as const)(
    'a bad period %j is a typed problem, not a flag message',
    (bounds, problem, message) => {
      expect(metricPeriod({ days: 90, ...bounds })).toEqual({ ok: false, problem });
      expect(() => metricPeriodOrThrow({ days: 90, ...bounds })).toThrow(new PeriodError(problem));
      expect(new PeriodError(problem).message).toBe(message);
    },
  );

  it('counts rows after the as-of date per file, without using them', async () => {
    const result = await read([fixture('window.csv'), fixture('long.csv')], {
      asOf: '2026-01-31',
    });
    expect(result.reads).toEqual([
      {
        file: fixture('window.csv'),
        rows: 4,
        used: 3,
        skipped: 0,
        bad: 0,
        afterAsOf: 1,
        totals: 0,
        // 2025-12-01 and 2026-01-01 are in 2025-11-03..2026-01-31; 2025-10-01 is before it.
        inPeriod: 2,
        firstDay: Date.UTC(2025, 9, 1) / 86_400_000,
        lastDay: Date.UTC(2026, 2, 31) / 86_400_000,
      },
      {
        file: fixture('long.csv'),
        rows: 4,
        used: 0,
        skipped: 0,
        bad: 0,
        afterAsOf: 4,
        totals: 0,
        inPeriod: 0,
        firstDay: Date.UTC(2026, 1, 15) / 86_400_000,
        lastDay: Date.UTC(2026, 2, 2) / 86_400_000,
      },
    ]);
    expect(result.stats).toEqual({ rows: 8, used: 3, skipped: 0, bad: 0, afterAsOf: 5, totals: 0 });
  });
});

describe('readMetrics: bad rows and bad files', () => {
  it('reports each bad row at its physical line and uses the rest', async () => {
    const result = await read([fixture('bad-rows.csv')]);
    expect(findings(result)).toEqual([
      ['metrics/bad-row', 2, 'value "abc" is not a number'],
      ['metrics/bad-row', 3, 'date "2026-13-01" is not a valid date'],
      ['metrics/bad-row', 4, 'the row has 3 fields, the header has 4'],
      ['metrics/bad-row', 6, 'the touchpoint id is empty'],
      ['metrics/bad-row', 7, 'the metric name is empty'],
      ['metrics/bad-row', 8, 'value "NaN" is not a number'],
      ['metrics/bad-row', 9, 'value "Infinity" is not a finite number'],
      ['metrics/bad-row', 10, 'value "1e309" is not a finite number'],
      ['metrics/bad-row', 11, 'value "x" is not a number; date "31/02/2026" is not a valid date'],
      ['metrics/bad-row', 12, 'date is empty'],
    ]);
    expect(metricFindings(result).map((f) => [f.severity, f.touchpoint, f.location.path])).toEqual([
      ['warning', 'welcome-email', 'value'],
      ['warning', 'welcome-email', 'date'],
      ['warning', undefined, undefined],
      ['warning', undefined, 'touchpoint_id'],
      ['warning', 'welcome-email', 'metric'],
      ['warning', 'welcome-email', 'value'],
      ['warning', 'welcome-email', 'value'],
      ['warning', 'welcome-email', 'value'],
      ['warning', 'welcome-email', 'value'],
      ['warning', 'welcome-email', 'date'],
    ]);
    // Line 13 has a trailing empty field (fine), line 14 is all empty (skipped), line 15 is good.
    expect(values(result)).toEqual([
      ['welcome-email', 'open_rate', expect.closeTo(0.65, 12), 2, '2026-03-03', 2],
    ]);
    expect(result.stats).toEqual({
      rows: 13,
      used: 2,
      skipped: 0,
      bad: 10,
      afterAsOf: 0,
      totals: 0,
    });
    // Per touchpoint: the rows that named it but could not be used, and the first of them (a
    // row of the wrong width is not read far enough to name a touchpoint).
    expect(result.ids.get('welcome-email')).toEqual({
      rows: 10,
      location: { file: fixture('bad-rows.csv'), line: 2, column: 1 },
      rejected: { rows: 8, location: { file: fixture('bad-rows.csv'), line: 2, column: 1 } },
    });
  });

  it('summarises bad rows after the first ten of a file', async () => {
    const result = await read([fixture('many-bad.csv')]);
    expect(findings(result).slice(9)).toEqual([
      ['metrics/bad-row', 11, 'value "bad9" is not a number'],
      [
        'metrics/bad-row',
        12,
        '…and 15 more bad rows in this file (first at line 12); fix the ones above and re-run to see them',
      ],
    ]);
    expect(result.stats).toEqual({
      rows: 26,
      used: 1,
      skipped: 0,
      bad: 25,
      afterAsOf: 0,
      totals: 0,
    });
  });

  it.each([
    [
      'ragged.csv',
      [
        ['metrics/bad-row', 2, 'the row has 2 fields, the header has 3'],
        ['metrics/bad-row', 3, 'the row has 4 fields, the header has 3'],
      ],
      [['kickoff-call', 'attendance_rate', 0.9, 1, undefined, 4]],
    ],
    [
      'unclosed-quote.csv',
      [
        [
          'metrics/bad-row',
          3,
          'a quoted field starting at or after line 3 is never closed; the rest of the file was not read',
        ],
      ],
      [['welcome-email', 'open_rate', 0.4, 1, undefined, 2]],
    ],
    // A header and no rows: the file contributes nothing, which is said.
    [
      'header-only.csv',
      [
        [
          'metrics/unused-file',
          1,
          'the file contributes no value to the audit: 0 data rows, 0 empty, N/A or filtered out, 0 bad, 0 after the as-of date',
        ],
      ],
      [],
    ],
    [
      'empty.csv',
      [
        [
          'metrics/unknown-column',
          1,
          'the file is empty: expected a header row such as touchpoint_id,metric,value,date',
        ],
      ],
      [],
    ],
    [
      'blank.csv',
      [
        [
          'metrics/unknown-column',
          1,
          'the file is empty: expected a header row such as touchpoint_id,metric,value,date',
        ],
      ],
      [],
    ],
    [
      // UTF-16 is read (see encodings.test.ts): this one has a header and no rows.
      'utf16.csv',
      [
        [
          'metrics/unused-file',
          1,
          'the file contributes no value to the audit: 0 data rows, 0 empty, N/A or filtered out, 0 bad, 0 after the as-of date',
        ],
      ],
      [],
    ],
    [
      'unknown.csv',
      [
        [
          'metrics/unknown-column',
          1,
          'no known metric format: expected columns "touchpoint_id", "metric", "value" [, "date", "segment"] (long), "touchpoint_id" plus one column per metric (wide), or a sources: entry in the config matching "unknown.csv"; saw "campaign", "opens", "sends"',
        ],
      ],
      [],
    ],
    [
      'no-header.csv',
      [
        [
          'metrics/unknown-column',
          1,
          'no known metric format: expected columns "touchpoint_id", "metric", "value" [, "date", "segment"] (long), "touchpoint_id" plus one column per metric (wide), or a sources: entry in the config matching "no-header.csv"; saw "welcome-email", "open_rate", "0.4", "2026-03-01" (the first line looks like data: is the header row missing?)',
        ],
      ],
      [],
    ],
    [
      'mailchimp-march.csv',
      [
        [
          'metrics/unknown-column',
          1,
          'no known metric format: expected columns "touchpoint_id", "metric", "value" [, "date", "segment"] (long), "touchpoint_id" plus one column per metric (wide), or a sources: entry in the config matching "mailchimp-march.csv"; saw "Campaign", "Send Date", "Delivered", "Opened"',
        ],
      ],
      [],
    ],
  ])('%s', async (file, expectedFindings, expectedValues) => {
    const result = await read([fixture(file)]);
    expect(findings(result)).toEqual(expectedFindings);
    expect(values(result)).toEqual(expectedValues);
    expect(
      metricFindings(result).every(
        (f) => f.severity === 'warning' && f.location.file === fixture(file),
      ),
    ).toBe(true);
  });

  it('names the missing columns of a sources: mapping', async () => {
    const result = await readMetrics([fixture('mailchimp-march.csv')], {
      config: config({
        sources: [
          {
            match: 'mailchimp-*',
            touchpoint: 'Campaign',
            metric: 'open_rate',
            ratio: { numerator: 'Opens', denominator: 'Sent' },
          },
        ],
      }),
    });
    expect(findings(result)).toEqual([
      [
        'metrics/unknown-column',
        1,
        'the header lacks the columns "Opens", "Sent" named by the sources: entry for "mailchimp-*"',
      ],
    ]);
  });

  it('survives a 5 MB field and keeps reading after it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tp-metrics-'));
    const file = join(dir, 'huge-field.csv');
    writeFileSync(file, `touchpoint_id,metric,value\na,m,"${'9'.repeat(5_000_000)}x"\nb,m,1\n`);
    const result = await read([file]);
    expect(findings(result)).toEqual([
      ['metrics/bad-row', 2, `value "${'9'.repeat(40)}…" is not a number`],
    ]);
    expect(values(result)).toEqual([
      ['a', 'm', undefined, 0, undefined, 2],
      ['b', 'm', 1, 1, undefined, 3],
    ]);
  });

  it('stops at a record over 16 MiB (an unclosed quote in a big file)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tp-metrics-'));
    const file = join(dir, 'runaway.csv');
    writeFileSync(
      file,
      `touchpoint_id,metric,value\na,m,1\nb,"m,2\n${'c,m,3\n'.repeat(3_000_000)}`,
    );
    const result = await read([file]);
    expect(findings(result)).toEqual([
      [
        'metrics/bad-row',
        3,
        'the row starting at line 3 is longer than 16 MiB (an unclosed quote?); the rest of the file was not read',
      ],
    ]);
    expect(values(result)).toEqual([['a', 'm', 1, 1, undefined, 2]]);
  });

  it('reads 20,000 columns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tp-metrics-'));
    const wide = join(dir, 'wide-20k.csv');
    const names = Array.from({ length: 19_999 }, (_, i) => `m${i}`);
    writeFileSync(
      wide,
      `touchpoint_id,${names.join(',')}\na,${names.map((_, i) => i).join(',')}\n`,
    );
    const result = await read([wide]);
    expect(result.values.size).toBe(19_999);
    expect(result.values.get('a\u0000m19998')?.value).toBe(19_998);

    const unknown = join(dir, 'unknown-20k.csv');
    writeFileSync(unknown, `${names.join(',')},m19999\n`);
    const bad = await read([unknown]);
    expect(findings(bad)).toEqual([
      [
        'metrics/unknown-column',
        1,
        'no known metric format: expected columns "touchpoint_id", "metric", "value" [, "date", "segment"] (long), "touchpoint_id" plus one column per metric (wide), or a sources: entry in the config matching "unknown-20k.csv"; saw "m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", … (19992 more)',
      ],
    ]);
  });

  it('reads several files into one result', async () => {
    const result = await read([fixture('long.csv'), fixture('eu-semicolon.csv')]);
    expect(result.files).toEqual([fixture('long.csv'), fixture('eu-semicolon.csv')]);
    const { value, ...rest } = result.values.get('welcome-email\u0000open_rate') ?? {};
    expect(value).toBeCloseTo(0.475, 12);
    expect(rest).toEqual({
      touchpoint: 'welcome-email',
      metric: 'open_rate',
      rows: 4,
      latestDate: '2026-03-02',
      location: { file: fixture('long.csv'), line: 2, column: 1 },
      // long.csv has a segment column; eu-semicolon.csv's rows are pooled only.
      segments: { enterprise: { rows: 1, value: 0.5 }, smb: { rows: 1, value: 0.4 } },
    });
    expect(result.ids.get('welcome-email')?.rows).toBe(4);
  });

  it.each([
    // Not a table at all: a one-line error (exit 2), not a warning the gate lets pass.
    [
      fixture('binary.csv'),
      `${fixture('binary.csv')} is not a metric table (binary data: NUL bytes): -m takes CSV exports`,
    ],
    [
      'test/fixtures/inventory/valid.yaml',
      'test/fixtures/inventory/valid.yaml is not a metric table (a YAML or JSON file): -m takes CSV exports; inventories are given without -m',
    ],
    [fixture('missing.csv'), `cannot read metrics file ${fixture('missing.csv')}: no such file`],
    [DIR, `cannot read metrics file ${DIR}: it is a directory`],
  ])('throws InputError for %s', async (file, message) => {
    await expect(read([file])).rejects.toThrow(new InputError(message));
  });

  it('throws InputError for a dangling symlink', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tp-metrics-'));
    const file = join(dir, 'loop.csv');
    symlinkSync(join(dir, 'nowhere.csv'), file);
    await expect(read([file])).rejects.toBeInstanceOf(InputError);
  });
});

describe('readMetrics: why rows were not used', () => {
  const write = (name: string, lines: string[]): string => {
    const file = join(mkdtempSync(join(tmpdir(), 'tp-unused-')), name);
    writeFileSync(file, `${lines.join('\n')}\n`);
    return file;
  };
  const unused = (result: MetricsResult) =>
    Object.fromEntries([...result.values.values()].map((v) => [v.metric, v.unused]));
  const none = { unreadableDate: 0, unreadableValue: 0, empty: 0, afterAsOf: 0, beforePeriod: 0 };

  it('counts each reason per touchpoint metric, in long and wide files', async () => {
    const long = write('long.csv', [
      'touchpoint_id,metric,value,date',
      'a,open_rate,0.4,2026-13-01',
      'a,open_rate,0.4,yesterday',
      'a,open_rate,lots,2026-03-01',
      'a,open_rate,N/A,2026-03-01',
      'a,open_rate,0.4,2026-04-02',
      'a,open_rate,0.4,2025-01-01',
      'a,clicks,3,2026-03-01',
    ]);
    const wide = write('wide.csv', [
      'touchpoint_id,date,nps,csat',
      'b,not a date,40,4',
      'b,2026-03-01,,x',
    ]);
    const result = await read([long, wide], { asOf: '2026-03-31' });
    expect(unused(result)).toEqual({
      open_rate: {
        ...none,
        unreadableDate: 2,
        unreadableValue: 1,
        empty: 1,
        afterAsOf: 1,
        beforePeriod: 1,
      },
      clicks: undefined,
      nps: { ...none, unreadableDate: 1, empty: 1 },
      csat: { ...none, unreadableDate: 1, unreadableValue: 1 },
    });
  });

  it('counts the same reasons through a sources: mapping (value, ratio, share; a bad date loses every metric)', async () => {
    const file = write('esp-export.csv', [
      'Campaign,Sent,Opened,Delivered,Clicked,Answer',
      'welcome,2026-13-01,10,100,lots,Yes',
      'welcome,2026-04-02,N/A,100,3,',
      'welcome,2026-04-03,5,0,2,No',
      'welcome,2026-05-15,5,100,2,Yes',
      'welcome,2025-01-01,5,100,2,Yes',
      'welcome,2026-04-04,x,100,,Yes',
    ]);
    const result = await readWithConfig(
      [file],
      [
        'sources:',
        '  - match: "esp-*.csv"',
        '    touchpoint: Campaign',
        '    date: Sent',
        '    metrics:',
        '      - metric: open_rate',
        '        ratio: { numerator: Opened, denominator: Delivered }',
        '      - metric: clicks',
        '        value: Clicked',
        '      - metric: yes_share',
        '        aggregate: { fn: share, column: Answer, where: { in: ["Yes"] } }',
        '',
      ].join('\n'),
    );
    expect(unused(result)).toEqual({
      // 13/01: no date; N/A and a zero denominator: empty; 05-15: after 04-30; 2025: before.
      open_rate: { unreadableDate: 1, unreadableValue: 1, empty: 2, afterAsOf: 1, beforePeriod: 1 },
      clicks: { ...none, unreadableDate: 1, empty: 1, afterAsOf: 1, beforePeriod: 1 },
      yes_share: { ...none, unreadableDate: 1, empty: 1, afterAsOf: 1, beforePeriod: 1 },
    });
  });
});
