import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/gap/silence.js';
import { config, fieldLocation, inventory, scheduled, tp } from '../../timeline/factory.js';
import { factsOf } from '../rendered-reports.js';
import { runRule, runRuleReports } from '../../timeline/harness.js';

/** Enterprise touched on day 0 and day 120, smb monthly. */
const touchedTwice = () =>
  inventory({
    segments: ['enterprise', 'smb'],
    touchpoints: [
      tp({ id: 'kickoff', segments: ['enterprise'], timing: scheduled('contract-start', 0) }),
      tp({ id: 'review', segments: ['enterprise'], timing: scheduled('contract-start', 120) }),
      tp({ id: 'monthly', segments: ['smb'], timing: scheduled('contract-start', 0, 30) }),
    ],
  });

describe('gap/silence', () => {
  it('has its id and runs in audit', () => {
    expect(rule.meta.id).toBe('gap/silence');
    expect(rule.meta.defaultSeverity).toBe('warning');
    expect(rule.phase).toBe('audit');
  });

  it('needs the timeline', () => {
    const inv = inventory({ touchpoints: [] });
    expect(runRule(rule, inv)).toEqual([]);
  });

  it('hands over the silence as data: segments, unrounded days and the limit', () => {
    const inv = touchedTwice();
    expect(factsOf(runRuleReports(rule, inv, { timeline: true }))[0]).toEqual({
      messageId: 'silence',
      data: { segments: ['enterprise'], from: 0, to: 120, days: 120, limit: 45 },
    });
  });

  it('accepts a segment touched monthly from day 0 to the horizon', () => {
    const inv = inventory({
      segments: ['smb'],
      touchpoints: [tp({ id: 'monthly', timing: scheduled('contract-start', 0, 30) })],
    });
    expect(runRule(rule, inv, { timeline: true })).toEqual([]);
  });

  it('reports day 0 → 120 and the tail for a segment touched twice, not the monthly one', () => {
    const inv = touchedTwice();
    expect(runRule(rule, inv, { timeline: true })).toEqual([
      {
        message:
          'enterprise hears nothing proactive for 120 days, from day 0 to day 120 (limit 45 days)',
        location: fieldLocation(1, 'timing'),
        touchpoint: 'review',
        related: ['kickoff'],
        field: 'timing',
      },
      {
        message:
          'enterprise hears nothing proactive for 245 days, from day 120 to day 365 (limit 45 days)',
        location: fieldLocation(1, 'timing'),
        touchpoint: 'review',
        field: 'timing',
      },
    ]);
  });

  it('reports the stretch before the first touch and uses per-segment limits', () => {
    const inv = inventory({
      segments: ['enterprise', 'smb'],
      touchpoints: [tp({ id: 'check-in', timing: scheduled('contract-start', 30, 20) })],
    });
    const cfg = config({ silence: { default: 45, segments: { enterprise: 21 }, channels: {} } });
    expect(runRule(rule, inv, { timeline: true, config: cfg })).toEqual([
      {
        message:
          'enterprise hears nothing proactive for 30 days, from day 0 to day 30 (limit 21 days)',
        location: fieldLocation(0, 'timing'),
        touchpoint: 'check-in',
        field: 'timing',
      },
    ]);
  });

  it('reports a recurring touchpoint’s own gaps once per stretch, grouping segments', () => {
    const inv = inventory({
      segments: ['enterprise', 'smb'],
      touchpoints: [
        tp({ id: 'qbr', timing: scheduled('contract-start', 0, 90, { anchor: 'renewal' }) }),
      ],
    });
    expect(
      runRule(rule, inv, { timeline: true }).map((r) => [r.message, r.touchpoint, r.related]),
    ).toEqual([
      [
        'enterprise and smb hear nothing proactive for 90 days, from day 0 to day 90 (limit 45 days)',
        'qbr',
        undefined,
      ],
      [
        'enterprise and smb hear nothing proactive for 90 days, from day 90 to day 180 (limit 45 days)',
        'qbr',
        undefined,
      ],
      [
        'enterprise and smb hear nothing proactive for 90 days, from day 180 to day 270 (limit 45 days)',
        'qbr',
        undefined,
      ],
      [
        'enterprise and smb hear nothing proactive for 90 days, from day 270 to day 360 (limit 45 days)',
        'qbr',
        undefined,
      ],
    ]);
  });

  it('reports a segment with no touch at all at the segments key', () => {
    const inv = inventory({
      segments: ['enterprise', 'smb'],
      touchpoints: [
        tp({ id: 'monthly', segments: ['smb'], timing: scheduled('contract-start', 0, 30) }),
        tp({ id: 'pre-sales', segments: ['enterprise'], timing: scheduled('contract-start', -10) }),
      ],
    });
    expect(runRule(rule, inv, { timeline: true })).toEqual([
      {
        message:
          'enterprise hears nothing proactive for 365 days, from day 0 to day 365 (limit 45 days)',
        location: { file: 'touchpoints.yaml', line: 3, column: 1, path: 'segments' },
        field: 'segments.enterprise',
      },
    ]);
  });

  it('names all customers when the inventory has no segments', () => {
    const inv = inventory({
      touchpoints: [tp({ id: 'x', timing: scheduled('contract-start', 0, 60) })],
    });
    expect(runRule(rule, inv, { timeline: true }).map((r) => r.message)).toEqual([
      'all customers hear nothing proactive for 60 days, from day 0 to day 60 (limit 45 days)',
      'all customers hear nothing proactive for 60 days, from day 60 to day 120 (limit 45 days)',
      'all customers hear nothing proactive for 60 days, from day 120 to day 180 (limit 45 days)',
      'all customers hear nothing proactive for 60 days, from day 180 to day 240 (limit 45 days)',
      'all customers hear nothing proactive for 60 days, from day 240 to day 300 (limit 45 days)',
      'all customers hear nothing proactive for 60 days, from day 300 to day 360 (limit 45 days)',
    ]);
  });

  it('checks per-channel limits between consecutive touches on that channel', () => {
    const inv = inventory({
      segments: ['enterprise'],
      touchpoints: [
        tp({ id: 'email', channel: 'email', timing: scheduled('contract-start', 0, 30) }),
        tp({ id: 'visit', channel: 'in-person', timing: scheduled('contract-start', 10, 100) }),
      ],
    });
    const cfg = config({ silence: { default: 45, segments: {}, channels: { 'in-person': 90 } } });
    expect(runRule(rule, inv, { timeline: true, config: cfg })).toEqual(
      [110, 210, 310].map((day) => ({
        message: `enterprise hears no in-person touch for 100 days, from day ${day - 100} to day ${day} (limit 90 days for in-person)`,
        location: fieldLocation(1, 'timing'),
        touchpoint: 'visit',
        field: 'timing',
      })),
    );
  });
});

describe('gap/silence per condition path', () => {
  it('a touch only some customers get does not fill the others’ silence (the worst path counts)', () => {
    const inv = inventory({
      touchpoints: [
        tp({ id: 'welcome', timing: scheduled('contract-start', 0, 40) }),
        tp({ id: 'nudge', when: 'inactive', timing: scheduled('contract-start', 20) }),
      ],
    });
    // Every 40 days is within the 45-day limit; the conditional nudge changes nothing.
    expect(runRule(rule, inv, { timeline: true })).toEqual([]);
    const sparse = inventory({
      touchpoints: [
        tp({ id: 'welcome', timing: scheduled('contract-start', 0, 60) }),
        tp({ id: 'nudge', when: 'inactive', timing: scheduled('contract-start', 30, 60) }),
      ],
    });
    // The nudge every 60 days from day 30 reaches inactive customers only: the others hear
    // what they would hear without it.
    const messages = (inv: typeof sparse): string[] =>
      runRule(rule, inv, { timeline: true }).map((f) => f.message);
    const without = inventory({
      touchpoints: [tp({ id: 'welcome', timing: scheduled('contract-start', 0, 60) })],
    });
    expect(messages(sparse)).toEqual(messages(without));
    expect(messages(sparse)).toHaveLength(6);
  });

  it('exactly one of an exclusive group reaches each customer: each path is judged', () => {
    const inv = {
      ...inventory({
        touchpoints: [
          tp({ id: 'a', timing: scheduled('contract-start', 0) }),
          tp({ id: 'b', timing: scheduled('contract-start', 30, 30) }),
          tp({ id: 'c', timing: scheduled('contract-start', 40) }),
        ],
      }),
      exclusive: [['b', 'c']],
    };
    // Customers on c's path hear nothing after day 40.
    expect(runRule(rule, inv, { timeline: true }).map((f) => f.message)).toEqual([
      'all customers hear nothing proactive for 325 days, from day 40 to day 365 (limit 45 days)',
    ]);
  });
});

describe('gap/silence with windows', () => {
  it('a window touch may come as late as its last day', () => {
    const inv = inventory({
      touchpoints: [
        tp({ id: 'a', timing: scheduled('contract-start', 0) }),
        tp({
          id: 'b',
          timing: { kind: 'scheduled', anchor: 'contract-start', at: 30, latest: 50 },
        }),
        tp({ id: 'c', timing: scheduled('contract-start', 60, 30) }),
      ],
    });
    expect(runRule(rule, inv, { timeline: true }).map((f) => f.message)).toEqual([
      'all customers hear nothing proactive for 50 days, from day 0 to day 50 (limit 45 days)',
    ]);
  });
});
