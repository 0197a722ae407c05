import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/config/config.js';
import { readMetrics } from '../../../src/metrics/read-metrics.js';
import rule from '../../../src/rules/metrics/unknown-column.js';

describe('metrics/unknown-column', () => {
  it('has meta and no check: readMetrics reports it', () => {
    expect(rule.meta.id).toBe('metrics/unknown-column');
    expect(rule.meta.defaultSeverity).toBe('warning');
    expect(rule.phase).toBe('audit');
    expect(rule.check).toBeUndefined();
    for (const text of [rule.meta.description, rule.meta.rationale, rule.meta.fix])
      expect(text.length).toBeGreaterThan(40);
  });

  it('is the rule and severity of unknown-format findings from readMetrics', async () => {
    const result = await readMetrics(['test/fixtures/metrics/unknown.csv'], {
      config: defaultConfig(),
    });
    expect(result.findings).toEqual([
      {
        rule: 'metrics/unknown-column',
        severity: 'warning',
        message:
          'no known metric format: expected columns "touchpoint_id", "metric", "value" [, "date", "segment"] (long), "touchpoint_id" plus one column per metric (wide), or a sources: entry in the config matching "unknown.csv"; saw "campaign", "opens", "sends"',
        location: { file: 'test/fixtures/metrics/unknown.csv', line: 1, column: 1 },
      },
    ]);
  });
});
