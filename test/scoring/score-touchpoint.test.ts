import { describe, expect, it } from 'vitest';
import type { ScoreComponent } from '../../src/report.js';
import { scoreAudit } from '../../src/scoring/score-audit.js';
import type { Finding, MetricSpec } from '../../src/types.js';
import { config, inventory, scheduled, tp, type TouchpointInput } from '../timeline/factory.js';
import { metricsResult, type ValueInput } from './metrics-factory.js';

const openRate: MetricSpec = {
  name: 'open_rate',
  target: { op: '>=', value: 0.4, text: '>= 0.4' },
  unit: 'ratio',
};
const fresh = '2026-10-20';

function scoreOne(
  touchpoint: Partial<TouchpointInput>,
  options: { values?: ValueInput[] | 'none'; findings?: Finding[]; owners?: { id: string }[] } = {},
) {
  const inv = inventory({
    owners: options.owners ?? [{ id: 'cs' }],
    touchpoints: [
      tp({ id: 'welcome', metric: openRate, timing: scheduled('go-live', 0), ...touchpoint }),
    ],
  });
  const values = options.values ?? [
    { touchpoint: 'welcome', metric: 'open_rate', value: 0.5, latestDate: fresh },
  ];
  const result = scoreAudit({
    inventory: inv,
    config: config(),
    findings: options.findings ?? [],
    asOf: '2026-11-01',
    ...(values === 'none' ? {} : { metrics: metricsResult(values) }),
  });
  const score = result.scores.touchpoints[0];
  if (!score) throw new Error('no touchpoint score');
  return score;
}

/** Components add up to the score exactly (checked in tenths, free of float noise). */
function sumTenths(components: ScoreComponent[]): number {
  return components.reduce((sum, c) => sum + Math.round(c.points * 10), 0);
}

const collision = (related: string): Finding => ({
  rule: 'overlap/collision',
  severity: 'warning',
  message: `'welcome' and '${related}' both reach all customers on day 14`,
  messageId: 'sameDay',
  data: {
    first: 'welcome',
    second: related,
    segments: ['(all)'],
    day: 14,
    otherDay: 14,
    apart: 0,
    window: 1,
    more: 0,
  },
  touchpoint: 'welcome',
  related: [related],
  location: { file: 'touchpoints.yaml', line: 15, column: 13 },
});

/** A finding on welcome's metric (gap/no-data, gap/stale-data), waived when a reason is given. */
function evidenceFinding(rule: string, messageId: string, waivedFor?: string): Finding {
  return {
    rule,
    severity: 'warning',
    message: `${rule} on welcome`,
    messageId,
    data: {},
    touchpoint: 'welcome',
    field: 'metric',
    ...(waivedFor === undefined ? {} : { waived: { reason: waivedFor } }),
    location: { file: 'touchpoints.yaml', line: 9, column: 13 },
  };
}

describe('touchpoint score', () => {
  it('gives a documented, freshly measured, on-target, clean touchpoint 100 and L4', () => {
    const score = scoreOne({});
    expect(score).toEqual({
      id: 'welcome',
      name: 'welcome',
      stage: 'onboarding',
      channel: 'email',
      owner: 'cs',
      segments: [],
      score: 100,
      grade: 'A',
      provisional: false,
      level: 4,
      pillars: { documentation: 1, evidence: 1, performance: 1, hygiene: 1 },
      pillarPoints: { documentation: 25, evidence: 25, performance: 35, hygiene: 15 },
      components: [{ label: 'base', points: 100 }],
      metric: {
        name: 'open_rate',
        value: 0.5,
        target: '>= 0.4',
        targetOp: '>=',
        targetValue: 0.4,
        unit: 'ratio',
        attainment: 1,
        rows: 3,
        rowsRejected: 0,
        latestDate: fresh,
      },
      findings: { error: 0, warning: 0, info: 0 },
      waived: 0,
      texts: { components: [{ messageId: 'base', data: {} }] },
    });
  });

  it('takes attainment off the performance pillar: 0.2 of >= 0.4 is 82.5, L2', () => {
    const score = scoreOne(
      {},
      { values: [{ touchpoint: 'welcome', metric: 'open_rate', value: 0.2, latestDate: fresh }] },
    );
    expect([score.score, score.grade, score.level, score.nextLevel]).toEqual([
      82.5,
      'B',
      2,
      'to reach L3: raise open_rate from 20% to 40%',
    ]);
    expect(score.components).toEqual([
      { label: 'base', points: 100 },
      { label: 'performance: open_rate 20% vs target >= 40% (50% attained)', points: -17.5 },
    ]);
    expect(score.metric).toEqual({
      name: 'open_rate',
      value: 0.2,
      target: '>= 0.4',
      targetOp: '>=',
      targetValue: 0.4,
      unit: 'ratio',
      attainment: 0.5,
      rows: 3,
      rowsRejected: 0,
      latestDate: fresh,
    });
    // The pillars' points add up to the score: performance keeps half of its 35.
    expect(score.pillarPoints).toEqual({
      documentation: 25,
      evidence: 25,
      performance: 17.5,
      hygiene: 15,
    });
  });

  it('is direction-aware for <= targets', () => {
    const score = scoreOne(
      {
        metric: {
          name: 'first_response_hours',
          target: { op: '<=', value: 4, text: '<= 4' },
          unit: 'hours',
        },
      },
      {
        values: [
          { touchpoint: 'welcome', metric: 'first_response_hours', value: 8, latestDate: fresh },
        ],
      },
    );
    expect([score.score, score.nextLevel]).toEqual([
      82.5,
      'to reach L3: lower first_response_hours from 8 h to 4 h',
    ]);
  });

  it('halves evidence for stale data: 87.5, L1', () => {
    const score = scoreOne(
      {},
      {
        values: [
          { touchpoint: 'welcome', metric: 'open_rate', value: 0.4, latestDate: '2026-08-01' },
        ],
      },
    );
    expect([score.score, score.level, score.nextLevel, score.pillars.evidence]).toEqual([
      87.5,
      1,
      'to reach L2: refresh open_rate data (latest row 2026-08-01 is older than 30 days)',
      0.5,
    ]);
    expect(score.components).toEqual([
      { label: 'base', points: 100 },
      {
        label: 'evidence: open_rate data stale (latest 2026-08-01, 92 days before 2026-11-01)',
        points: -12.5,
      },
    ]);
  });

  it('scores a touchpoint without data under evidence only: performance weight is redistributed (61.5)', () => {
    const score = scoreOne({}, { values: [] });
    expect([score.score, score.grade, score.level, score.nextLevel]).toEqual([
      61.5,
      'D',
      1,
      "to reach L2: export open_rate data for 'welcome' inside the period",
    ]);
    // No data is a known 0, not unknown; only performance (35 of 100) is unknown.
    expect([score.pillars.evidence, score.pillars.performance, score.provisional]).toEqual([
      0,
      null,
      false,
    ]);
    // 25 / (25 + 25 + 15) of 100 points = 38.46 for the evidence pillar.
    expect(score.components).toEqual([
      { label: 'base', points: 100 },
      { label: 'evidence: no data for open_rate', points: -38.5 },
      {
        label: 'performance: unknown (no data; its weight goes to the other pillars)',
        points: 0,
      },
    ]);
    expect(score.metric).toEqual({
      name: 'open_rate',
      target: '>= 0.4',
      targetOp: '>=',
      targetValue: 0.4,
      unit: 'ratio',
      rows: 0,
      rowsRejected: 0,
    });
    // 38.46 + 23.08 = 61.5 in tenths; evidence earns 0 and performance is unknown.
    expect(score.pillarPoints).toEqual({
      documentation: 38.4,
      evidence: 0,
      performance: null,
      hygiene: 23.1,
    });
  });

  it('without metric exports, evidence and performance are unknown and the score provisional', () => {
    const score = scoreOne({}, { values: 'none' });
    // 60 of the 100 weight points have no data: neither 0 nor 1, and more than half.
    expect([
      score.score,
      score.provisional,
      score.pillars.evidence,
      score.pillars.performance,
    ]).toEqual([100, true, null, null]);
    expect(score.components[1]).toEqual({
      label: 'evidence: unknown (no metric exports given; its weight goes to the other pillars)',
      points: 0,
    });
    expect(score.nextLevel).toBe('to reach L2: provide open_rate data (audit with --metrics)');
  });

  it('caps a placeholder owner at the top of grade D', () => {
    const score = scoreOne({ owner: 'TBD' });
    expect([score.score, score.grade, score.capped, score.level, score.nextLevel]).toEqual([
      69.9,
      'D',
      'placeholder owner',
      0,
      "to reach L1: replace the placeholder owner 'TBD'",
    ]);
    expect(score.components).toEqual([
      { label: 'base', points: 100 },
      { label: "documentation: owner 'TBD' is a placeholder", points: -7.5 },
      { label: 'capped: placeholder owner', points: -22.6 },
    ]);
    expect(sumTenths(score.components)).toBe(699);
  });

  it('caps a missing owner, and an unknown one like it', () => {
    expect([scoreOne({ owner: undefined }).score, scoreOne({ owner: undefined }).capped]).toEqual([
      69.9,
      'no owner',
    ]);
    const unknown = scoreOne({ owner: 'cx' });
    expect([unknown.score, unknown.capped, unknown.nextLevel]).toEqual([
      69.9,
      'owner not in roster',
      "to reach L1: use an owner from the roster instead of 'cx'",
    ]);
  });

  it('caps any open error at D, as a component; a waived one costs nothing', () => {
    const vague: Finding = {
      rule: 'schema/vague-purpose',
      severity: 'error',
      message: 'purpose is a placeholder',
      messageId: 'placeholder',
      data: {},
      touchpoint: 'welcome',
      field: 'purpose',
      location: { file: 'touchpoints.yaml', line: 5, column: 5 },
    };
    const open = scoreOne({ purpose: 'TBD' }, { findings: [vague] });
    expect([open.score, open.grade, open.capped]).toEqual([69.9, 'D', 'vague purpose']);
    expect(open.components.at(-1)).toEqual({ label: 'capped: vague purpose', points: -26.4 });
    // A baseline changes what fails CI, never the score: a baselined error still caps.
    expect(scoreOne({ purpose: 'TBD' }, { findings: [{ ...vague, baselined: true }] }).score).toBe(
      69.9,
    );
    const waived = scoreOne(
      { purpose: 'TBD' },
      { findings: [{ ...vague, waived: { reason: 'rewritten next sprint' } }] },
    );
    expect([waived.score, waived.capped]).toEqual([100, undefined]);
    expect(waived.components[1]).toEqual({
      label: 'documentation: purpose too vague (waived: rewritten next sprint; costs nothing)',
      points: 0,
    });
  });

  it('a waived gap/no-data costs nothing and says so', () => {
    const noData = evidenceFinding('gap/no-data', 'noRows', 'exports start in January');
    const score = scoreOne({}, { values: [], findings: [noData] });
    expect([score.score, score.grade, score.level]).toEqual([100, 'A', 1]);
    expect(score.components[1]).toEqual({
      label: 'evidence: no data for open_rate (waived: exports start in January; costs nothing)',
      points: 0,
    });
  });

  it('rows only older than the period are stale-data: its waiver gives the evidence back', () => {
    const old = [{ touchpoint: 'welcome', metric: 'open_rate', rows: 0, latestDate: '2025-06-30' }];
    const open = scoreOne(
      {},
      { values: old, findings: [evidenceFinding('gap/stale-data', 'stale')] },
    );
    expect([open.pillars.evidence, open.components[1]?.label]).toEqual([
      0,
      'evidence: no usable open_rate rows in the period',
    ]);
    const stale = evidenceFinding('gap/stale-data', 'stale', 'quarterly export');
    const waived = scoreOne({}, { values: old, findings: [stale] });
    expect([waived.pillars.evidence, waived.components[1]?.label]).toEqual([
      1,
      'evidence: no usable open_rate rows in the period (waived: quarterly export; costs nothing)',
    ]);
  });

  it('does not mark a score capped when it is already below the cap', () => {
    const score = scoreOne({ owner: undefined, purpose: 'TBD' }, { values: [] });
    // Documentation 1 − 0.30 − 0.15 = 0.55 → 38.46 × 0.45 = 17.31 lost; evidence 38.46 lost.
    expect([score.score, score.capped]).toEqual([44.2, undefined]);
    expect(score.components).toEqual([
      { label: 'base', points: 100 },
      { label: 'documentation: owner missing', points: -11.5 },
      { label: 'documentation: purpose too vague', points: -5.8 },
      { label: 'evidence: no data for open_rate', points: -38.5 },
      {
        label: 'performance: unknown (no data; its weight goes to the other pillars)',
        points: 0,
      },
    ]);
    expect(sumTenths(score.components)).toBe(442);
  });

  it('weighs every documentation field', () => {
    const score = scoreOne(
      {
        owner: 'cs',
        metric: undefined,
        purpose: undefined,
        timing: undefined,
        channel: 'fax',
        stage: 'nowhere',
      },
      { values: [] },
    );
    expect(score.pillars.documentation).toBe(0.3);
    expect(score.components.map((c) => c.label)).toEqual([
      'base',
      'documentation: metric missing',
      'documentation: purpose missing',
      'documentation: timing missing',
      "documentation: channel 'fax' unknown",
      "documentation: stage 'nowhere' not in the journey",
      'evidence: no data for any metric',
      'performance: unknown (no metric; its weight goes to the other pillars)',
    ]);
    expect(score.nextLevel).toBe(
      "to reach L1: define a success metric with a target, write its purpose, set its timing, use a known channel instead of 'fax' and use a journey stage instead of 'nowhere'",
    );
  });

  it('takes a quarter of hygiene per overlap finding, rounding components to the score', () => {
    const score = scoreOne({}, { findings: [collision('qbr')] });
    expect([score.score, score.level, score.nextLevel]).toEqual([
      96.3,
      3,
      'to reach L4: resolve 1 overlap finding (overlap/collision)',
    ]);
    expect(score.components).toEqual([
      { label: 'base', points: 100 },
      { label: "hygiene: overlap/collision with 'qbr'", points: -3.7 },
    ]);
    expect(score.findings).toEqual({ error: 0, warning: 1, info: 0 });
  });

  it('empties hygiene after four findings and ignores waived ones', () => {
    const findings = ['a', 'b', 'c', 'd', 'e'].map(collision);
    findings.push({ ...collision('f'), waived: { reason: 'planned' } });
    const score = scoreOne({}, { findings });
    expect([score.score, score.pillars.hygiene]).toEqual([85, 0]);
    expect(score.components.map((c) => c.points)).toEqual([100, -3.8, -3.8, -3.7, -3.7, 0, 0]);
    expect(score.components.at(-1)?.label).toBe(
      "hygiene: overlap/collision with 'f' (waived: planned; costs nothing)",
    );
    expect(score.findings).toEqual({ error: 0, warning: 5, info: 0 });
  });

  it('counts findings naming the touchpoint as related too', () => {
    const score = scoreOne(
      {},
      {
        findings: [
          { ...collision('welcome'), touchpoint: 'qbr' },
          {
            rule: 'gap/silence',
            severity: 'info',
            message: 'x',
            messageId: 'x',
            data: {},
            touchpoint: 'welcome',
            location: { file: 'f', line: 1, column: 1 },
          },
        ],
      },
    );
    expect(score.components[1]).toEqual({
      label: "hygiene: overlap/collision with 'qbr'",
      points: -3.7,
    });
    expect(score.findings).toEqual({ error: 0, warning: 1, info: 1 });
  });

  it('uses the freshest data of a touchpoint that declares no metric for evidence', () => {
    const score = scoreOne(
      { metric: undefined },
      {
        values: [
          { touchpoint: 'welcome', metric: 'clicks', value: 3, latestDate: '2026-05-01' },
          { touchpoint: 'welcome', metric: 'opens', value: 9, latestDate: fresh },
        ],
      },
    );
    expect(score.pillars.evidence).toBe(1);
    expect(score.metric).toBeUndefined();
  });

  it('treats undated data as fresh and a strict target as not met at the boundary', () => {
    const score = scoreOne(
      { metric: { name: 'nps', target: { op: '>', value: 40, text: '> 40' }, unit: 'score' } },
      { values: [{ touchpoint: 'welcome', metric: 'nps', value: 40 }] },
    );
    expect([score.pillars.evidence, score.score, score.level, score.nextLevel]).toEqual([
      1,
      100,
      2,
      'to reach L3: raise nps from 40 to above 40',
    ]);
  });
});

describe('per-segment targets in the performance pillar', () => {
  const replyHours: MetricSpec = {
    name: 'reply_hours',
    unit: 'hours',
    target: { op: '<=', value: 48, text: '<= 48h' },
    segmentTargets: [
      { segment: 'enterprise', target: { op: '<=', value: 1, text: '<= 1h' } },
      { segment: 'smb', target: { op: '<=', value: 4, text: '<= 4h' } },
    ],
  };
  const tiers = (smb: number): ValueInput[] => [
    {
      touchpoint: 'welcome',
      metric: 'reply_hours',
      value: 10,
      latestDate: fresh,
      segments: {
        enterprise: { value: 0.5, rows: 3 },
        scale: { value: 24, rows: 3 },
        smb: { value: smb, rows: 3 },
      },
    },
  ];

  it('scores the mean of the segments attainments, each segment counting the same', () => {
    const score = scoreOne({ metric: replyHours }, { values: tiers(8) });
    // enterprise 1, scale 1 (default), smb 4/8 = 0.5: (1 + 1 + 0.5) / 3.
    expect(score.pillars.performance).toBe(0.833);
    expect(score.metric).toEqual({
      name: 'reply_hours',
      value: 10,
      target: 'enterprise <= 1h, smb <= 4h, default <= 48h',
      unit: 'hours',
      attainment: 0.833,
      rows: 3,
      rowsRejected: 0,
      latestDate: '2026-10-20',
      segments: [
        {
          segment: 'enterprise',
          value: 0.5,
          target: '<= 1h',
          targetOp: '<=',
          targetValue: 1,
          attainment: 1,
        },
        {
          segment: 'scale',
          value: 24,
          target: '<= 48h',
          targetOp: '<=',
          targetValue: 48,
          attainment: 1,
        },
        {
          segment: 'smb',
          value: 8,
          target: '<= 4h',
          targetOp: '<=',
          targetValue: 4,
          attainment: 0.5,
        },
      ],
    });
    expect(score.components).toEqual([
      { label: 'base', points: 100 },
      {
        label:
          'performance: reply_hours per segment, mean of 3 (83% attained): smb 8 h vs target <= 4 h (50% attained)',
        points: -5.8,
      },
    ]);
    expect(score.score).toBe(94.2);
    expect(sumTenths(score.components)).toBe(942);
    expect(score.nextLevel).toBe('to reach L3: lower reply_hours for smb from 8 h to 4 h');
  });

  it('is full when every segment meets its target, though the pooled value misses the default', () => {
    const score = scoreOne({ metric: replyHours }, { values: tiers(3) });
    expect(score.pillars.performance).toBe(1);
    expect(score.level).toBe(4);
  });

  it('judges data without segments pooled against the default, and is unknown without one', () => {
    const pooled = [{ touchpoint: 'welcome', metric: 'reply_hours', value: 96, latestDate: fresh }];
    expect(scoreOne({ metric: replyHours }, { values: pooled }).pillars.performance).toBe(0.5);
    const { target: _default, ...noDefault } = replyHours;
    const score = scoreOne({ metric: noDefault }, { values: pooled });
    expect(score.pillars.performance).toBeNull();
    expect(score.components).toContainEqual({
      label:
        'performance: unknown (no default target for data without segments; its weight goes to the other pillars)',
      points: 0,
    });
  });
});
