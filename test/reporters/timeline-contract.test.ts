import { describe, expect, it } from 'vitest';
import { auditLoaded } from '../../src/audit.js';
import { defaultConfig } from '../../src/config/config.js';
import { parseInventoryTexts } from '../../src/inventory/load-inventory.js';
import { htmlReporter } from '../../src/reporters/html.js';
import { timelineMarks } from '../../src/reporters/timeline-marks.js';
import { RULE_CATALOGUE } from '../../src/rules/index.js';

/** Two touchpoints 0.66 days apart in one segment: the message rounds the first day to 0.34. */
const INVENTORY = `version: 1
journey: [onboarding]
segments: [smb]
lifecycle:
  contract-start: 0d
touchpoints:
  - id: welcome-email
    stage: onboarding
    purpose: Welcome the new customer and point them to the setup guide.
    channel: email
    owner: cs
    timing: { anchor: contract-start, at: 484min }
    metric: { name: open_rate, target: ">= 0.5" }
  - id: kickoff-call
    stage: onboarding
    purpose: Agree on goals and success criteria with the customer's team.
    channel: video-call
    owner: cs
    timing: { anchor: contract-start, at: 1d }
    metric: { name: attendance_rate, target: ">= 0.9" }
`;

describe('real rules into the HTML timeline (contract)', () => {
  const loaded = parseInventoryTexts([{ file: 'touchpoints.yaml', text: INVENTORY }]);
  const report = auditLoaded({ loaded, config: defaultConfig(), asOf: '2026-11-15' });
  const collision = report.findings.find((f) => f.rule === 'overlap/collision');

  it('reports the 0.66-day collision with its exact days as data', () => {
    expect(collision?.message).toBe(
      "'welcome-email' and 'kickoff-call' both reach smb 0.66 days apart, on day 0.34 and day 1; move 'kickoff-call' from day 1 to day 2",
    );
    expect(collision?.messageId).toBe('apart');
    expect(collision?.data).toEqual({
      first: 'welcome-email',
      second: 'kickoff-call',
      segments: ['smb'],
      day: 484 / 1440,
      otherDay: 1,
      apart: 1 - 484 / 1440,
      window: 1,
      more: 0,
      suggestion: { touchpoint: 'kickoff-call', from: 1, to: 2, shift: 1, at: 2 },
      search: { outcome: 'moved', tried: 2, rejected: expect.any(Array) as unknown, more: 0 },
    });
  });

  it('marks the collision where the touchpoints are, not where the rounded message says', () => {
    expect(timelineMarks(report).collisions).toEqual([
      {
        segment: 'smb',
        day: 484 / 1440,
        touchpoints: ['welcome-email', 'kickoff-call'],
        message: collision?.message,
      },
    ]);
  });

  it('draws it in the HTML report', () => {
    const html = htmlReporter(report, {
      cwd: '/work',
      color: false,
      rules: RULE_CATALOGUE,
      explain: false,
      by: 'touchpoint',
    });
    // Once on the wide day strip and once on the narrow one (CSS shows one of them).
    const marks = html.match(/<rect class="collision"[^>]*><title>[^<]*<\/title>/g) ?? [];
    expect(marks).toHaveLength(2);
    for (const mark of marks) expect(mark).toContain('both reach smb 0.66 days apart');
    // Its printed label rounds the day; the mark itself sits on the exact day.
    expect(html).toContain('<strong>collision, day 0.3</strong>');
  });
});
