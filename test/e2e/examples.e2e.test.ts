import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

interface JsonReport {
  findings: {
    rule: string;
    touchpoint?: string;
    waived?: unknown;
    message: string;
    location: { file: string; line: number };
  }[];
  summary: { score: number; grade: string; findings: Record<string, number> };
}

function audit(example: string): { status: number | null; stderr: string; report: JsonReport } {
  const result = runCli(['audit', `examples/${example}`, '-f', 'json', '--as-of', '2026-11-15']);
  return {
    status: result.status,
    stderr: result.stderr,
    report: JSON.parse(result.stdout) as JsonReport,
  };
}

const summarise = (report: JsonReport): string[] =>
  report.findings.map((f) => `${f.rule} ${f.touchpoint ?? ''}${f.waived ? ' (waived)' : ''}`);

describe('the bundled examples, audited with their metric exports (binary)', () => {
  it('b2b-saas: the findings a consultant expects, including the European helpdesk export', () => {
    const { status, stderr, report } = audit('b2b-saas');
    expect(status).toBe(1);
    expect(stderr).toBe("touchpoint: failed: 6 findings at or above 'error'\n");
    expect(summarise(report)).toEqual([
      'metrics/bad-row welcome-email',
      'gap/undocumented-touchpoint trial-expiry-warning',
      'gap/undocumented-touchpoint black-friday-teaser',
      'metrics/bad-row onboarding-email-day-7',
      'metrics/bad-row csat-after-ticket',
      'gap/no-data linkedin-ads',
      'gap/stale-data product-webinar',
      'gap/below-target proposal',
      'gap/no-data contract-signature (waived)',
      'gap/below-target go-live-readiness-check',
      'gap/below-target onboarding-email-day-3',
      'overlap/density onboarding-email-day-7',
      'gap/below-target in-app-product-tour',
      'schema/vague-purpose usage-nudge',
      'gap/below-target product-update-email',
      'overlap/collision qbr',
      'gap/below-target qbr',
      'gap/silence nps-survey',
      'gap/below-target nps-survey',
      'ownerless/unknown-owner health-score-alert',
      'gap/below-target renewal-negotiation',
      'ownerless/placeholder-owner case-study-request',
      'gap/no-data case-study-request',
      'gap/below-target referral-ask',
      'schema/invalid community-forum',
      'gap/below-target priority-support-line',
      'gap/no-data help-centre',
      'gap/below-target csat-after-ticket',
    ]);
    const messages = report.findings.map((f) => f.message);
    expect(messages).toContain(
      'trial-expiry-warning appears in the metric exports (4 rows) but not in the inventory',
    );
    expect(messages).toContain(
      "'qbr' and 'renewal-reminder-90d' both reach enterprise on day 275; move 'qbr' from day 275 to day 276",
    );
    // `;`, decimal comma, BOM, CRLF, DD/MM/YYYY and `87%` cells, read without a config.
    expect(messages).toContain(
      'first_response_hours is 1 h 24 min, target <= 1 h (attainment 71%)',
    );
    expect(messages).toContain('csat is 85.4%, target >= 90% (attainment 95%)');
    const undocumented = report.findings.find((f) => f.touchpoint === 'trial-expiry-warning');
    expect(undocumented?.location).toMatchObject({
      file: 'examples/b2b-saas/metrics/email-platform.csv',
      line: 166,
    });
  });

  it('b2c-retail: vendor export via sources:, tab-separated service data, transactional messages exempt from density', () => {
    const { status, report } = audit('b2c-retail');
    expect(status).toBe(1);
    expect(summarise(report)).toEqual([
      'gap/undocumented-touchpoint tiktok-ads',
      'gap/no-data instagram-content (waived)',
      'gap/below-target website',
      'gap/below-target abandoned-cart-email',
      'gap/below-target delivery-sms',
      'overlap/density review-request',
      'gap/below-target review-request',
      'gap/below-target customer-service-phone',
      'ownerless/missing-owner in-store-service',
      'gap/no-data in-store-service',
      'gap/stale-data loyalty-programme',
      'overlap/redundant newsletter',
      'gap/below-target promo-email',
      'schema/unknown-reference win-back-email',
      'gap/below-target win-back-email',
    ]);
    expect(report.summary).toMatchObject({
      score: 94.7,
      grade: 'A',
      findings: { error: 3, warning: 11, info: 0, waived: 1 },
    });
  });

  it('support-tiers: per-segment targets report the tier that misses, not the others', () => {
    const result = runCli([
      'audit',
      'examples/support-tiers',
      '-f',
      'json',
      '--as-of',
      '2026-04-30',
    ]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as JsonReport & {
      scores: { touchpoints: { metric?: { attainment?: number; segments?: unknown[] } }[] };
    };
    // Mean first reply per tier, from the export's minutes: enterprise 41.5 min (<= 1h met),
    // scale 24.8 h (the default <= 48h met), smb 7.11 h (<= 4h missed).
    expect(report.findings.map((f) => [f.rule, f.touchpoint, f.location.line, f.message])).toEqual([
      [
        'gap/below-target',
        'support-ticket',
        27,
        'first_reply_hours for smb is 7 h 7 min, target <= 4 h (attainment 56%)',
      ],
    ]);
    const metric = report.scores.touchpoints[0]?.metric;
    expect(metric?.segments?.map((s) => (s as { segment: string }).segment)).toEqual([
      'enterprise',
      'scale',
      'smb',
    ]);
    expect(metric?.attainment).toBe(0.854);
  });
});
