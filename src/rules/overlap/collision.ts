import { compareText } from '../../timeline/expand.js';
import { formatDay, formatDayCount, formatSegments } from '../../timeline/format.js';
import { collisionWindowFor, widestCollisionWindow } from '../../timeline/limits.js';
import { touchpointLocation } from '../../timeline/locate.js';
import type { Occurrence } from '../../timeline/types.js';
import type { Touchpoint } from '../../types.js';
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

export default defineRule({
  meta: {
    id: 'overlap/collision',
    defaultSeverity: 'warning',
    description:
      'Two different proactive touchpoints reach a shared segment closer together than the collision window (default 1 day: the same day). One finding per pair and set of segments, naming the first day and how often it repeats.',
    rationale:
      'Two messages landing together compete for attention and read as an organisation that does not talk to itself — a QBR invitation on the same day as the renewal reminder.',
    fix: 'Move one touchpoint’s `timing.at` (or its recurrence), merge the two, or narrow their `segments`. Tune `collision.window`, `collision.segments` or `collision.channels` in the config if the spacing is deliberate.',
  },
  phase: 'audit',
  check(ctx) {
    const { timeline, config, inventory } = ctx;
    if (!timeline) return;
    const byId = new Map<string, Touchpoint>(inventory.touchpoints.map((t) => [t.id, t]));

    // pair key → per segment, the first collision and how many there are.
    const pairs = new Map<string, (PairCollisions & { segment: string })[]>();
    for (const [segment, occurrences] of timeline.segments) {
      const widest = widestCollisionWindow(config, segment);
      if (!(widest > 0)) continue;
      const perPair = new Map<string, PairCollisions>();
      let start = 0;
      for (let i = 0; i < occurrences.length; i++) {
        const current = occurrences[i] as Occurrence;
        while ((occurrences[start] as Occurrence).day <= current.day - widest) start++;
        const currentWindow = collisionWindowFor(config, segment, current.channel);
        for (let j = start; j < i; j++) {
          const earlier = occurrences[j] as Occurrence;
          if (earlier.touchpoint === current.touchpoint) continue;
          const window = Math.max(
            currentWindow,
            collisionWindowFor(config, segment, earlier.channel),
          );
          if (current.day - earlier.day >= window) continue;
          const key =
            earlier.touchpoint < current.touchpoint
              ? `${earlier.touchpoint}\u0000${current.touchpoint}`
              : `${current.touchpoint}\u0000${earlier.touchpoint}`;
          const found = perPair.get(key);
          if (found) found.count++;
          else perPair.set(key, { first: { first: earlier, second: current }, count: 1, window });
        }
      }
      for (const [key, found] of perPair) {
        let list = pairs.get(key);
        if (!list) {
          list = [];
          pairs.set(key, list);
        }
        list.push({ ...found, segment });
      }
    }

    const findings: { first: Collision; segments: string[]; count: number }[] = [];
    for (const perSegment of pairs.values()) {
      // A touchpoint's days are the same in every segment it reaches, so the pair's collisions
      // differ between segments only through the window: segments with the same window (the
      // usual case) share one finding.
      const groups = new Map<number, { first: Collision; segments: string[]; count: number }>();
      for (const { segment, first, count, window } of perSegment) {
        const group = groups.get(window);
        if (group) group.segments.push(segment);
        else groups.set(window, { first, segments: [segment], count });
      }
      findings.push(...groups.values());
    }
    findings.sort(
      (a, b) =>
        a.first.first.day - b.first.first.day ||
        compareText(a.first.first.touchpoint, b.first.first.touchpoint) ||
        compareText(a.first.second.touchpoint, b.first.second.touchpoint) ||
        compareText(a.segments[0] ?? '', b.segments[0] ?? ''),
    );

    for (const { first, segments, count } of findings) {
      const a = first.first;
      const b = first.second;
      const who = formatSegments(segments);
      const when =
        a.day === b.day
          ? `on day ${formatDay(a.day)}`
          : `${formatDayCount(b.day - a.day)} apart, on day ${formatDay(a.day)} and day ${formatDay(b.day)}`;
      const more = count > 1 ? ` (and ${count - 1} more time${count === 2 ? '' : 's'})` : '';
      const touchpoint = byId.get(a.touchpoint);
      if (!touchpoint) continue;
      ctx.report({
        message: `'${a.touchpoint}' and '${b.touchpoint}' both reach ${who} ${when}${more}`,
        location: touchpointLocation(touchpoint, 'timing'),
        touchpoint: a.touchpoint,
        related: [b.touchpoint],
        field: 'timing',
      });
    }
  },
});
