import { describe, expect, it } from 'vitest';

import { compareReports } from '../../src/baseline/compare-reports.js';
import type { AuditReport } from '../../src/report.js';
import type { Finding } from '../../src/types.js';
import { fixtureReport } from '../fixtures/reporters/report.js';

const finding = (rule: string, touchpoint: string, extra: Partial<Finding> = {}): Finding => ({
  rule,
  severity: 'warning',
  messageId: 'm',
  data: {},
  message: `${rule} on ${touchpoint}`,
  touchpoint,
  location: { file: 'touchpoints.yaml', line: 1, column: 1 },
  ...extra,
});

const withFindings = (findings: Finding[]): AuditReport => ({ ...fixtureReport, findings });

describe('compareReports', () => {
  it('matches findings by fingerprint as a multiset, wherever they moved; waived ones are not open', () => {
    const previous = withFindings([
      finding('gap/silence', 'qbr'),
      finding('gap/silence', 'qbr'),
      finding('gap/no-data', 'nps-survey'),
      finding('overlap/collision', 'qbr', { waived: { reason: 'planned' } }),
    ]);
    const current = withFindings([
      finding('gap/silence', 'qbr', { location: { file: 'other.yaml', line: 40, column: 3 } }),
      finding('overlap/collision', 'qbr'),
      finding('gap/below-target', 'kickoff-call', { waived: { reason: 'new target' } }),
    ]);
    const { findings } = compareReports(previous, current, 'before.json');
    expect(findings.fixed.map((f) => [f.rule, f.touchpoint, f.touchpointName])).toEqual([
      ['gap/silence', 'qbr', 'Quarterly business review'],
      ['gap/no-data', 'nps-survey', '@NPS survey'],
    ]);
    // Waived before and open now: not new (it was there), still open.
    expect(findings.new).toEqual([]);
    expect(findings.stillOpen).toBe(2);
  });

  it('scores: the change to one decimal, null where one side has none, most changed first', () => {
    const previous: AuditReport = {
      ...fixtureReport,
      summary: { ...fixtureReport.summary, score: 30.05, grade: 'F' },
      scores: fixtureReport.scores && {
        ...fixtureReport.scores,
        touchpoints: fixtureReport.scores.touchpoints.map((t) =>
          t.id === 'qbr' ? { ...t, score: 80 } : t.id === 'nps-survey' ? { ...t, score: 40 } : t,
        ),
      },
    };
    const c = compareReports(previous, fixtureReport, 'before.json');
    expect(c.score).toEqual({ before: 30.05, after: 36.1, change: 6.1 });
    expect(c.improved.map((t) => [t.id, t.change])).toEqual([['nps-survey', 18]]);
    expect(c.declined.map((t) => [t.id, t.change])).toEqual([['qbr', -9]]);
    const unscored = compareReports(
      {
        ...fixtureReport,
        command: 'validate',
        summary: { ...fixtureReport.summary, score: null, grade: null },
        scores: undefined,
      },
      fixtureReport,
      'v.json',
    );
    expect(unscored.score).toEqual({ before: null, after: 36.1, change: null });
    expect(unscored.stages.find((s) => s.id === 'onboarding')).toEqual({
      id: 'onboarding',
      before: null,
      after: 90,
      change: null,
      gradeAfter: 'A',
    });
    expect(unscored.improved).toEqual([]);
  });
});
