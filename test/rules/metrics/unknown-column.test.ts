import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/config/config.js';
import { readMetrics } from '../../../src/metrics/read-metrics.js';
import rule from '../../../src/rules/metrics/unknown-column.js';
import { runRule, runRuleReports, touchpoint } from '../../metrics/rule-harness.js';

const read = (file: string) =>
  readMetrics([`test/fixtures/metrics/${file}`], { config: defaultConfig() });

describe('metrics/unknown-column', () => {
  it('has meta and reports the reader’s file problems', () => {
    expect(rule.meta.id).toBe('metrics/unknown-column');
    expect(rule.meta.defaultSeverity).toBe('warning');
    expect(rule.phase).toBe('audit');
    for (const text of [rule.meta.description, rule.meta.rationale, rule.meta.fix])
      expect(text.length).toBeGreaterThan(40);
  });

  it('turns an unknown header into a finding on line 1', async () => {
    const metrics = await read('unknown.csv');
    expect(runRule(rule, { touchpoints: [], metrics })).toEqual([
      {
        message:
          'no known metric format: expected columns "touchpoint_id", "metric", "value" [, "date", "segment"] (long), "touchpoint_id" plus one column per metric (wide), or a sources: entry in the config matching "unknown.csv"; saw "campaign", "opens", "sends"',
        location: { file: 'test/fixtures/metrics/unknown.csv', line: 1, column: 1 },
      },
    ]);
  });

  it('quotes the first eight names of a wide header and counts the rest', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tp-unknown-')), 'wide.csv');
    const names = Array.from({ length: 12 }, (_, i) => `c${i + 1}`);
    writeFileSync(file, `${names.join(',')}\n1,2,3,4,5,6,7,8,9,10,11,12\n`);
    const metrics = await readMetrics([file], { config: defaultConfig() });
    const [finding] = runRule(rule, { touchpoints: [], metrics });
    expect(finding?.message).toMatch(
      /; saw "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", … \(4 more\)$/,
    );
  });

  it('leaves bad rows to metrics/bad-row', async () => {
    const metrics = await read('ragged.csv');
    expect(metrics.problems).toHaveLength(2);
    expect(runRule(rule, { touchpoints: [], metrics })).toEqual([]);
  });

  it('names the vendor of a recognised export and quotes the entry that maps it', async () => {
    const metrics = await read('profiles/qualtrics-onboarding.csv');
    const onboarding = {
      ...touchpoint('onboarding-survey', 1, { name: 'csat' }),
      channel: 'survey',
    };
    const source = {
      match: 'qualtrics-onboarding.csv',
      touchpoint: { id: 'onboarding-survey' },
      date: 'RecordedDate',
      skipRows: 1,
      metrics: [
        { metric: 'csat', aggregate: { fn: 'mean', column: 'Q1' } },
        { metric: 'responses', aggregate: { fn: 'count' } },
      ],
    };
    const line =
      '{ match: qualtrics-onboarding.csv, touchpoint: { id: onboarding-survey }, date: RecordedDate, skipRows: 1, metrics: [ { metric: csat, aggregate: { fn: mean, column: Q1 } }, { metric: responses, aggregate: { fn: count } } ] }';
    const reports = runRuleReports(rule, { touchpoints: [onboarding], metrics });
    expect(reports.map((r) => [r.messageId, r.data])).toEqual([
      [
        'vendorExport',
        {
          baseName: 'qualtrics-onboarding.csv',
          vendor: 'qualtrics',
          vendorName: 'Qualtrics survey export',
          source,
          yaml: line,
        },
      ],
    ]);
    expect(runRule(rule, { touchpoints: [onboarding], metrics })).toEqual([
      {
        message: `"qualtrics-onboarding.csv" is a Qualtrics survey export, which no sources: entry in the config maps; add this entry under sources: - ${line} (touchpoint sources qualtrics-onboarding.csv shows the values it gives, --write adds it)`,
        location: {
          file: 'test/fixtures/metrics/profiles/qualtrics-onboarding.csv',
          line: 1,
          column: 1,
        },
      },
    ]);
  });
});
