import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/config/config.js';
import { readMetrics } from '../../../src/metrics/read-metrics.js';
import rule from '../../../src/rules/metrics/mixed-date-order.js';
import { runRule } from '../../metrics/rule-harness.js';

const read = (file: string) =>
  readMetrics([`test/fixtures/metrics/vendor/${file}`], { config: defaultConfig() });

describe('metrics/mixed-date-order', () => {
  it('is an error of the audit phase', () => {
    expect(rule.meta.id).toBe('metrics/mixed-date-order');
    expect(rule.meta.defaultSeverity).toBe('error');
    expect(rule.phase).toBe('audit');
  });

  it('reports a column holding both day-first and month-first dates, naming both lines', async () => {
    const metrics = await read('mixed-order.csv');
    expect(runRule(rule, { touchpoints: [], metrics }).map((r) => r.message)).toEqual([
      'column date mixes date orders: line 2 ("15/01/2025") is only valid day-first (dmy), line 4 ("1/20/2025") is not',
    ]);
  });

  it('is silent on a column in one order', async () => {
    const metrics = await read('ambiguous-order.csv');
    expect(runRule(rule, { touchpoints: [], metrics })).toEqual([]);
  });
});
