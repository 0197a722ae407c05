import { describe, expect, it } from 'vitest';
import {
  MAX_OCCURRENCES_PER_TOUCHPOINT,
  MAX_RECURRENCES_TOTAL,
  expandTimeline,
  timelineHorizon,
} from '../../src/timeline/expand.js';
import { formatDay, formatDayCount } from '../../src/shared/format.js';
import { ALL_SEGMENTS } from '../../src/shared/segments.js';
import type { Timeline } from '../../src/timeline/types.js';
import { config, inventory, scheduled, tp } from './factory.js';

/** `segment → ['id@day', …]` for compact exact assertions. */
function view(timeline: Timeline): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [segment, occurrences] of timeline.segments) {
    out[segment] = occurrences.map((o) => `${o.touchpoint}@${formatDay(o.day)}`);
  }
  return out;
}

describe('timelineHorizon', () => {
  it.each([
    ['the latest lifecycle event when later than the config', { renewal: 730 }, 365, 730],
    ['the config horizon when the lifecycle ends earlier', { 'go-live': 14 }, 365, 365],
    ['the config horizon for an empty lifecycle', {}, 180, 180],
    ['the lifecycle even when the config is shorter', { renewal: 365 }, 180, 365],
  ])('%s', (_name, lifecycle, horizon, expected) => {
    expect(timelineHorizon(inventory({ touchpoints: [], lifecycle }), config({ horizon }))).toBe(
      expected,
    );
  });
});

describe('expandTimeline', () => {
  it('places anchors, offsets and recurrences until an anchor, sorted by day then id', () => {
    const timeline = expandTimeline(
      inventory({
        touchpoints: [
          tp({ id: 'qbr', timing: scheduled('contract-start', 90, 90, { anchor: 'renewal' }) }),
          tp({ id: 'renewal-reminder-90', timing: scheduled('renewal', -90) }),
          tp({ id: 'kickoff', timing: scheduled('go-live', 3) }),
          tp({ id: 'a-welcome', timing: scheduled('go-live', 3) }),
        ],
      }),
      config(),
    );
    expect(timeline.horizon).toBe(365);
    expect(view(timeline)).toEqual({
      [ALL_SEGMENTS]: [
        'a-welcome@17',
        'kickoff@17',
        'qbr@90',
        'qbr@180',
        'qbr@270',
        'renewal-reminder-90@275',
        'qbr@360',
      ],
    });
    expect(timeline.truncated).toBeUndefined();
  });

  it('keeps channel and transactional on each occurrence', () => {
    const timeline = expandTimeline(
      inventory({
        touchpoints: [
          tp({
            id: 'invoice',
            channel: 'mail',
            transactional: true,
            timing: scheduled('go-live', 0),
          }),
        ],
      }),
      config(),
    );
    expect(timeline.segments.get(ALL_SEGMENTS)).toEqual([
      { touchpoint: 'invoice', day: 14, channel: 'mail', transactional: true },
    ]);
  });

  it('ends an offset `until` relative to the touchpoint’s own anchor, inclusive', () => {
    const timeline = expandTimeline(
      inventory({
        touchpoints: [tp({ id: 'tips', timing: scheduled('go-live', 0, 7, { offset: 28 }) })],
      }),
      config(),
    );
    expect(view(timeline)).toEqual({
      [ALL_SEGMENTS]: ['tips@14', 'tips@21', 'tips@28', 'tips@35', 'tips@42'],
    });
  });

  it('recurs to the horizon without `until`, or with an unknown `until` anchor', () => {
    const timeline = expandTimeline(
      inventory({
        lifecycle: { 'contract-start': 0, renewal: 100 },
        touchpoints: [
          tp({ id: 'a', timing: scheduled('contract-start', 0, 40) }),
          tp({ id: 'b', timing: scheduled('contract-start', 10, 40, { anchor: 'nowhere' }) }),
        ],
      }),
      config({ horizon: 100 }),
    );
    expect(view(timeline)).toEqual({
      [ALL_SEGMENTS]: ['a@0', 'b@10', 'a@40', 'b@50', 'a@80', 'b@90'],
    });
  });

  it('leaves reactive, always-on, reactive-mode and unknown-anchor touchpoints off', () => {
    const timeline = expandTimeline(
      inventory({
        touchpoints: [
          tp({
            id: 'ticket',
            mode: 'reactive',
            timing: { kind: 'reactive', trigger: 'support-ticket' },
          }),
          tp({ id: 'ads', timing: { kind: 'continuous' } }),
          tp({ id: 'reply', mode: 'reactive', timing: scheduled('go-live', 1) }),
          tp({ id: 'lost', timing: scheduled('go-lvie', 1) }),
          tp({ id: 'proto', timing: scheduled('__proto__', 1) }),
          tp({ id: 'untimed' }),
          tp({ id: 'kept', timing: scheduled('go-live', 1) }),
        ],
      }),
      config(),
    );
    expect(view(timeline)).toEqual({ [ALL_SEGMENTS]: ['kept@15'] });
  });

  it.each([
    ['zero', 0],
    ['negative', -7],
    ['NaN', Number.NaN],
    ['infinite', Infinity],
  ])('does not recur with a %s `every`', (_name, every) => {
    const timeline = expandTimeline(
      inventory({ touchpoints: [tp({ id: 'x', timing: scheduled('go-live', 0, every) })] }),
      config(),
    );
    expect(view(timeline)).toEqual({ [ALL_SEGMENTS]: ['x@14'] });
  });

  it('keeps the first occurrence when `until` is before it', () => {
    const timeline = expandTimeline(
      inventory({
        touchpoints: [tp({ id: 'x', timing: scheduled('renewal', -30, 7, { anchor: 'go-live' }) })],
      }),
      config(),
    );
    expect(view(timeline)).toEqual({ [ALL_SEGMENTS]: ['x@335'] });
  });

  it('keeps days before 0 and drops occurrences after the horizon', () => {
    const timeline = expandTimeline(
      inventory({
        touchpoints: [
          tp({ id: 'pre-sales', timing: scheduled('contract-start', -14) }),
          tp({ id: 'post-renewal', timing: scheduled('renewal', 30) }),
          tp({ id: 'late', timing: scheduled('renewal', -10, 6) }),
        ],
      }),
      config(),
    );
    expect(view(timeline)).toEqual({
      [ALL_SEGMENTS]: ['pre-sales@-14', 'late@355', 'late@361'],
    });
  });

  it('caps the occurrences per touchpoint and lists the touchpoint as truncated', () => {
    const timeline = expandTimeline(
      inventory({
        touchpoints: [
          tp({ id: 'spam', timing: scheduled('contract-start', 0, 1 / 1440) }),
          tp({ id: 'ok', timing: scheduled('contract-start', 0, 30) }),
        ],
      }),
      config(),
    );
    const occurrences = timeline.segments.get(ALL_SEGMENTS) ?? [];
    expect(occurrences.filter((o) => o.touchpoint === 'spam')).toHaveLength(
      MAX_OCCURRENCES_PER_TOUCHPOINT,
    );
    expect(occurrences.filter((o) => o.touchpoint === 'ok')).toHaveLength(13);
    expect(timeline.truncated).toEqual(['spam']);
  });

  it('avoids float drift on fractional recurrences', () => {
    const timeline = expandTimeline(
      inventory({
        lifecycle: { start: 0 },
        touchpoints: [tp({ id: 'x', timing: scheduled('start', 0, 0.1, { offset: 1 }) })],
      }),
      config({ horizon: 10 }),
    );
    expect(timeline.segments.get(ALL_SEGMENTS)).toHaveLength(11);
  });

  it('distributes occurrences per segment, listing every inventory segment', () => {
    const timeline = expandTimeline(
      inventory({
        segments: ['enterprise', 'mid-market', 'smb'],
        touchpoints: [
          tp({ id: 'qbr', segments: ['enterprise'], timing: scheduled('contract-start', 90) }),
          tp({
            id: 'webinar',
            segments: ['smb', 'enterprise'],
            timing: scheduled('contract-start', 30),
          }),
          tp({ id: 'survey', timing: scheduled('contract-start', 60) }),
          tp({ id: 'odd', segments: ['zeta', 'alpha'], timing: scheduled('contract-start', 1) }),
        ],
      }),
      config(),
    );
    expect(view(timeline)).toEqual({
      enterprise: ['webinar@30', 'survey@60', 'qbr@90'],
      'mid-market': ['survey@60'],
      smb: ['webinar@30', 'survey@60'],
      alpha: ['odd@1'],
      zeta: ['odd@1'],
    });
    expect([...timeline.segments.keys()]).toEqual([
      'enterprise',
      'mid-market',
      'smb',
      'alpha',
      'zeta',
    ]);
  });

  // Its speed is measured by `npm run bench` (analysis case), not asserted here.
  it('expands 10,000 recurring touchpoints into every occurrence', () => {
    const touchpoints = Array.from({ length: 10_000 }, (_, i) =>
      tp({ id: `t${i}`, timing: scheduled('contract-start', i % 30, 30) }),
    );
    const timeline = expandTimeline(inventory({ touchpoints }), config());
    expect(timeline.segments.get(ALL_SEGMENTS)?.length).toBe(122_004);
  });
});

describe('formatDay', () => {
  it.each([
    [275, '275', '275 days'],
    [-14, '-14', '-14 days'],
    [1, '1', '1 day'],
    [3.5, '3.5', '3.5 days'],
    [1 / 3, '0.33', '0.33 days'],
    [-0.001, '0', '0 days'],
  ])('%d → %j / %j', (day, expected, count) => {
    expect(formatDay(day)).toBe(expected);
    expect(formatDayCount(day)).toBe(count);
  });
});

describe('expandTimeline limits', () => {
  it('caps recurrences across the whole timeline, cutting later touchpoints', () => {
    const count = Math.ceil(MAX_RECURRENCES_TOTAL / (MAX_OCCURRENCES_PER_TOUCHPOINT - 1)) + 1;
    const touchpoints = Array.from({ length: count }, (_, i) =>
      tp({
        id: `t${String(i).padStart(3, '0')}`,
        timing: scheduled('contract-start', 0, 1 / 1440),
      }),
    );
    const timeline = expandTimeline(inventory({ touchpoints }), config({ horizon: 1e12 }));
    const occurrences = timeline.segments.get(ALL_SEGMENTS) ?? [];
    // Every touchpoint keeps its first occurrence; recurrences stop at the global budget.
    expect(occurrences).toHaveLength(count + MAX_RECURRENCES_TOTAL);
    expect(timeline.truncated).toHaveLength(count);
    expect(
      occurrences.filter((o) => o.touchpoint === `t${String(count - 1).padStart(3, '0')}`),
    ).toHaveLength(1);
  });
});
