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
  it('reads days and segments from the fixture findings’ data', () => {
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
      // The fixture's one density breach is waived.
      densities: [],
    });
  });

  it('draws nothing for a finding whose data is not a collision’s or a silence’s', () => {
    const marks = timelineMarks(
      withFindings([
        finding('overlap/collision', 'These two collide', {
          touchpoint: 'nps-survey',
          related: ['qbr'],
        }),
        finding('gap/silence', 'smb is silent too long'),
        finding('overlap/density', 'crowded', { data: { segments: ['smb'], from: 3 } }),
      ]),
    );
    expect(marks).toEqual({ collisions: [], silences: [], densities: [] });
  });

  it('marks a density breach in every segment its data names that has a timeline', () => {
    const density = finding('overlap/density', 'enterprise and smb get 4 email touches', {
      touchpoint: 'welcome-email',
      data: {
        segments: ['enterprise', 'smb', 'no-such-segment'],
        peak: 4,
        max: 3,
        window: 7,
        from: 0,
        to: 5,
        touchpoints: ['welcome-email', 'kickoff-call'],
        channel: 'email',
      },
    });
    expect(timelineMarks(withFindings([density])).densities).toEqual(
      ['enterprise', 'smb'].map((segment) => ({
        segment,
        from: 0,
        to: 5,
        peak: 4,
        max: 3,
        window: 7,
        channel: 'email',
        message: 'enterprise and smb get 4 email touches',
      })),
    );
  });

  it('skips waived findings and reports without a timeline', () => {
    const waived = finding('overlap/collision', 'day 360 enterprise', {
      touchpoint: 'qbr',
      related: ['renewal-reminder'],
      waived: { reason: 'ok' },
    });
    const none = { collisions: [], silences: [], densities: [] };
    expect(timelineMarks(withFindings([waived]))).toEqual(none);
    expect(timelineMarks({ ...fixtureReport, timeline: undefined })).toEqual(none);
  });
});

describe('timelineMarks from collision data', () => {
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
  const collision = (window: number, segments: string[]): Finding =>
    finding('overlap/collision', 'the rendered message', {
      touchpoint: 'qbr',
      related: ['renewal-reminder'],
      messageId: 'apartAgain',
      data: {
        first: 'qbr',
        second: 'renewal-reminder',
        segments,
        day: 88,
        otherDay: 90,
        apart: 2,
        window,
        more: 1,
      },
    });

  it('marks every meeting of the pair closer than the window, in the segments the data names', () => {
    const marks = timelineMarks({ ...report, findings: [collision(3, ['enterprise', 'smb'])] });
    expect(marks.collisions).toEqual([
      {
        segment: 'enterprise',
        day: 88,
        touchpoints: ['qbr', 'renewal-reminder'],
        message: 'the rendered message',
      },
      {
        segment: 'enterprise',
        day: 178,
        touchpoints: ['qbr', 'renewal-reminder'],
        message: 'the rendered message',
      },
    ]);
    const wider = timelineMarks({ ...report, findings: [collision(8, ['enterprise'])] });
    expect(wider.collisions.map((m) => m.day)).toEqual([88, 178, 268]);
  });
});
