import { describe, expect, it } from 'vitest';
import { defaultConfig, type MetricSource } from '../../../src/config/config.js';
import { readMetrics } from '../../../src/metrics/read-metrics.js';
import rule from '../../../src/rules/metrics/ambiguous-number.js';
import { runRule, runRuleReports } from '../../metrics/rule-harness.js';

const SESSIONS = { touchpoint: 'Touchpoint', metric: 'sessions', value: 'Sessions' };

const read = (file: string, source: Omit<MetricSource, 'match'> = {}) =>
  readMetrics([`test/fixtures/metrics/vendor/${file}`], {
    config: { ...defaultConfig(), sources: [{ match: file, ...SESSIONS, ...source }] },
  });

describe('metrics/ambiguous-number', () => {
  it('is a warning of the audit phase', () => {
    expect(rule.meta.id).toBe('metrics/ambiguous-number');
    expect(rule.meta.defaultSeverity).toBe('warning');
    expect(rule.phase).toBe('audit');
  });

  it('reports a column whose values all read two ways, at the first, with its column', async () => {
    const metrics = await read('ambiguous-sessions.csv');
    const found = runRuleReports(rule, { touchpoints: [], metrics });
    expect(found.map((r) => [r.messageId, r.location.line, r.location.path])).toEqual([
      ['unsettled', 2, 'Sessions'],
    ]);
  });

  it('reports a column that mixes marks at the value against the first', async () => {
    const metrics = await read('conflicting-marks.csv');
    const found = runRuleReports(rule, { touchpoints: [], metrics });
    expect(found.map((r) => [r.messageId, r.location.line, r.data])).toEqual([
      [
        'conflict',
        4,
        {
          column: 'Sessions',
          mark: '.',
          firstLine: 3,
          firstText: '12.5',
          secondLine: 4,
          secondText: '1,15',
        },
      ],
    ]);
  });

  it('is silent when decimal: settles the column', async () => {
    const metrics = await read('ambiguous-sessions.csv', { decimal: ',' });
    expect(runRule(rule, { touchpoints: [], metrics })).toEqual([]);
  });
});
