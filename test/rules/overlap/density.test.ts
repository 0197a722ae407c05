import { describe, expect, it } from 'vitest';
import rule, { findDensityEpisodes } from '../../../src/rules/overlap/density.js';
import type { Occurrence } from '../../../src/timeline/types.js';
import { config, fieldLocation, inventory, scheduled, tp } from '../../timeline/factory.js';
import { runRule } from '../../timeline/harness.js';

const onboarding = [
  tp({ id: 'welcome-email', timing: scheduled('go-live', 0) }),
  tp({ id: 'kickoff-call', channel: 'video-call', timing: scheduled('go-live', 1) }),
  tp({ id: 'setup-guide', timing: scheduled('go-live', 3) }),
  tp({ id: 'training', channel: 'webinar', timing: scheduled('go-live', 5) }),
];

function occurrences(days: number[]): Occurrence[] {
  return days.map((day, i) => ({ touchpoint: `t${i}`, day, transactional: false }));
}

describe('findDensityEpisodes', () => {
  it.each<[string, number[], number, number, [number, number, number, number][]]>([
    ['none under the limit', [0, 1, 2], 3, 7, []],
    ['a window is half-open: day + 7 is outside', [0, 2, 4, 7], 3, 7, []],
    ['one breach', [0, 2, 4, 6], 3, 7, [[0, 3, 3, 4]]],
    ['overlapping windows merge', [0, 1, 2, 3, 6, 9, 10], 3, 7, [[0, 4, 3, 5]]],
    [
      'separate runs stay separate',
      [0, 1, 2, 3, 20, 21, 22, 23],
      3,
      7,
      [
        [0, 3, 3, 4],
        [4, 7, 7, 4],
      ],
    ],
    [
      'max 0 breaches on every touch, merging only overlapping windows',
      [0, 3, 10],
      0,
      5,
      [
        [0, 1, 0, 2],
        [2, 2, 2, 1],
      ],
    ],
    ['a non-positive window checks nothing', [0, 0, 0, 0], 1, 0, []],
  ])('%s', (_name, days, max, window, expected) => {
    expect(
      findDensityEpisodes(occurrences(days), { max, window }).map((e) => [
        e.start,
        e.end,
        e.breach,
        e.peak,
      ]),
    ).toEqual(expected);
  });
});

describe('overlap/density', () => {
  it('has its id and runs in audit', () => {
    expect(rule.meta.id).toBe('overlap/density');
    expect(rule.meta.defaultSeverity).toBe('warning');
    expect(rule.phase).toBe('audit');
  });

  it('reports four onboarding touches inside a week once, at the touch that breaches', () => {
    const inv = inventory({ segments: ['enterprise', 'smb'], touchpoints: onboarding });
    expect(runRule(rule, inv, { timeline: true })).toEqual([
      {
        message:
          'enterprise and smb get 4 proactive touches within 7 days between day 14 and day 19 (limit 3): welcome-email, kickoff-call, setup-guide and training',
        location: fieldLocation(3, 'timing'),
        touchpoint: 'training',
        related: ['welcome-email', 'kickoff-call', 'setup-guide'],
        field: 'timing',
      },
    ]);
    expect(runRule(rule, inv)).toEqual([]);
  });

  it.each([
    ['three touches', onboarding.slice(0, 3)],
    [
      'four touches over eight days',
      [...onboarding.slice(0, 3), tp({ id: 'training', timing: scheduled('go-live', 7) })],
    ],
    [
      'a transactional fourth touch',
      [
        ...onboarding.slice(0, 3),
        tp({ id: 'invoice', transactional: true, timing: scheduled('go-live', 5) }),
      ],
    ],
  ])('accepts %s', (_name, touchpoints) => {
    expect(runRule(rule, inventory({ touchpoints }), { timeline: true })).toEqual([]);
  });

  it('uses per-segment limits', () => {
    const inv = inventory({ segments: ['enterprise', 'smb'], touchpoints: onboarding.slice(0, 3) });
    const cfg = config({
      density: {
        default: { max: 3, window: 7 },
        segments: { smb: { max: 2, window: 14 } },
        channels: {},
      },
    });
    expect(runRule(rule, inv, { timeline: true, config: cfg }).map((r) => r.message)).toEqual([
      'smb gets 3 proactive touches within 14 days between day 14 and day 17 (limit 2): welcome-email, kickoff-call and setup-guide',
    ]);
  });

  it('checks per-channel limits among that channel’s touches', () => {
    const inv = inventory({ touchpoints: onboarding });
    const cfg = config({
      density: {
        default: { max: 10, window: 7 },
        segments: {},
        channels: { email: { max: 1, window: 7 } },
      },
    });
    expect(runRule(rule, inv, { timeline: true, config: cfg })).toEqual([
      {
        message:
          'all customers get 2 email touches within 7 days between day 14 and day 17 (limit 1 for email): welcome-email and setup-guide',
        location: fieldLocation(2, 'timing'),
        touchpoint: 'setup-guide',
        related: ['welcome-email'],
        field: 'timing',
      },
    ]);
  });

  it('reports one recurring touchpoint crowding a week by itself, and truncates long lists', () => {
    const daily = tp({ id: 'daily-tip', timing: scheduled('go-live', 0, 1, { offset: 4 }) });
    const many = Array.from({ length: 10 }, (_, i) =>
      tp({ id: `t${i}`, timing: scheduled('renewal', -30) }),
    );
    const messages = runRule(rule, inventory({ touchpoints: [daily, ...many] }), {
      timeline: true,
    }).map((r) => [r.message, r.touchpoint, r.related]);
    expect(messages).toEqual([
      [
        'all customers get 5 proactive touches within 7 days between day 14 and day 18 (limit 3): daily-tip',
        'daily-tip',
        undefined,
      ],
      [
        'all customers get 10 proactive touches within 7 days on day 335 (limit 3): t0, t1, t2, t3, t4, t5, t6, t7 and 2 more',
        't3',
        ['t0', 't1', 't2', 't4', 't5', 't6', 't7', 't8', 't9'],
      ],
    ]);
  });
});

describe('overlap/density with conditions', () => {
  it('touches that never reach the same customer never share a window', () => {
    const touchpoints = [
      tp({ id: 'welcome', timing: scheduled('contract-start', 0) }),
      tp({ id: 'no-site', when: 'no-site', timing: scheduled('contract-start', 1) }),
      tp({ id: 'no-data', when: 'no-data', timing: scheduled('contract-start', 1) }),
      tp({ id: 'has-data', when: 'has-data', timing: scheduled('contract-start', 2) }),
      tp({ id: 'tips', timing: scheduled('contract-start', 3) }),
    ];
    const exclusive = [['no-site', 'no-data', 'has-data']];
    expect(runRule(rule, { ...inventory({ touchpoints }), exclusive }, { timeline: true })).toEqual(
      [],
    );
    const excluding = inventory({
      touchpoints: touchpoints.map((t) =>
        t.id === 'no-site' ? { ...t, excludes: ['no-data'] } : t,
      ),
    });
    // no-site and no-data exclude each other, has-data does not: four touches in a week.
    expect(runRule(rule, excluding, { timeline: true }).map((f) => f.message)).toEqual([
      'all customers get 4 proactive touches within 7 days between day 0 and day 3 (limit 3): welcome, no-site, has-data and tips',
      'all customers get 4 proactive touches within 7 days between day 0 and day 3 (limit 3): welcome, no-data, has-data and tips',
    ]);
  });

  it('every step of a sequence still counts', () => {
    const inv = inventory({
      touchpoints: [0, 1, 2, 3].map((day) =>
        tp({ id: `step-${day}`, sequence: 'reminders', timing: scheduled('contract-start', day) }),
      ),
    });
    expect(runRule(rule, inv, { timeline: true }).map((f) => f.message)).toEqual([
      'all customers get 4 proactive touches within 7 days between day 0 and day 3 (limit 3): step-0, step-1, step-2 and step-3',
    ]);
  });
});
