import { describe, expect, it } from 'vitest';
import rule, { isSendCount } from '../../../src/rules/gap/not-running.js';
import type { MetricValue } from '../../../src/metrics/types.js';
import { metricsOf, runRule, touchpoint } from '../../metrics/rule-harness.js';

const planned = (segments: string[]) => ({
  ...touchpoint('welcome-email', 10, { name: 'open_rate' }),
  segments,
  fields: { segments: { file: 'touchpoints.yaml', line: 14, column: 15 } },
});

const sent = (value: Partial<MetricValue>) =>
  metricsOf([{ touchpoint: 'welcome-email', metric: 'sent', rows: 4, line: 3, ...value }]);

const at = { file: 'touchpoints.yaml', line: 14, column: 15 };

describe('gap/not-running', () => {
  it('has meta', () => {
    expect(rule.meta.id).toBe('gap/not-running');
    expect(rule.meta.defaultSeverity).toBe('warning');
  });

  it.each([
    ['sent', true],
    ['Delivered', true],
    ['emails_sent', true],
    ['Emails Sent', true],
    ['deliveries', true],
    ['open_rate', false],
    ['sentiment', false],
    ['resent_rate', false],
  ])('%s is a send count: %s', (name, expected) => {
    expect(isSendCount(name)).toBe(expected);
  });

  it('flags a pooled send count of zero', () => {
    expect(
      runRule(rule, { touchpoints: [planned([])], metrics: sent({ value: 0, rows: 4 }) }),
    ).toEqual([
      {
        message:
          'sent is 0 in every row of the period (4 rows from metrics.csv:3): the touchpoint is planned but sent nothing',
        touchpoint: 'welcome-email',
        field: 'segments',
        location: at,
      },
    ]);
  });

  it('names the planned segments that received nothing, including one with no rows', () => {
    const metrics = sent({
      value: 40,
      segments: {
        enterprise: { value: 120, rows: 2 },
        'mid-market': { value: 0, rows: 2 },
      },
    });
    const reports = runRule(rule, {
      touchpoints: [planned(['enterprise', 'mid-market', 'smb'])],
      metrics,
    });
    expect(reports).toEqual([
      {
        message:
          'planned for enterprise, mid-market and smb, but sent in metrics.csv shows no sends to mid-market and smb in the period',
        touchpoint: 'welcome-email',
        field: 'segments',
        location: at,
      },
    ]);
  });

  it('is silent when every planned segment received sends, or a segment is not planned', () => {
    const metrics = sent({
      value: 40,
      segments: { enterprise: { value: 120, rows: 2 }, smb: { value: 0, rows: 2 } },
    });
    expect(runRule(rule, { touchpoints: [planned(['enterprise'])], metrics })).toEqual([]);
  });

  it('leaves a send count with no rows in the period to gap/no-data', () => {
    expect(runRule(rule, { touchpoints: [planned([])], metrics: sent({ rows: 0 }) })).toEqual([]);
  });

  it('ignores metrics that are not send counts and touchpoints not in the inventory', () => {
    const metrics = metricsOf([
      { touchpoint: 'welcome-email', metric: 'open_rate', value: 0 },
      { touchpoint: 'someone-else', metric: 'sent', value: 0 },
    ]);
    expect(runRule(rule, { touchpoints: [planned([])], metrics })).toEqual([]);
    expect(runRule(rule, { touchpoints: [planned([])] })).toEqual([]);
  });
});
