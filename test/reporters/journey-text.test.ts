import { describe, expect, it } from 'vitest';

import { createLocale, ENGLISH } from '../../src/i18n/locale.js';
import type { AuditReport } from '../../src/report.js';
import { journeyText } from '../../src/reporters/journey-text.js';
import { reportNames } from '../../src/reporters/names.js';
import { fixtureReport } from '../fixtures/reporters/report.js';

const text = (report: AuditReport, lang: 'en' | 'id' = 'en'): string[] =>
  journeyText(report, reportNames(report), lang === 'en' ? ENGLISH : createLocale('id'));

/** The fixture with a touch before contract start, a fractional day and a density breach. */
const early: AuditReport = {
  ...fixtureReport,
  findings: [
    {
      rule: 'overlap/density',
      severity: 'warning',
      messageId: 'between',
      data: { segments: ['smb'], peak: 4, max: 3, window: 7, from: -14, to: 0.5, touchpoints: [] },
      message: 'smb gets 4 touches',
      touchpoint: 'welcome-email',
      location: { file: 'touchpoints.yaml', line: 1, column: 1 },
    },
  ],
  timeline: {
    horizon: 365,
    segments: [
      { id: 'enterprise', occurrences: [] },
      {
        id: 'smb',
        occurrences: [
          { touchpoint: 'welcome-email', day: -14 },
          { touchpoint: 'upsell-webinar', day: 0.5 },
        ],
      },
    ],
  },
};

describe('journeyText', () => {
  it('is a stage × segment table where only stages with no touchpoint at all are gaps', () => {
    const lines = text(fixtureReport);
    expect(lines.slice(0, 4)).toEqual([
      '## Journey map',
      '',
      'Stages in journey order, one column per segment: each touchpoint with its grade and first scheduled day (day 0 is contract start; negative days are before it). Only a stage with no touchpoint at all is marked as a gap.',
      '',
    ]);
    const table = (lines[4] ?? '').split('\n');
    expect(table.slice(0, 2)).toEqual(['| Stage | enterprise | smb |', '| --- | --- | --- |']);
    expect(table).toContain('| adoption | **gap** | **gap** |');
    // retention has a touchpoint for enterprise only: the smb cell is empty, not a gap.
    expect(table).toContain('| retention | Quarterly business review (C, day 90) |  |');
    expect(table).toContain(
      '| onboarding | Welcome email (B, day 0)<br>Kickoff call (A, day 17) | Welcome email (B, day 0) |',
    );
    expect(lines.slice(5)).toEqual([
      '',
      'Day axis per segment:',
      '',
      '- enterprise: 9 touches from day 0 to day 360; silent 73 d, day 17–90; collision on day 360: Quarterly business review and =Renewal reminder (T-5)',
      '- smb: 5 touches from day 0 to day 360; silent 180 d, day 120–300',
    ]);
  });

  it('writes days before contract start, fractional days and density breaches', () => {
    expect(text(early).slice(-2)).toEqual([
      '- enterprise: no collision, density breach or silence',
      '- smb: 2 touches from day −14 to day 0.5; density 4 in 7 d (max 3), day −14–0.5',
    ]);
    expect(text(early, 'id').slice(-2)).toEqual([
      '- enterprise: tanpa bentrok, kepadatan berlebih, atau masa sepi',
      '- smb: 2 sentuhan dari hari −14 sampai hari 0,5; kepadatan 4 dalam 7 hari (batas 3), hari −14–0,5',
    ]);
    const table = (text(early, 'id')[4] ?? '').split('\n');
    expect(table[0]).toBe('| Tahap | enterprise | smb |');
    expect(table).toContain(
      '| Onboarding | Welcome email (B)<br>Kickoff call (A) | Welcome email (B, hari −14) |',
    );
    expect(table).toContain('| Adopsi | **celah** | **celah** |');
  });

  it('is left out without scores and has no day axis without a timeline', () => {
    expect(text({ ...fixtureReport, scores: undefined })).toEqual([]);
    expect(text({ ...fixtureReport, timeline: undefined })).toHaveLength(5);
  });
});
