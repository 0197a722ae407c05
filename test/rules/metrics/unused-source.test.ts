import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/metrics/unused-source.js';
import { readWithConfig } from '../../metrics/mapping-harness.js';
import { runRule } from '../../metrics/rule-harness.js';

const FILE = 'test/fixtures/metrics/vendors/typeform-nps.csv';

describe('metrics/unused-source', () => {
  it('is a warning of the audit phase', () => {
    expect(rule.meta.defaultSeverity).toBe('warning');
    expect(rule.phase).toBe('audit');
  });

  it('reports an entry whose match fits no file given, at the entry', async () => {
    const metrics = await readWithConfig(
      [FILE],
      'sources:\n  - match: "typeform-*.csv"\n    dateOrder: dmy\n  - match: "type-form-*.csv"\n    dateOrder: dmy\n',
    );
    expect(runRule(rule, { touchpoints: [], metrics })).toEqual([
      {
        message: 'the sources: entry "type-form-*.csv" matches none of the 1 metric file given',
        location: {
          file: 'touchpoint.config.yaml',
          line: 6,
          column: 5,
          endLine: 7,
          endColumn: 19,
          path: 'sources[1]',
        },
      },
    ]);
  });
});
