import { describe, expect, it } from 'vitest';
import type { Grade, GroupScore } from '../../src/report.js';
import { apportion } from '../../src/scoring/apportion.js';
import { gradeDCapTenths, gradeFor, roundScore } from '../../src/scoring/grade.js';
import { scoreAudit } from '../../src/scoring/score-audit.js';
import type { MetricSpec } from '../../src/types.js';
import { config, inventory, scheduled, tp } from '../timeline/factory.js';
import { metricsResult } from './metrics-factory.js';

const openRate: MetricSpec = {
  name: 'open_rate',
  target: { op: '>=', value: 0.4, text: '>= 0.4' },
  unit: 'ratio',
};

/**
 * Three touchpoints: `kickoff` perfect (100), `welcome` with owner TBD (capped 69.9),
 * `renewal-call` at half its target (82.5); the adoption stage is empty.
 */
function fixture() {
  const inv = inventory({
    segments: ['enterprise', 'smb'],
    owners: [{ id: 'cs' }, { id: 'marketing' }],
    touchpoints: [
      tp({
        id: 'welcome',
        owner: 'TBD',
        metric: openRate,
        timing: scheduled('go-live', 0),
        segments: ['smb'],
      }),
      tp({
        id: 'kickoff',
        channel: 'video-call',
        metric: openRate,
        timing: scheduled('go-live', 2),
        segments: ['enterprise'],
      }),
      tp({
        id: 'renewal-call',
        stage: 'renewal',
        channel: 'phone',
        owner: 'marketing',
        metric: openRate,
        timing: scheduled('renewal', -60),
      }),
    ],
  });
  const metrics = metricsResult([
    { touchpoint: 'welcome', metric: 'open_rate', value: 0.5, latestDate: '2026-10-30' },
    { touchpoint: 'kickoff', metric: 'open_rate', value: 0.9, latestDate: '2026-10-30' },
    { touchpoint: 'renewal-call', metric: 'open_rate', value: 0.2, latestDate: '2026-10-30' },
  ]);
  return { inv, metrics };
}

/** A group's score as scoreAudit gives it (none provisional here), coverages in percent. */
function row(
  id: string,
  score: number,
  grade: Grade,
  touchpoints: number,
  documentationCoverage: number | null,
  dataCoverage: number | null,
): GroupScore {
  return { id, score, grade, touchpoints, provisional: false, documentationCoverage, dataCoverage };
}

describe('scoreAudit', () => {
  it('scores stages (empty = 0), owners, channels, segments and the inventory', () => {
    const { inv, metrics } = fixture();
    const result = scoreAudit({ inventory: inv, config: config(), metrics, findings: [] });
    expect(result.scores.touchpoints.map((t) => [t.id, t.score, t.grade, t.level])).toEqual([
      ['kickoff', 100, 'A', 4],
      ['renewal-call', 82.5, 'B', 2],
      ['welcome', 69.9, 'D', 0],
    ]);
    expect(result.scores.stages).toEqual([
      row('onboarding', 85, 'B', 2, 50, 100),
      row('adoption', 0, 'F', 0, null, null),
      row('renewal', 82.5, 'B', 1, 100, 100),
    ]);
    expect(result.scores.owners).toEqual([
      row('(unowned)', 69.9, 'D', 1, 0, 100),
      row('cs', 100, 'A', 1, 100, 100),
      row('marketing', 82.5, 'B', 1, 100, 100),
    ]);
    expect(result.scores.channels).toEqual([
      row('email', 69.9, 'D', 1, 0, 100),
      row('phone', 82.5, 'B', 1, 100, 100),
      row('video-call', 100, 'A', 1, 100, 100),
    ]);
    expect(result.scores.segments).toEqual([
      row('enterprise', 91.3, 'A', 2, 100, 100),
      row('smb', 76.2, 'C', 2, 50, 100),
    ]);
    // (85 + 0 + 82.5) / 3 = 55.83
    expect([result.score, result.grade]).toEqual([55.8, 'F']);
    expect([result.documentationCoverage, result.dataCoverage]).toEqual([66.7, 100]);
  });

  it('weighs stages by config.scoring.stages (0 leaves a stage out)', () => {
    const { inv, metrics } = fixture();
    const cfg = config({ scoring: { stages: { adoption: 0, renewal: 2 } } });
    const result = scoreAudit({ inventory: inv, config: cfg, metrics, findings: [] });
    // (85 + 2 × 82.5) / 3 = 83.33
    expect([result.score, result.grade]).toEqual([83.3, 'B']);
  });

  it('applies configured pillar weights and grade bands', () => {
    const { inv, metrics } = fixture();
    const cfg = config({
      scoring: {
        weights: { documentation: 50, evidence: 0, performance: 50, hygiene: 0 },
        grades: { A: 95, B: 85, C: 75, D: 65 },
      },
    });
    const result = scoreAudit({ inventory: inv, config: cfg, metrics, findings: [] });
    // renewal-call: half attainment on half the weight = 75; welcome: 100 − 15 = 85 → capped 74.9.
    expect(result.scores.touchpoints.map((t) => [t.id, t.score, t.grade])).toEqual([
      ['kickoff', 100, 'A'],
      ['renewal-call', 75, 'C'],
      ['welcome', 74.9, 'D'],
    ]);
  });

  it('groups touchpoints without a stage, with an unknown stage and unknown owners', () => {
    const inv = inventory({
      owners: [{ id: 'cs' }],
      touchpoints: [
        tp({ id: 'a', stage: undefined, owner: 'cx', metric: openRate }),
        tp({
          id: 'b',
          stage: 'onbaording',
          owner: undefined,
          channel: undefined,
          metric: openRate,
        }),
      ],
    });
    const result = scoreAudit({ inventory: inv, config: config(), findings: [] });
    // A typo is not a stage: 'onbaording' is grouped as unknown, and neither group enters
    // the inventory score, which averages the journey's three (empty) stages.
    expect(result.scores.stages.map((s) => [s.id, s.touchpoints])).toEqual([
      ['onboarding', 0],
      ['adoption', 0],
      ['renewal', 0],
      ['(no stage)', 1],
      ['(unknown stage)', 1],
    ]);
    expect(result.score).toBe(0);
    expect(result.scores.owners.map((s) => s.id)).toEqual(['(unowned)', 'cx']);
    expect(result.scores.channels.map((s) => s.id)).toEqual(['(no channel)', 'email']);
    expect(result.scores.segments).toEqual([]);
    expect([result.documentationCoverage, result.dataCoverage]).toEqual([0, 0]);
  });

  it('scores an empty inventory 0, F', () => {
    const result = scoreAudit({
      inventory: inventory({ touchpoints: [] }),
      config: config(),
      findings: [],
    });
    expect([result.score, result.grade, result.documentationCoverage, result.dataCoverage]).toEqual(
      [0, 'F', 0, 0],
    );
  });

  it('is deterministic', () => {
    const { inv, metrics } = fixture();
    const a = JSON.stringify(
      scoreAudit({ inventory: inv, config: config(), metrics, findings: [] }),
    );
    const b = JSON.stringify(
      scoreAudit({ inventory: inv, config: config(), metrics, findings: [] }),
    );
    expect(a).toBe(b);
  });
});

describe('apportion', () => {
  it.each([
    [[37.5], 37, [37]],
    [[37.5], 38, [38]],
    [[37.5, 37.5, 37.5, 37.5], 150, [38, 38, 37, 37]],
    [[1.2, 2.7, 0], 4, [1, 3, 0]],
    [[0.5, 0.5], 1, [1, 0]],
    [[], 0, []],
  ])('%j to %d → %j', (amounts, total, expected) => {
    expect(apportion(amounts, total)).toEqual(expected);
  });
});

describe('grades', () => {
  const grades = { A: 90, B: 80, C: 70, D: 60 };
  it.each([
    [100, 'A'],
    [90, 'A'],
    [89.9, 'B'],
    [80, 'B'],
    [70, 'C'],
    [69.9, 'D'],
    [60, 'D'],
    [59.9, 'F'],
    [0, 'F'],
  ])('%d is %s', (score, grade) => {
    expect(gradeFor(score, grades)).toBe(grade);
  });

  it('caps at the top of the D band', () => {
    expect(gradeDCapTenths(grades)).toBe(699);
    expect(gradeDCapTenths({ A: 95, B: 85, C: 72.5, D: 60 })).toBe(724);
  });

  it.each([
    [84.95, 85],
    [61.538, 61.5],
    [96.25, 96.3],
    [0.04, 0],
  ])('rounds %d to %d', (value, expected) => {
    expect(roundScore(value)).toBe(expected);
  });
});
