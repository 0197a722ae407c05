import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/config/config.js';
import { readMetrics } from '../../../src/metrics/read-metrics.js';
import rule from '../../../src/rules/metrics/ambiguous-date.js';
import { runRule } from '../../metrics/rule-harness.js';

const read = (file: string, locale?: string) =>
  readMetrics([`test/fixtures/metrics/vendor/${file}`], {
    config: locale === undefined ? defaultConfig() : { ...defaultConfig(), locale },
  });

describe('metrics/ambiguous-date', () => {
  it('is a warning of the audit phase', () => {
    expect(rule.meta.id).toBe('metrics/ambiguous-date');
    expect(rule.meta.defaultSeverity).toBe('warning');
    expect(rule.phase).toBe('audit');
  });

  it('reports a date column that reads both ways, read day-first', async () => {
    const metrics = await read('ambiguous-order.csv');
    expect(runRule(rule, { touchpoints: [], metrics }).map((r) => r.location.line)).toEqual([2]);
  });

  it('is silent when locale: settles the order', async () => {
    const metrics = await read('ambiguous-order.csv', 'en-US');
    expect(runRule(rule, { touchpoints: [], metrics })).toEqual([]);
  });
});
