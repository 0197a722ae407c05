import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditLoaded } from '../../src/audit.js';
import { defaultConfig } from '../../src/config/config.js';
import { JOURNEY_PRESETS } from '../../src/inventory/journeys.js';
import { parseInventoryTexts } from '../../src/inventory/load-inventory.js';
import type { AuditReport } from '../../src/report.js';

const dir = path.resolve(import.meta.dirname, '../fixtures/timeline');

function auditFixture(name: string): AuditReport {
  const file = `${name}.yaml`;
  const loaded = parseInventoryTexts([{ file, text: readFileSync(path.join(dir, file), 'utf8') }]);
  const report = auditLoaded({ loaded, config: defaultConfig(), asOf: '2026-11-01' });
  expect(report.findings.filter((f) => f.rule.startsWith('schema/'))).toEqual([]);
  return report;
}

/** The timeline findings (overlap, silence, empty stages) of one fixture, as rule: message. */
function timelineFindings(name: string): string[] {
  return auditFixture(name)
    .findings.filter((f) => /^(overlap\/|gap\/(silence|empty-stage))/.test(f.rule))
    .map((f) => `${f.rule}: ${f.message}`);
}

describe('real cadences give the findings a practitioner expects', () => {
  it('three mutually exclusive setup e-mails: no false collision, density or redundancy', () => {
    expect(timelineFindings('exclusive-setup')).toEqual([
      "overlap/collision: 'setup-success-email' and 'tips-email' both reach all customers on day 2",
    ]);
  });

  it('a four-step trial-end sequence is not redundant; its density still counts', () => {
    expect(timelineFindings('trial-sequence')).toEqual([
      'gap/silence: all customers hear nothing proactive for 350 days, from day 15 to day 365 (limit 45 days)',
      'overlap/density: all customers get 4 proactive touches within 7 days between day 11 and day 15 (limit 3): upgrade-offer, trial-reminder-1d, trial-reminder-0d and trial-reminder-after',
    ]);
  });

  it('a 48–72 h window: a possible collision is said to be possible, a certain one certain', () => {
    expect(timelineFindings('window-48-72h')).toEqual([
      "overlap/collision: 'setup-call' and 'tips-email' can collide for all customers between day 2 and day 3",
      "overlap/collision: 'qbr' and 'renewal-reminder' both reach all customers on day 275",
    ]);
  });

  it('a trial-only stage is no gap for paying segments', () => {
    expect(timelineFindings('trial-only-stage')).toEqual([
      "gap/empty-stage: stage 'renewal' has no touchpoint for segment 'starter'",
      'gap/silence: trial, starter and business hear nothing proactive for 365 days, from day 0 to day 365 (limit 45 days)',
    ]);
  });

  it('a post-sale scope: pre-sale stages are neither gaps nor scored', () => {
    expect(timelineFindings('post-sale-scope')).toEqual([
      "gap/empty-stage: stage 'expansion' has no touchpoint",
      'gap/silence: all customers hear nothing proactive for 365 days, from day 0 to day 365 (limit 45 days)',
    ]);
    const stages = auditFixture('post-sale-scope').scores?.stages.map((stage) => stage.id);
    // b2b-saas without awareness, consideration and purchase.
    expect(stages).toEqual(JOURNEY_PRESETS['b2b-saas']?.slice(3));
  });
});
