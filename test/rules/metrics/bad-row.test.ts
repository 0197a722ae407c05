import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/config/config.js';
import { readMetrics } from '../../../src/metrics/read-metrics.js';
import rule from '../../../src/rules/metrics/bad-row.js';
import { runRule } from '../../metrics/rule-harness.js';

const read = (file: string) =>
  readMetrics([`test/fixtures/metrics/${file}`], { config: defaultConfig() });

describe('metrics/bad-row', () => {
  it('has meta and reports the reader’s bad-row problems', () => {
    expect(rule.meta.id).toBe('metrics/bad-row');
    expect(rule.meta.defaultSeverity).toBe('warning');
    expect(rule.phase).toBe('audit');
    for (const text of [rule.meta.description, rule.meta.rationale, rule.meta.fix])
      expect(text.length).toBeGreaterThan(40);
  });

  it('turns each bad row into a finding at its line', async () => {
    const metrics = await read('ragged.csv');
    expect(runRule(rule, { touchpoints: [], metrics })).toEqual([
      {
        message: 'the row has 2 fields, the header has 3',
        location: { file: 'test/fixtures/metrics/ragged.csv', line: 2, column: 1 },
      },
      {
        message: 'the row has 4 fields, the header has 3',
        location: { file: 'test/fixtures/metrics/ragged.csv', line: 3, column: 1 },
      },
    ]);
  });

  it('names the touchpoint and the column of a bad cell', async () => {
    const metrics = await read('bad-rows.csv');
    expect(runRule(rule, { touchpoints: [], metrics })[0]).toEqual({
      message: 'value "abc" is not a number',
      touchpoint: 'welcome-email',
      location: { file: 'test/fixtures/metrics/bad-rows.csv', line: 2, column: 1, path: 'value' },
    });
  });

  it('leaves file problems to metrics/unknown-column', async () => {
    const metrics = await read('unknown.csv');
    expect(metrics.problems).toHaveLength(1);
    expect(runRule(rule, { touchpoints: [], metrics })).toEqual([]);
  });
});
