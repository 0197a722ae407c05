import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/metrics/duplicate-source.js';
import { readWithConfig } from '../../metrics/mapping-harness.js';
import { runRule } from '../../metrics/rule-harness.js';

const FILE = 'test/fixtures/metrics/vendors/mailchimp-campaigns.csv';
const entry = (match: string) => `
  - match: "${match}"
    touchpoint: Title
    metrics:
      - metric: open_rate
        ratio: { numerator: Unique Opens, denominator: Successful Deliveries }`;

describe('metrics/duplicate-source', () => {
  it('is an error of the audit phase', () => {
    expect(rule.meta.defaultSeverity).toBe('error');
    expect(rule.phase).toBe('audit');
  });

  it('reports the second entry giving a metric the first one already gives, at the entry', async () => {
    const metrics = await readWithConfig(
      [FILE],
      `sources:${entry('mailchimp-*.csv')}${entry('*.csv')}\n`,
    );
    expect(runRule(rule, { touchpoints: [], metrics })).toEqual([
      {
        message:
          'mailchimp-campaigns.csv is matched by the sources: entries "mailchimp-*.csv" and "*.csv", which both give open_rate: only "mailchimp-*.csv" is read for it',
        location: {
          file: 'touchpoint.config.yaml',
          line: 9,
          column: 5,
          endLine: 13,
          endColumn: 79,
          path: 'sources[1]',
        },
      },
    ]);
  });

  it('is silent when each entry gives other metrics', async () => {
    const other = entry('*.csv').replace('open_rate', 'opens');
    const metrics = await readWithConfig([FILE], `sources:${entry('mailchimp-*.csv')}${other}\n`);
    expect(runRule(rule, { touchpoints: [], metrics })).toEqual([]);
  });
});
