import { describe, expect, it } from 'vitest';

import type { AuditReport } from '../../src/report.js';
import { timelineMarks } from '../../src/reporters/timeline-marks.js';
import type { Finding } from '../../src/types.js';
import { fixtureReport } from '../fixtures/reporters/report.js';

function withFindings(findings: Finding[]): AuditReport {
  return { ...fixtureReport, findings };
}

function finding(rule: string, message: string, extra: Partial<Finding> = {}): Finding {
  return {
    rule,
    severity: 'warning',
    message,
    messageId: 'x',
    data: {},
    location: { file: 'a.yaml', line: 1, column: 1 },
    ...extra,
  };
}

describe('timelineMarks', () => {
  it('reads days and segments from the fixture messages', () => {
    expect(timelineMarks(fixtureReport)).toEqual({
      collisions: [
        {
          segment: 'enterprise',
          day: 360,
          touchpoints: ['qbr', 'renewal-reminder'],
          message: 'qbr and renewal-reminder both land on day 360 for segment enterprise',
        },
      ],
      silences: [
        {
          segment: 'enterprise',
          from: 17,
          to: 90,
          message:
            'Segment enterprise: no proactive touch from day 17 to day 90 (73 days; allowed 45d)',
        },
        {
          segment: 'smb',
          from: 120,
          to: 300,
          message:
            'Segment smb: no proactive touch from day 120 to day 300 (180 days; allowed 45d)',
        },
      ],
    });
  });

  it('falls back to where the touchpoints come closest, in every segment holding both', () => {
    const marks = timelineMarks(
      withFindings([
        finding('overlap/collision', 'These two collide', {
          touchpoint: 'nps-survey',
          related: ['qbr'],
        }),
      ]),
    );
    expect(marks.collisions.map((m) => [m.segment, m.day, m.touchpoints])).toEqual([
      ['enterprise', 90, ['qbr', 'nps-survey']],
      ['enterprise', 270, ['qbr', 'nps-survey']],
    ]);
  });

  it('falls back to the k-th longest silent stretch of the named segment', () => {
    const marks = timelineMarks(
      withFindings([
        finding('gap/silence', 'smb is silent too long'),
        finding('gap/silence', 'smb is silent too long, again'),
      ]),
    );
    expect(marks.silences.map((m) => [m.segment, m.from, m.to])).toEqual([
      ['smb', 120, 300],
      ['smb', 45, 120],
    ]);
  });

  it('skips waived findings and reports without a timeline', () => {
    const waived = finding('overlap/collision', 'day 360 enterprise', {
      touchpoint: 'qbr',
      related: ['renewal-reminder'],
      waived: { reason: 'ok' },
    });
    expect(timelineMarks(withFindings([waived]))).toEqual({ collisions: [], silences: [] });
    expect(timelineMarks({ ...fixtureReport, timeline: undefined })).toEqual({
      collisions: [],
      silences: [],
    });
  });
});

describe('timelineMarks with the collision rule wording', () => {
  const report: AuditReport = {
    ...fixtureReport,
    timeline: {
      horizon: 365,
      segments: [
        {
          id: 'enterprise',
          occurrences: [
            { touchpoint: 'qbr', day: 88 },
            { touchpoint: 'renewal-reminder', day: 90 },
            { touchpoint: 'qbr', day: 178 },
            { touchpoint: 'renewal-reminder', day: 180 },
            { touchpoint: 'qbr', day: 268 },
            { touchpoint: 'renewal-reminder', day: 275 },
          ],
        },
        { id: 'smb', occurrences: [{ touchpoint: 'qbr', day: 88 }] },
      ],
    },
  };

  it('marks every meeting of a recurring pair at most the named distance apart', () => {
    const marks = timelineMarks({
      ...report,
      findings: [
        finding(
          'overlap/collision',
          "'qbr' and 'renewal-reminder' both reach enterprise 2 days apart, on day 88 and day 90 (and 1 more time)",
          { touchpoint: 'qbr', related: ['renewal-reminder'] },
        ),
      ],
    });
    expect(marks.collisions.map((m) => [m.segment, m.day, m.touchpoints])).toEqual([
      ['enterprise', 88, ['qbr', 'renewal-reminder']],
      ['enterprise', 178, ['qbr', 'renewal-reminder']],
    ]);
  });
});
