import { compareText } from '../../shared/compare-text.js';
import { collisionWindowFor, widestCollisionWindow } from '../../config/limits.js';
import { touchpointLocation } from '../locate.js';
import type { Occurrence } from '../../timeline/types.js';
import type { Days, Touchpoint } from '../../types.js';
import { defineRule } from '../rule.js';

/** One pair of touchpoints colliding: `first` is on or before `second`. */
interface Collision {
  first: Occurrence;
  second: Occurrence;
}

interface PairCollisions {
  first: Collision;
  count: number;
  /** The pair's collision window in the segment. */
  window: number;
}

export interface CollisionData {
  /** The touchpoint reaching the segments first, and the other one. */
  first: string;
  second: string;
  /** The segments both reach (one finding names every segment with the same window). */
  segments: string[];
  /** Lifecycle day of the first collision, unrounded, and of the other touchpoint's touch. */
  day: Days;
  otherDay: Days;
  /** `otherDay - day`: how far apart the two touches are (0 on the same day). */
  apart: Days;
  /** The collision window in days. */
  window: Days;
  /** How many more times the pair collides in these segments. */
  more: number;
  /**
   * Set when either touch is a window (`at: 2d..3d`): the collision is possible, not certain,
   * somewhere from `day` to `until`, the latest day either can land on.
   */
  until?: Days;
}

export default defineRule<CollisionData>()({
  meta: {
    id: 'overlap/collision',
    defaultSeverity: 'warning',
    wholeInventory: true,
    description:
      'Two different proactive touchpoints reach a shared segment closer together than the collision window (default 1 day: the same day). One finding per pair and set of segments, naming the first day and how many more occurrences collide.',
    rationale:
      'Two messages landing together compete for attention and read as an organisation that does not talk to itself — a QBR invitation on the same day as the renewal reminder.',
    fix: 'Move one touchpoint’s `timing.at` (or its recurrence), merge the two, or narrow their `segments`. Tune `collision.window`, `collision.segments` or `collision.channels` in the config if the spacing is deliberate.',
    // Four overlap findings naming a touchpoint empty its hygiene pillar.
    hygiene: 0.25,
    messages: {
      sameDay: "'{{first}}' and '{{second}}' both reach {{segments|segments}} on day {{day|day}}",
      sameDayAgain:
        "'{{first}}' and '{{second}}' both reach {{segments|segments}} on day {{day|day}} (and {{more|count:more time}})",
      apart:
        "'{{first}}' and '{{second}}' both reach {{segments|segments}} {{apart|days}} apart, on day {{day|day}} and day {{otherDay|day}}",
      window:
        "'{{first}}' and '{{second}}' can collide for {{segments|segments}} between day {{day|day}} and day {{until|day}}",
      windowAgain:
        "'{{first}}' and '{{second}}' can collide for {{segments|segments}} between day {{day|day}} and day {{until|day}} (and {{more|count:more time}})",
      apartAgain:
        "'{{first}}' and '{{second}}' both reach {{segments|segments}} {{apart|days}} apart, on day {{day|day}} and day {{otherDay|day}} (and {{more|count:more time}})",
    },
  },
  phase: 'audit',
  check(ctx) {
    const { timeline, config, inventory } = ctx;
    if (!timeline) return;
    const byId = new Map<string, Touchpoint>(inventory.touchpoints.map((t) => [t.id, t]));

    // Touchpoint ids as numbers, so a pair key is one number, not a concatenated string.
    const index = new Map<string, number>();
    for (const touchpoint of inventory.touchpoints) {
      if (!index.has(touchpoint.id)) index.set(touchpoint.id, index.size);
    }
    const stride = index.size + 1;
    // Pairs that never reach the same customer (`exclusive:`, `excludes:`), as pair keys.
    const apart = new Set<number>();
    for (const key of timeline.conditions?.apart ?? []) {
      const [a, b] = key.split('\u0000').map((id) => index.get(id) ?? -1) as [number, number];
      if (a >= 0 && b >= 0) apart.add(a < b ? a * stride + b : b * stride + a);
    }

    // pair key → per segment, the first collision and how many there are.
    const pairs = new Map<number, (PairCollisions & { segment: string })[]>();
    for (const [segment, occurrences] of timeline.segments) {
      const widest = widestCollisionWindow(config, segment);
      if (!(widest > 0)) continue;
      const count = occurrences.length;
      const days = new Float64Array(count);
      const ids = new Int32Array(count);
      // The latest day each touch can land on (its day, for a point in time).
      const latest = new Float64Array(count);
      let longestWindow = 0;
      const windows = new Float64Array(count);
      const windowByChannel = new Map<string | undefined, number>();
      for (let i = 0; i < count; i++) {
        const occurrence = occurrences[i] as Occurrence;
        days[i] = occurrence.day;
        latest[i] = occurrence.latest ?? occurrence.day;
        longestWindow = Math.max(longestWindow, (latest[i] ?? 0) - occurrence.day);
        ids[i] = index.get(occurrence.touchpoint) ?? index.size;
        let window = windowByChannel.get(occurrence.channel);
        if (window === undefined) {
          window = collisionWindowFor(config, segment, occurrence.channel);
          windowByChannel.set(occurrence.channel, window);
        }
        windows[i] = window;
      }

      // Each touchpoint with an occurrence inside the widest window, with its latest one: the
      // closest to the current occurrence, so the only one needed to know whether the pair
      // collides. The work per occurrence is the number of distinct touchpoints in the window,
      // however often each of them recurs inside it.
      const active = new Map<number, number>();
      let start = 0;
      for (let i = 0; i < count; i++) {
        const day = days[i] ?? 0;
        const id = ids[i] ?? 0;
        const ownWindow = windows[i] ?? 0;
        for (; (days[start] ?? 0) <= day - widest - longestWindow; start++) {
          const leaving = ids[start] ?? 0;
          if (active.get(leaving) === start) active.delete(leaving);
        }
        for (const [other, j] of active) {
          if (other === id) continue;
          const window = Math.max(ownWindow, windows[j] ?? 0);
          // j starts no later than i: they can meet when i starts before j's latest day plus
          // the window.
          if (day - (latest[j] ?? 0) >= window) continue;
          const key = other < id ? other * stride + id : id * stride + other;
          if (apart.has(key)) continue;
          // Segments are swept one after another, so the pair's record for this segment, if
          // any, is the last one in its list.
          let list = pairs.get(key);
          if (!list) {
            list = [];
            pairs.set(key, list);
          }
          const last = list[list.length - 1];
          if (last?.segment === segment) last.count++;
          else {
            const first = {
              first: occurrences[j] as Occurrence,
              second: occurrences[i] as Occurrence,
            };
            list.push({ first, count: 1, window, segment });
          }
        }
        active.set(id, i);
      }
    }

    // Rank ids and segments once so the sort below compares numbers, not strings.
    const rank = new Map<string, number>();
    [...index.keys()].sort(compareText).forEach((id, position) => rank.set(id, position));
    const segmentOrder = new Map<string, number>();
    for (const segment of timeline.segments.keys()) segmentOrder.set(segment, segmentOrder.size);

    interface Found {
      first: Collision;
      segments: string[];
      count: number;
      window: number;
      sortKey: [number, number, number, number];
    }
    const findings: Found[] = [];
    for (const perSegment of pairs.values()) {
      // A touchpoint's days are the same in every segment it reaches, so the pair's collisions
      // differ between segments only through the window: segments with the same window (the
      // usual case) share one finding.
      const groups: Found[] = [];
      for (const { segment, first, count, window } of perSegment) {
        const group = groups.find((g) => g.window === window);
        if (group) group.segments.push(segment);
        else {
          const sortKey: Found['sortKey'] = [
            first.first.day,
            rank.get(first.first.touchpoint) ?? 0,
            rank.get(first.second.touchpoint) ?? 0,
            segmentOrder.get(segment) ?? 0,
          ];
          groups.push({ first, segments: [segment], count, window, sortKey });
        }
      }
      for (const group of groups) findings.push(group);
    }
    findings.sort(
      ({ sortKey: a }, { sortKey: b }) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3],
    );

    for (const { first, segments, count, window } of findings) {
      const a = first.first;
      const b = first.second;
      const touchpoint = byId.get(a.touchpoint);
      if (!touchpoint) continue;
      const uncertain = a.latest !== undefined || b.latest !== undefined;
      const base = uncertain ? 'window' : a.day === b.day ? 'sameDay' : 'apart';
      ctx.report({
        messageId: count > 1 ? `${base}Again` : base,
        data: {
          first: a.touchpoint,
          second: b.touchpoint,
          segments,
          day: a.day,
          otherDay: b.day,
          apart: b.day - a.day,
          window,
          more: count - 1,
          ...(uncertain ? { until: Math.max(a.latest ?? a.day, b.latest ?? b.day) } : {}),
        },
        location: touchpointLocation(touchpoint, 'timing'),
        touchpoint: a.touchpoint,
        related: [b.touchpoint],
        field: 'timing',
      });
    }
  },
});
