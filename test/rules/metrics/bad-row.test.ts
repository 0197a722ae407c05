import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/config/config.js';
import { readMetrics } from '../../../src/metrics/read-metrics.js';
import rule from '../../../src/rules/metrics/bad-row.js';

describe('metrics/bad-row', () => {
  it('has meta and no check: readMetrics reports it', () => {
    expect(rule.meta.id).toBe('metrics/bad-row');
    expect(rule.meta.defaultSeverity).toBe('warning');
    expect(rule.phase).toBe('audit');
    expect(rule.check).toBeUndefined();
    for (const text of [rule.meta.description, rule.meta.rationale, rule.meta.fix])
      expect(text.length).toBeGreaterThan(40);
  });

  it('is the rule and severity of bad-row findings from readMetrics', async () => {
    const result = await readMetrics(['test/fixtures/metrics/ragged.csv'], {
      config: defaultConfig(),
    });
    expect(result.findings).toEqual([
      {
        rule: 'metrics/bad-row',
        severity: 'warning',
        message: 'the row has 2 fields, the header has 3',
        location: { file: 'test/fixtures/metrics/ragged.csv', line: 2, column: 1 },
      },
      {
        rule: 'metrics/bad-row',
        severity: 'warning',
        message: 'the row has 4 fields, the header has 3',
        location: { file: 'test/fixtures/metrics/ragged.csv', line: 3, column: 1 },
      },
    ]);
  });
});
