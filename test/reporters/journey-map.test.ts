import { describe, expect, it } from 'vitest';

import type { AuditReport } from '../../src/report.js';
import { cardDaysText, journeyMap, signedDay } from '../../src/reporters/journey-map.js';
import { dayScale, dayTicks } from '../../src/reporters/journey-scale.js';
import { fixtureReport } from '../fixtures/reporters/report.js';

/** Each lane as `lane: stage=card:days …`, the cells with cards only. */
function lanes(report: AuditReport, kind: 'segment' | 'owner' | 'channel'): string[] {
  const map = journeyMap(report);
  return map.lanes[kind].map((lane) => {
    const cells = lane.cells.flatMap((cards, i) =>
      cards.length === 0
        ? []
        : [`${map.stages[i]?.id}=${cards.map((c) => `${c.id}:${c.days.join('/')}`).join(',')}`],
    );
    return `${lane.id}: ${cells.join(' ')}`;
  });
}

describe('journeyMap', () => {
  it('keeps the journey order and marks only stages with no touchpoint at all as gaps', () => {
    const map = journeyMap(fixtureReport);
    expect(map.stages.map((s) => s.id)).toEqual(fixtureReport.inventory.stages);
    expect(map.stages.filter((s) => s.gap).map((s) => s.id)).toEqual([
      'awareness',
      'consideration',
      'purchase',
      'adoption',
      'support',
    ]);
    expect(map.stages.find((s) => s.id === 'onboarding')).toEqual({
      id: 'onboarding',
      touchpoints: 2,
      gap: false,
    });
    expect(map.outside).toEqual([]);
  });

  it('has a lane per segment with the touchpoints that reach it and their days there', () => {
    expect(lanes(fixtureReport, 'segment')).toEqual([
      'enterprise: onboarding=welcome-email:0,kickoff-call:17 retention=qbr:90/180/270/360 renewal=renewal-reminder:360 advocacy=nps-survey:120/300',
      'smb: onboarding=welcome-email:0 expansion=upsell-webinar:45 renewal=renewal-reminder:360 advocacy=nps-survey:120/300',
    ]);
  });

  it('has a lane per owner (roster order, then the rest) and per channel (inventory order)', () => {
    expect(lanes(fixtureReport, 'owner')).toEqual([
      'cs: onboarding=kickoff-call:17 retention=qbr:90/180/270/360',
      'marketing-ops: onboarding=welcome-email:0 expansion=upsell-webinar:45',
      '(unowned): renewal=renewal-reminder:360',
      'TBD: advocacy=nps-survey:120/300',
    ]);
    expect(lanes(fixtureReport, 'channel')).toEqual([
      'email: onboarding=welcome-email:0 renewal=renewal-reminder:360',
      'video-call: onboarding=kickoff-call:17 retention=qbr:90/180/270/360',
      'webinar: expansion=upsell-webinar:45',
      'survey: advocacy=nps-survey:120/300',
    ]);
  });

  it('gives each card its name, grade, score, channel and owner', () => {
    const onboarding = journeyMap(fixtureReport).lanes.segment[0]?.cells[3];
    expect(onboarding).toEqual([
      {
        id: 'welcome-email',
        name: 'Welcome email',
        grade: 'B',
        score: 88,
        provisional: false,
        channel: 'email',
        owner: 'marketing-ops',
        days: [0],
      },
      {
        id: 'kickoff-call',
        name: 'Kickoff call',
        grade: 'A',
        score: 92,
        provisional: false,
        channel: 'video-call',
        owner: 'cs',
        days: [17],
      },
    ]);
  });

  it('orders a cell by first day, puts unscheduled cards last, and lists stageless ones apart', () => {
    const [first, ...rest] = fixtureReport.scores?.touchpoints ?? [];
    if (first === undefined) throw new Error('fixture has touchpoints');
    const report: AuditReport = {
      ...fixtureReport,
      scores: {
        ...(fixtureReport.scores as NonNullable<AuditReport['scores']>),
        touchpoints: [
          ...rest,
          { ...first, id: 'help-chat', name: 'Help chat', stage: 'onboarding' },
          { ...first, id: 'no-stage', stage: undefined },
          { ...first, id: 'odd-stage', stage: 'onbaording' },
          first,
        ],
      },
    };
    expect(lanes(report, 'segment')[1]).toBe(
      'smb: onboarding=welcome-email:0,help-chat: expansion=upsell-webinar:45 renewal=renewal-reminder:360 advocacy=nps-survey:120/300',
    );
    expect(journeyMap(report).outside).toEqual(['no-stage', 'odd-stage']);
  });

  it('has one lane for everyone when the inventory declares no segments', () => {
    const report: AuditReport = {
      ...fixtureReport,
      inventory: { ...fixtureReport.inventory, segments: [] },
      timeline: {
        horizon: 365,
        segments: [{ id: '(all)', occurrences: [{ touchpoint: 'qbr', day: -7 }] }],
      },
    };
    expect(lanes(report, 'segment')).toEqual([
      '(all): onboarding=welcome-email:,kickoff-call: retention=qbr:-7 expansion=upsell-webinar: renewal=renewal-reminder: advocacy=nps-survey:',
    ]);
  });

  it('words days with a true minus sign', () => {
    expect(signedDay(-35)).toBe('\u221235');
    expect(cardDaysText([-35])).toBe('day \u221235');
    expect(cardDaysText([30, 60, 90])).toBe('day 30 · 3 touches');
    expect(cardDaysText([])).toBe('');
  });
});

describe('dayScale', () => {
  // 5 touches over day −10 … 200: each piece gets 30 % its share of the days and 70 % its share
  // of the touches, so onboarding (3 of 5 touches in 30 of 210 days) is drawn 3.2× wider.
  const scale = dayScale([-10, 0, 10, 20, 100], 200);

  it('breaks at day 0, 30 and 90 and zooms where the touches are', () => {
    expect(scale.min).toBe(-10);
    expect(scale.max).toBe(200);
    expect(scale.pieces.map((p) => [p.kind, p.from, p.to, p.zoom])).toEqual([
      ['before-start', -10, 0, 3.2],
      ['onboarding', 0, 30, 3.2],
      ['early', 30, 90, 0.3],
      ['later', 90, 200, 0.6],
    ]);
    expect(scale.pieces.map((p) => p.end)).toEqual([
      expect.closeTo(0.154286, 6),
      expect.closeTo(0.617143, 6),
      expect.closeTo(0.702857, 6),
      1,
    ]);
  });

  it('is linear inside a piece, continuous at the breaks and clamps outside', () => {
    expect(scale.at(-10)).toBe(0);
    expect(scale.at(200)).toBe(1);
    expect(scale.at(15)).toBeCloseTo(0.385714, 6);
    expect(scale.at(0)).toBeCloseTo(0.154286, 6);
    expect(scale.at(-50)).toBe(0);
    expect(scale.at(900)).toBe(1);
    const days = Array.from({ length: 211 }, (_, i) => i - 10);
    const xs = days.map((d) => scale.at(d));
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
  });

  it('starts at day 0 without touches before it and keeps a short horizon', () => {
    const short = dayScale([0, 3, 6], 20);
    expect(short.pieces.map((p) => [p.kind, p.from, p.to])).toEqual([['onboarding', 0, 20]]);
    expect(dayScale([], 0).max).toBe(1);
    // A piece without touches still weighs 0.06 before the weights fill the width.
    const late = dayScale([400], 400);
    expect(late.pieces.map((p) => Math.round((p.end - p.start) * 1000) / 1000)).toEqual([
      0.057, 0.057, 0.886,
    ]);
  });

  it('ticks the piece edges and round days inside each piece, never closer than the spacing', () => {
    expect(dayTicks(scale, 1000, 40)).toEqual([
      -10, -7, 0, 7, 14, 21, 30, 60, 90, 120, 150, 180, 200,
    ]);
    // 400 wide, days 30 and 90 are 34 apart: the later edge stays.
    expect(dayTicks(scale, 400, 40)).toEqual([-10, 0, 7, 14, 21, 90, 200]);
  });
});
