import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditLoaded } from '../../src/audit.js';
import { defaultConfig } from '../../src/config/config.js';
import { JOURNEY_PRESETS } from '../../src/inventory/journeys.js';
import { parseInventoryTexts } from '../../src/inventory/load-inventory.js';
import type { AuditReport } from '../../src/report.js';

const dir = path.resolve(import.meta.dirname, '../fixtures/timeline');

/** Audits a fixture, with the touchpoint entries named in `without` cut out of its text. */
function auditFixture(name: string, without: readonly string[] = []): AuditReport {
  const file = `${name}.yaml`;
  let text = readFileSync(path.join(dir, file), 'utf8');
  for (const id of without) {
    const start = text.indexOf(`  - id: ${id}\n`);
    const next = text.indexOf('\n  - id: ', start + 1);
    text = text.slice(0, start) + (next === -1 ? '' : text.slice(next + 1));
  }
  const loaded = parseInventoryTexts([{ file, text }]);
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
      "overlap/collision: 'setup-success-email' and 'tips-email' both reach all customers on day 2; move 'setup-success-email' from day 2 to day 3",
    ]);
  });

  it('a four-step trial-end sequence is not redundant; its density still counts', () => {
    expect(timelineFindings('trial-sequence')).toEqual([
      'gap/silence: all customers hear nothing proactive for 350 days, from day 15 to day 365 (limit 45 days)',
      "overlap/density: all customers get 4 proactive touches within 7 days between day 11 and day 15 (limit 3): upgrade-offer, trial-reminder-1d, trial-reminder-0d and trial-reminder-after; move 'trial-reminder-after' from day 15 to day 18",
    ]);
  });

  it('a 48–72 h window: a possible collision is said to be possible, a certain one certain', () => {
    expect(timelineFindings('window-48-72h')).toEqual([
      "overlap/collision: 'setup-call' and 'tips-email' can collide for all customers between day 2 and day 3; move 'setup-call' from day 2 to day 1",
      "overlap/collision: 'qbr' and 'renewal-reminder' both reach all customers on day 275; move 'qbr' from day 275 to day 276",
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

describe('a tiered cadence with weekly onboarding (timing per segment, phases, own lifecycle)', () => {
  const report = auditFixture('tiered-cadence');
  const lane = (segment: string, touchpoint: string): number[] =>
    (report.timeline?.segments.find((s) => s.id === segment)?.occurrences ?? [])
      .filter((o) => o.touchpoint === touchpoint)
      .map((o) => o.day);

  it('places each tier on its own cadence: weekly to go-live, then its tier interval', () => {
    expect(lane('priority-1', 'success-call').slice(0, 8)).toEqual([0, 7, 14, 21, 28, 42, 56, 70]);
    expect(lane('priority-1', 'success-call').at(-1)).toBe(364);
    expect(lane('priority-2', 'success-call')).toEqual([
      0, 7, 14, 21, 28, 58, 88, 118, 148, 178, 208, 238, 268, 298, 328, 358,
    ]);
    // Commercial goes live on its own day 44: six onboarding weeks, then quarterly.
    expect(lane('commercial', 'success-call')).toEqual([0, 7, 14, 21, 28, 35, 42, 132, 222, 312]);
    expect(lane('commercial', 'newsletter').slice(0, 3)).toEqual([49, 79, 109]);
  });

  it('gives no false silence, collision or density: the newsletter fills the quarterly gaps', () => {
    expect(timelineFindings('tiered-cadence')).toEqual([]);
  });

  it('still catches the real gap: without the newsletter, commercial accounts go silent', () => {
    const findings = auditFixture('tiered-cadence', ['newsletter'])
      .findings.filter((f) => f.rule === 'gap/silence')
      .map((f) => f.message);
    expect([...findings].sort()).toEqual([
      'commercial hears nothing proactive for 53 days, from day 312 to day 365 (limit 45 days)',
      'commercial hears nothing proactive for 90 days, from day 132 to day 222 (limit 45 days)',
      'commercial hears nothing proactive for 90 days, from day 222 to day 312 (limit 45 days)',
      'commercial hears nothing proactive for 90 days, from day 42 to day 132 (limit 45 days)',
    ]);
  });
});

describe('a monthly calendar newsletter (placed at its worst-case alignment, and said so)', () => {
  it('collides with a monthly review on every month at worst: the real finding, marked', () => {
    const findings = auditFixture('calendar-newsletter').findings.filter((f) =>
      f.rule.startsWith('overlap/'),
    );
    expect(findings.map((f) => `${f.rule}: ${f.message}`)).toEqual([
      "overlap/collision: 'newsletter' and 'success-review' both reach all customers on day 14 (and 11 more times) (newsletter: on the calendar, placed at the worst-case alignment)",
    ]);
    expect(findings[0]?.data.calendar).toEqual(['newsletter']);
  });

  it('without the review, its worst case is the onboarding week: a collision and a density breach', () => {
    const report = auditFixture('calendar-newsletter', ['success-review']);
    expect(
      report.findings.filter((f) => f.rule.startsWith('overlap/')).map((f) => f.message),
    ).toEqual([
      'all customers get 4 proactive touches within 7 days between day 0 and day 4 (limit 3): newsletter, welcome-email, setup-call and tips-email (newsletter: on the calendar, placed at the worst-case alignment)',
      "'newsletter' and 'welcome-email' both reach all customers on day 0 (newsletter: on the calendar, placed at the worst-case alignment)",
    ]);
    const lane = report.timeline?.segments[0]?.occurrences ?? [];
    expect(lane.filter((o) => o.touchpoint === 'newsletter').map((o) => o.day)).toEqual([
      0, 30, 60, 90, 120, 150, 180, 210, 240, 270, 300, 330, 360,
    ]);
  });
});
