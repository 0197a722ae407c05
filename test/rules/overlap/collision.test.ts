import { describe, expect, it } from 'vitest';
import type { Timing } from '../../../src/types.js';
import rule from '../../../src/rules/overlap/collision.js';
import { config, fieldLocation, inventory, scheduled, tp } from '../../timeline/factory.js';
import { factsOf } from '../rendered-reports.js';
import { runRule, runRuleReports } from '../../timeline/harness.js';

const segments = ['enterprise', 'mid-market', 'smb'];

describe('overlap/collision', () => {
  it('has its id and runs in audit', () => {
    expect(rule.meta.id).toBe('overlap/collision');
    expect(rule.meta.defaultSeverity).toBe('warning');
    expect(rule.phase).toBe('audit');
  });

  it('reports a quarterly QBR landing on the renewal reminder’s day: day, segment, both ids', () => {
    const inv = inventory({
      segments,
      touchpoints: [
        tp({
          id: 'qbr',
          channel: 'video-call',
          segments: ['enterprise'],
          timing: scheduled('contract-start', 5, 90, { anchor: 'renewal' }),
        }),
        tp({ id: 'renewal-reminder-90', timing: scheduled('renewal', -90) }),
        tp({ id: 'nps', segments: ['smb'], timing: scheduled('renewal', -90) }),
      ],
    });
    expect(runRule(rule, inv, { timeline: true })).toEqual([
      {
        message: "'nps' and 'renewal-reminder-90' both reach smb on day 275",
        location: fieldLocation(2, 'timing'),
        touchpoint: 'nps',
        related: ['renewal-reminder-90'],
        field: 'timing',
      },
      {
        message: "'qbr' and 'renewal-reminder-90' both reach enterprise on day 275",
        location: fieldLocation(0, 'timing'),
        touchpoint: 'qbr',
        related: ['renewal-reminder-90'],
        field: 'timing',
      },
    ]);
  });

  it('hands over the collision as data: the exact days, segments, window and repeats', () => {
    const inv = inventory({
      segments,
      touchpoints: [
        tp({ id: 'early', segments: ['smb'], timing: scheduled('contract-start', 484 / 1440) }),
        tp({ id: 'late', segments: ['smb'], timing: scheduled('contract-start', 1) }),
      ],
    });
    const facts = factsOf(runRuleReports(rule, inv, { timeline: true }));
    expect(facts).toEqual([
      {
        messageId: 'apart',
        data: {
          first: 'early',
          second: 'late',
          segments: ['smb'],
          day: 484 / 1440,
          otherDay: 1,
          apart: 1 - 484 / 1440,
          window: 1,
          more: 0,
        },
      },
    ]);
  });

  it.each([
    ['a few days apart', scheduled('renewal', -87)],
    ['one day apart with the default window', scheduled('renewal', -89)],
  ])('accepts touchpoints %s', (_name, timing) => {
    const inv = inventory({
      segments,
      touchpoints: [
        tp({ id: 'qbr', timing: scheduled('contract-start', 5, 90) }),
        tp({ id: 'renewal-reminder', timing }),
      ],
    });
    expect(runRule(rule, inv, { timeline: true })).toEqual([]);
  });

  it('accepts same-day touchpoints for disjoint segments, and a touchpoint’s own recurrences', () => {
    const inv = inventory({
      segments,
      touchpoints: [
        tp({ id: 'a', segments: ['enterprise'], timing: scheduled('go-live', 0) }),
        tp({ id: 'b', segments: ['smb'], timing: scheduled('go-live', 0) }),
        tp({
          id: 'c',
          segments: ['mid-market'],
          timing: scheduled('go-live', 0, 0.5, { offset: 2 }),
        }),
      ],
    });
    expect(runRule(rule, inv, { timeline: true })).toEqual([]);
  });

  it('groups segments with the same window, and counts repeats', () => {
    const inv = inventory({
      segments,
      touchpoints: [
        tp({ id: 'digest', timing: scheduled('contract-start', 0, 30) }),
        tp({ id: 'tips', timing: scheduled('contract-start', 60, 60) }),
      ],
    });
    const cfg = config({ collisionWindow: { default: 1, segments: { smb: 0 }, channels: {} } });
    expect(runRule(rule, inv, { timeline: true, config: cfg })).toEqual([
      {
        message:
          "'digest' and 'tips' both reach enterprise and mid-market on day 60 (and 5 more times)",
        location: fieldLocation(0, 'timing'),
        touchpoint: 'digest',
        related: ['tips'],
        field: 'timing',
      },
    ]);
  });

  it('uses per-segment windows and says how far apart the touches are', () => {
    const inv = inventory({
      segments,
      touchpoints: [
        tp({ id: 'kickoff', timing: scheduled('go-live', 0) }),
        tp({ id: 'welcome', timing: scheduled('go-live', 2) }),
      ],
    });
    const cfg = config({
      collisionWindow: { default: 1, segments: { enterprise: 3, smb: 3 }, channels: {} },
    });
    expect(runRule(rule, inv, { timeline: true, config: cfg }).map((r) => r.message)).toEqual([
      "'kickoff' and 'welcome' both reach enterprise and smb 2 days apart, on day 14 and day 16",
    ]);
  });

  it('uses the larger of the two channel windows for a pair', () => {
    const inv = inventory({
      segments: ['enterprise'],
      touchpoints: [
        tp({ id: 'email-a', channel: 'email', timing: scheduled('go-live', 0) }),
        tp({ id: 'email-b', channel: 'email', timing: scheduled('go-live', 0) }),
        tp({ id: 'visit', channel: 'in-person', timing: scheduled('go-live', 2) }),
      ],
    });
    const cfg = config({
      collisionWindow: { default: 1, segments: {}, channels: { email: 0, 'in-person': 3 } },
    });
    expect(
      runRule(rule, inv, { timeline: true, config: cfg }).map((r) => [
        r.message,
        r.touchpoint,
        r.related,
      ]),
    ).toEqual([
      [
        "'email-a' and 'visit' both reach enterprise 2 days apart, on day 14 and day 16",
        'email-a',
        ['visit'],
      ],
      [
        "'email-b' and 'visit' both reach enterprise 2 days apart, on day 14 and day 16",
        'email-b',
        ['visit'],
      ],
    ]);
  });

  it('names all customers without segments and needs the timeline', () => {
    const inv = inventory({
      touchpoints: [
        tp({ id: 'a', timing: scheduled('go-live', 0) }),
        tp({ id: 'b', timing: scheduled('go-live', 0) }),
      ],
    });
    expect(runRule(rule, inv, { timeline: true }).map((r) => r.message)).toEqual([
      "'a' and 'b' both reach all customers on day 14",
    ]);
    expect(runRule(rule, inv)).toEqual([]);
  });

  it('counts a repeat once', () => {
    const inv = inventory({
      touchpoints: [
        tp({ id: 'a', timing: scheduled('contract-start', 0, 200) }),
        tp({ id: 'b', timing: scheduled('contract-start', 0, 200) }),
      ],
    });
    expect(runRule(rule, inv, { timeline: true }).map((r) => r.message)).toEqual([
      "'a' and 'b' both reach all customers on day 0 (and 1 more time)",
    ]);
  });

  it('counts each occurrence once against the other touchpoint’s nearest earlier one', () => {
    const inv = inventory({
      segments: ['enterprise'],
      touchpoints: [
        tp({ id: 'a', timing: scheduled('go-live', 0, 1, { offset: 4 }) }),
        tp({ id: 'b', timing: scheduled('go-live', 2) }),
      ],
    });
    const cfg = config({ collisionWindow: { default: 3, segments: {}, channels: {} } });
    expect(runRule(rule, inv, { timeline: true, config: cfg }).map((r) => r.message)).toEqual([
      "'a' and 'b' both reach enterprise on day 16 (and 2 more times)",
    ]);
  });

  it('stays fast when touchpoints recur every hour: nine give their 36 pairs', () => {
    const touchpoints = Array.from({ length: 9 }, (_, i) =>
      tp({ id: `t${String(i).padStart(2, '0')}`, timing: scheduled('contract-start', 0, 1 / 24) }),
    );
    const reports = runRule(rule, inventory({ touchpoints }), { timeline: true });
    expect(reports).toHaveLength((9 * 8) / 2);
    expect(reports[0]?.message).toBe(
      "'t00' and 't01' both reach all customers on day 0 (and 17520 more times)",
    );
  });

  it('fifty touchpoints recurring every hour are one crowd, not 1,225 pairs', () => {
    const touchpoints = Array.from({ length: 50 }, (_, i) =>
      tp({ id: `t${String(i).padStart(2, '0')}`, timing: scheduled('contract-start', 0, 1 / 24) }),
    );
    const reports = runRule(rule, inventory({ touchpoints }), { timeline: true });
    expect(reports.map((r) => [r.message, r.touchpoint, r.related?.length])).toEqual([
      [
        '50 touchpoints reach all customers back to back, under 1 day apart, between day 0 and day 365: t00, t01, t02, t03, t04 and 45 more',
        't00',
        49,
      ],
    ]);
  });
});

describe('overlap/collision crowds: ten or more touchpoints back to back are one finding', () => {
  const ids = (n: number, prefix = 't'): string[] =>
    Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(2, '0')}`);

  it('nine on one day keep their pair findings; ten are one crowd with every member', () => {
    const nine = inventory({
      touchpoints: ids(9).map((id) => tp({ id, timing: scheduled('go-live', 0) })),
    });
    expect(runRule(rule, nine, { timeline: true })).toHaveLength(36);

    const ten = inventory({
      segments,
      touchpoints: ids(10).map((id) => tp({ id, timing: scheduled('go-live', 0) })),
    });
    const reports = runRuleReports(rule, ten, { timeline: true });
    expect(factsOf(reports)).toEqual([
      {
        messageId: 'crowd',
        data: {
          first: 't00',
          second: 't01',
          segments,
          day: 14,
          otherDay: 14,
          apart: 0,
          window: 1,
          more: 0,
          until: 14,
          members: ids(10),
          count: 10,
        },
      },
    ]);
    expect(runRule(rule, ten, { timeline: true })).toEqual([
      {
        message:
          '10 touchpoints all reach enterprise, mid-market and smb on day 14: t00, t01, t02, t03, t04 and 5 more',
        location: fieldLocation(0, 'timing'),
        touchpoint: 't00',
        related: ids(10).slice(1),
        field: 'timing',
      },
    ]);
  });

  it('the same crowd forming again is one finding that counts the repeats; others stay pairs', () => {
    const inv = inventory({
      touchpoints: [
        ...ids(12).map((id) => tp({ id, timing: scheduled('contract-start', 0, 100) })),
        tp({ id: 'late-a', timing: scheduled('contract-start', 350) }),
        tp({ id: 'late-b', timing: scheduled('contract-start', 350) }),
      ],
    });
    expect(runRule(rule, inv, { timeline: true }).map((r) => r.message)).toEqual([
      '12 touchpoints all reach all customers on day 0 (and 3 more times): t00, t01, t02, t03, t04 and 7 more',
      "'late-a' and 'late-b' both reach all customers on day 350",
    ]);
  });

  it('a window touch makes the crowd possible between its first day and the latest', () => {
    const inv = inventory({
      touchpoints: [
        ...ids(9).map((id) => tp({ id, timing: scheduled('contract-start', 2) })),
        tp({
          id: 'call',
          timing: { kind: 'scheduled', anchor: 'contract-start', at: 1, latest: 5 },
        }),
      ],
    });
    expect(
      factsOf(runRuleReports(rule, inv, { timeline: true })).map((f) => [
        f.messageId,
        f.data.day,
        f.data.until,
        f.data.count,
      ]),
    ).toEqual([['crowdBetween', 1, 5, 10]]);
    expect(runRule(rule, inv, { timeline: true }).map((r) => r.message)).toEqual([
      '10 touchpoints reach all customers back to back, under 1 day apart, between day 1 and day 5: call, t00, t01, t02, t03 and 5 more',
    ]);
  });

  it('touchpoints that never reach the same customer keep the crowd pair by pair', () => {
    const touchpoints = [
      ...ids(10).map((id) => tp({ id, timing: scheduled('contract-start', 1) })),
      tp({ id: 'no-site', when: 'no-site', timing: scheduled('contract-start', 1) }),
      tp({ id: 'no-data', when: 'no-data', timing: scheduled('contract-start', 1) }),
    ];
    const inv = { ...inventory({ touchpoints }), exclusive: [['no-site', 'no-data']] };
    const reports = runRule(rule, inv, { timeline: true });
    // 12 touchpoints, 66 pairs, less the one exclusive pair.
    expect(reports).toHaveLength(65);
    expect(reports.some((r) => r.message.includes("'no-data' and 'no-site'"))).toBe(false);
  });
});

describe('overlap/collision with conditions', () => {
  it('exclusive alternatives (by id or when label) and excludes pairs never collide', () => {
    const touchpoints = [
      tp({ id: 'no-site', when: 'no-site', timing: scheduled('contract-start', 1) }),
      tp({ id: 'no-data', when: 'no-data', timing: scheduled('contract-start', 1) }),
      tp({ id: 'tips', timing: scheduled('contract-start', 1) }),
    ];
    const byLabel = { ...inventory({ touchpoints }), exclusive: [['no-site', 'no-data']] };
    expect(runRule(rule, byLabel, { timeline: true }).map((f) => f.message)).toEqual([
      "'no-data' and 'tips' both reach all customers on day 1",
      "'no-site' and 'tips' both reach all customers on day 1",
    ]);
    const excludes = inventory({
      touchpoints: touchpoints.map((t) =>
        t.id === 'no-data' ? { ...t, excludes: ['no-site'] } : t,
      ),
    });
    expect(runRule(rule, excludes, { timeline: true }).map((f) => f.message)).toEqual([
      "'no-data' and 'tips' both reach all customers on day 1",
      "'no-site' and 'tips' both reach all customers on day 1",
    ]);
  });
});

describe('overlap/collision with windows', () => {
  it('reports two windows that can land within the collision window, as possible', () => {
    const window = (at: number, latest: number): Timing => ({
      kind: 'scheduled',
      anchor: 'contract-start',
      at,
      latest,
    });
    const inv = inventory({
      touchpoints: [
        tp({ id: 'call', timing: window(2, 3) }),
        tp({ id: 'tips', timing: scheduled('contract-start', 3) }),
        tp({ id: 'later', timing: scheduled('contract-start', 4.5) }),
        tp({ id: 'check-in', timing: window(7, 14) }),
      ],
    });
    const facts = factsOf(runRuleReports(rule, inv, { timeline: true }));
    expect(facts).toEqual([
      {
        messageId: 'window',
        data: {
          first: 'call',
          second: 'tips',
          segments: ['(all)'],
          day: 2,
          otherDay: 3,
          apart: 1,
          window: 1,
          more: 0,
          until: 3,
        },
      },
    ]);
    expect(runRule(rule, inv, { timeline: true }).map((f) => f.message)).toEqual([
      "'call' and 'tips' can collide for all customers between day 2 and day 3",
    ]);
  });
});
