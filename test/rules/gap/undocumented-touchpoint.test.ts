import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/config/config.js';
import { readMetrics } from '../../../src/metrics/read-metrics.js';
import rule from '../../../src/rules/gap/undocumented-touchpoint.js';
import { readWithConfig } from '../../metrics/mapping-harness.js';
import {
  inventory as inventoryOf,
  metricsOf,
  runRule,
  touchpoint,
} from '../../metrics/rule-harness.js';

const documented = () => [
  touchpoint('welcome-email', 10, { name: 'open_rate' }),
  touchpoint('kickoff-call', 30, { name: 'attendance_rate' }),
];

describe('gap/undocumented-touchpoint', () => {
  it('is an error by default', () => {
    expect(rule.meta.id).toBe('gap/undocumented-touchpoint');
    expect(rule.meta.defaultSeverity).toBe('error');
  });

  it('does nothing without metric exports', () => {
    expect(runRule(rule, { touchpoints: documented() })).toEqual([]);
  });

  it.each([
    { name: 'only documented ids', ignore: [], expected: [] },
    {
      name: 'undocumented ids, with a suggestion for a near miss',
      ignore: [],
      expected: [
        {
          message:
            'welcome-mail appears in the metric exports (3 rows) but not in the inventory; did you mean welcome-email? (map it with aliases:)',
          touchpoint: 'welcome-mail',
          location: { file: 'metrics.csv', line: 4, column: 1 },
        },
        {
          message: 'legacy-popup appears in the metric exports (1 row) but not in the inventory',
          touchpoint: 'legacy-popup',
          location: { file: 'metrics.csv', line: 9, column: 1 },
        },
        {
          message: '__proto__ appears in the metric exports (2 rows) but not in the inventory',
          touchpoint: '__proto__',
          location: { file: 'metrics.csv', line: 12, column: 1 },
        },
      ],
    },
    {
      name: 'ids matched by ignore: globs are skipped',
      ignore: ['legacy-*', '__proto__', 'welcome-mail'],
      expected: [],
    },
  ])('$name', ({ name, ignore, expected }) => {
    const values =
      name === 'only documented ids'
        ? [{ touchpoint: 'welcome-email', metric: 'open_rate', value: 0.4 }]
        : [
            { touchpoint: 'welcome-email', metric: 'open_rate', value: 0.4 },
            { touchpoint: 'welcome-mail', metric: 'open_rate', value: 0.4, rows: 3, line: 4 },
            { touchpoint: 'legacy-popup', metric: 'clicks', value: 1, line: 9 },
            { touchpoint: '__proto__', metric: 'x', value: 1, rows: 2, line: 12 },
          ];
    expect(
      runRule(rule, { touchpoints: documented(), metrics: metricsOf(values), config: { ignore } }),
    ).toEqual(expected);
  });

  it('points at the first CSV row of the id, after aliases', async () => {
    const metrics = await readMetrics(['test/fixtures/metrics/aliases.csv'], {
      config: { ...defaultConfig(), aliases: { 'Welcome Series #1': 'welcome-email' } },
    });
    expect(runRule(rule, { touchpoints: documented(), metrics })).toEqual([
      {
        message: 'legacy-popup appears in the metric exports (1 row) but not in the inventory',
        touchpoint: 'legacy-popup',
        location: { file: 'test/fixtures/metrics/aliases.csv', line: 4, column: 1 },
      },
    ]);
  });

  describe('names that change per send', () => {
    const KLAVIYO = `
sources:
  - match: "klaviyo-campaigns*.csv"
    touchpoint: Campaign Name
    date: Send Time
    metrics:
      - metric: open_rate
        ratio: { numerator: Unique Opens, denominator: Successful Deliveries }
`;
    const FILE = 'test/fixtures/metrics/vendors/klaviyo-campaigns.csv';
    const newsletter = [touchpoint('impact-newsletter', 10, { name: 'open_rate' })];

    it('40 dated campaign names without an alias: one finding with the shared pattern', async () => {
      const metrics = await readWithConfig([FILE], KLAVIYO);
      expect(runRule(rule, { touchpoints: newsletter, metrics })).toEqual([
        {
          message:
            '40 ids like "January 2nd: Impact Report 2026" appear in the metric exports (40 rows) but not in the inventory; they share the pattern "*: Impact Report *": map them with aliases: {"*: Impact Report *": <inventory id>}',
          touchpoint: 'January 2nd: Impact Report 2026',
          location: { file: FILE, line: 2, column: 1 },
        },
      ]);
    });

    it('the suggested pattern as an alias: no finding', async () => {
      const metrics = await readWithConfig(
        [FILE],
        `aliases:\n  "*: Impact Report *": impact-newsletter\n${KLAVIYO}`,
      );
      expect(runRule(rule, { touchpoints: newsletter, metrics })).toEqual([]);
    });
  });

  describe('ids past the first thousand not in the inventory are counted, not kept', () => {
    // Ids without digits or month names have no shape: c-aaa, c-aab, …
    const letters = (i: number): string =>
      [2, 1, 0].map((k) => 'qxz'[Math.floor(i / 3 ** k) % 3]).join('') +
      [5, 4, 3].map((k) => 'kvw'[Math.floor(i / 3 ** k) % 3]).join('');

    it('summarises them per shape with a few examples; ignore:d ids are never reported', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'tp-untracked-'));
      const file = path.join(dir, 'metrics.csv');
      const rows = ['touchpoint_id,metric,value'];
      for (let i = 0; i < 700; i++) rows.push(`c-${letters(i)},open_rate,0.5`);
      for (let i = 0; i < 300; i++) rows.push(`test-${i},open_rate,0.5`);
      for (let i = 700; i < 729; i++) rows.push(`c-${letters(i)},open_rate,0.5`);
      for (let i = 300; i < 400; i++) rows.push(`test-${i},open_rate,0.5`);
      rows.push('welcome-email,open_rate,0.5', `c-${letters(0)},open_rate,0.5`);
      writeFileSync(file, `${rows.join('\n')}\n`);
      const config = { ...defaultConfig(), ignore: ['test-*'] };
      const inventory = { ...inventoryOf(documented()) };
      const metrics = await readMetrics([file], { config, inventory });
      // 1,000 distinct ids outside the inventory were kept: 700 + 300 ignored; the rest counted.
      expect(metrics.ids.size).toBe(1_001);
      expect(metrics.untracked).toEqual({
        limit: 1_000,
        groups: [
          {
            rows: 29,
            location: { file, line: 1002, column: 1 },
            examples: [`c-${letters(700)}`, `c-${letters(701)}`, `c-${letters(702)}`],
          },
        ],
      });
      const reports = runRule(rule, { touchpoints: documented(), metrics, config });
      expect(reports).toHaveLength(701);
      expect(reports[700]).toEqual({
        message: `29 more rows name ids like c-${letters(700)}, c-${letters(701)} and c-${letters(702)} that are not in the inventory (past the first 1000 such ids they are counted, not listed)`,
        touchpoint: `c-${letters(700)}`,
        location: { file, line: 1002, column: 1 },
      });
    });
  });
});
