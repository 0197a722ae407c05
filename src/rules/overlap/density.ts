import type { DensityLimit } from '../../config/config.js';
import { conditionLanes } from '../../timeline/conditions.js';
import { compareText } from '../../shared/compare-text.js';
import { densityLimitFor } from '../../config/limits.js';
import { touchpointLocation } from '../locate.js';
import type { Occurrence } from '../../timeline/types.js';
import type { Touchpoint } from '../../types.js';
import { defineRule } from '../rule.js';

/** A run of overlapping windows that each hold more touches than the limit. */
interface Episode {
  /** Index of the first and last occurrence inside the breaching windows. */
  start: number;
  end: number;
  /** Index of the occurrence that first pushed a window over the limit. */
  breach: number;
  /** Most touches in any one window of the episode. */
  peak: number;
}

/**
 * Sliding-window sweep over occurrences sorted by day: a window `[day, day + window)` holds
 * too many touches when more than `max` fall in it. Overlapping breaching windows form one
 * episode. O(n).
 */
export function findDensityEpisodes(
  occurrences: readonly Occurrence[],
  limit: DensityLimit,
): Episode[] {
  const { max, window } = limit;
  if (!(window > 0) || !Number.isFinite(max)) return [];
  const episodes: Episode[] = [];
  let open: Episode | undefined;
  let left = 0;
  for (let right = 0; right < occurrences.length; right++) {
    const day = (occurrences[right] as Occurrence).day;
    while (day - (occurrences[left] as Occurrence).day >= window) left++;
    const count = right - left + 1;
    if (count <= max) {
      open = undefined;
      continue;
    }
    if (open && left <= open.end) {
      open.end = right;
      open.peak = Math.max(open.peak, count);
    } else {
      open = { start: left, end: right, breach: right, peak: count };
      episodes.push(open);
    }
  }
  return episodes;
}

interface Breach {
  touchpoint: string;
  related: string[];
  names: string[];
  from: number;
  to: number;
  peak: number;
  limit: DensityLimit;
  channel?: string;
  segments: string[];
}

export interface DensityData {
  /** The segments crowded the same way (one finding names them all). */
  segments: string[];
  /** Most touches in any one window of the crowded run. */
  peak: number;
  /** The density limit: more than `max` touches in `window` days. */
  max: number;
  window: number;
  /** Lifecycle days of the first and last touch of the crowded run, unrounded. */
  from: number;
  to: number;
  /** Every touchpoint in the run, in order of their first touch. */
  touchpoints: string[];
  /** Set for a per-channel limit (`density.channels`). */
  channel?: string;
}

export default defineRule<DensityData>()({
  meta: {
    id: 'overlap/density',
    defaultSeverity: 'warning',
    wholeInventory: true,
    description:
      'More proactive touches reach a segment inside a rolling window than the density limit allows (default more than 3 in 7 days). Transactional touchpoints do not count. One finding per segment and run of crowded windows.',
    rationale:
      'Too many messages in a short time read as noise: customers stop opening them, unsubscribe, or call it spam — the “fifth of touchpoints that annoy” in most audits.',
    fix: 'Spread the touches out (`timing.at`, `every`): when moving one touchpoint is enough, the finding proposes the smallest move, up to 30 days either way, that clears it without a new collision, density breach or silence (`data.suggestion` in JSON, the search under `--explain`). Or merge some of them, or narrow their `segments`. Mark genuinely transactional ones (receipts, password resets) `transactional: true`. Tune `density` in the config, per segment or channel.',
    // Touchpoint lists stop at eight names ("and 4 more").
    // Four overlap findings naming a touchpoint empty its hygiene pillar.
    hygiene: 0.25,
    messages: {
      calendarNote: '{{calendar|list}}: on the calendar, placed at the worst-case alignment',
      sameDay:
        '{{segments|segments}} {{segments|verb:get}} {{peak}} proactive touches within {{window|days}} on day {{from|day}} (limit {{max}}): {{touchpoints|list:8}}{{suggestion?|message:move}}',
      between:
        '{{segments|segments}} {{segments|verb:get}} {{peak}} proactive touches within {{window|days}} between day {{from|day}} and day {{to|day}} (limit {{max}}): {{touchpoints|list:8}}{{suggestion?|message:move}}',
      channelSameDay:
        '{{segments|segments}} {{segments|verb:get}} {{peak}} {{channel}} touches within {{window|days}} on day {{from|day}} (limit {{max}} for {{channel}}): {{touchpoints|list:8}}{{suggestion?|message:move}}',
      channelBetween:
        '{{segments|segments}} {{segments|verb:get}} {{peak}} {{channel}} touches within {{window|days}} between day {{from|day}} and day {{to|day}} (limit {{max}} for {{channel}}): {{touchpoints|list:8}}{{suggestion?|message:move}}',
      move: "; move '{{touchpoint}}' from day {{from|day}} to day {{to|day}}",
    },
  },
  phase: 'audit',
  check(ctx) {
    const { timeline, config, inventory } = ctx;
    if (!timeline) return;
    const byId = new Map<string, Touchpoint>(inventory.touchpoints.map((t) => [t.id, t]));
    const breaches = new Map<string, Breach>();

    const collect = (
      segment: string,
      occurrences: Occurrence[],
      limit: DensityLimit,
      channel?: string,
    ): void => {
      for (const episode of findDensityEpisodes(occurrences, limit)) {
        const touchpoint = (occurrences[episode.breach] as Occurrence).touchpoint;
        const names: string[] = [];
        const seen = new Set<string>();
        for (let i = episode.start; i <= episode.end; i++) {
          const id = (occurrences[i] as Occurrence).touchpoint;
          if (seen.has(id)) continue;
          seen.add(id);
          names.push(id);
        }
        const from = (occurrences[episode.start] as Occurrence).day;
        const to = (occurrences[episode.end] as Occurrence).day;
        // The same crowding in several segments is one finding naming them all.
        const key = [
          channel ?? '',
          from,
          to,
          episode.peak,
          limit.max,
          limit.window,
          touchpoint,
          ...names,
        ].join('\u0000');
        const existing = breaches.get(key);
        if (existing) {
          // The same crowding on two condition paths of one segment is one finding.
          if (existing.segments[existing.segments.length - 1] !== segment)
            existing.segments.push(segment);
          continue;
        }
        breaches.set(key, {
          touchpoint,
          related: names.filter((id) => id !== touchpoint),
          names,
          from,
          to,
          peak: episode.peak,
          limit,
          ...(channel === undefined ? {} : { channel }),
          segments: [segment],
        });
      }
    };

    for (const [segment, all] of timeline.segments) {
      // A customer is on one condition path: touches that never reach the same customer
      // never share a window.
      for (const occurrences of conditionLanes(timeline.conditions, all)) {
        const counted = occurrences.filter((o) => !o.transactional);
        collect(segment, counted, densityLimitFor(config, segment));
        for (const [channel, limit] of Object.entries(config.density.channels)) {
          collect(
            segment,
            counted.filter((o) => o.channel === channel),
            limit,
            channel,
          );
        }
      }
    }

    const sorted = [...breaches.values()].sort(
      (a, b) =>
        a.from - b.from ||
        a.to - b.to ||
        compareText(a.channel ?? '', b.channel ?? '') ||
        compareText(a.segments[0] ?? '', b.segments[0] ?? ''),
    );
    for (const breach of sorted) {
      const touchpoint = byId.get(breach.touchpoint);
      if (!touchpoint) continue;
      const { segments, channel, limit } = breach;
      const span = breach.from === breach.to ? 'SameDay' : 'Between';
      ctx.report({
        messageId:
          channel === undefined ? (span === 'SameDay' ? 'sameDay' : 'between') : `channel${span}`,
        data: {
          segments,
          peak: breach.peak,
          max: limit.max,
          window: limit.window,
          from: breach.from,
          to: breach.to,
          touchpoints: breach.names,
          ...(channel === undefined ? {} : { channel }),
        },
        location: touchpointLocation(touchpoint, 'timing'),
        touchpoint: breach.touchpoint,
        ...(breach.related.length > 0 ? { related: breach.related } : {}),
        field: 'timing',
      });
    }
  },
});
