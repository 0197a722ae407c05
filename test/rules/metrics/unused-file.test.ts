import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/metrics/unused-file.js';
import { readWithConfig } from '../../metrics/mapping-harness.js';
import { runRule } from '../../metrics/rule-harness.js';

const FILE = 'test/fixtures/metrics/vendors/whatsapp-broadcast.csv';
const config = (status: string) => `
sources:
  - match: "whatsapp-*.csv"
    touchpoint: { id: renewal-whatsapp }
    filter: { Status: ${status} }
    metrics:
      - metric: read_rate
        aggregate: { fn: share, column: Dibaca, where: { in: Ya } }
`;

describe('metrics/unused-file', () => {
  it('is a warning of the audit phase', () => {
    expect(rule.meta.defaultSeverity).toBe('warning');
    expect(rule.phase).toBe('audit');
  });

  it('reports a file none of whose rows gives a value (a filter value that never occurs)', async () => {
    const metrics = await readWithConfig([FILE], config('Delivered'));
    expect(runRule(rule, { touchpoints: [], metrics })).toEqual([
      {
        message:
          'the file contributes no value to the audit: 30 data rows, 30 empty, N/A or filtered out, 0 bad, 0 after the as-of date',
        location: { file: FILE, line: 1, column: 1 },
      },
    ]);
  });

  it('is silent when a row gives a value', async () => {
    const metrics = await readWithConfig([FILE], config('Terkirim'));
    expect(runRule(rule, { touchpoints: [], metrics })).toEqual([]);
  });
});
