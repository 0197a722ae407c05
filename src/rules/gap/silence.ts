import { conditionLanes } from '../../timeline/conditions.js';
import { compareText } from '../../shared/compare-text.js';
import { silenceLimitFor } from '../../config/limits.js';
import { inventoryLocation, touchpointLocation } from '../locate.js';
import type { Occurrence } from '../../timeline/types.js';
import type { Days, Touchpoint } from '../../types.js';
import { defineRule } from '../rule.js';

interface Silence {
  from: Days;
  to: Days;
  limit: Days;
  /** The occurrence before the silence (none when it starts at day 0). */
  before?: Occurrence;
  /** The occurrence ending the silence (none when it runs to the horizon). */
  after?: Occurrence;
  /** Set for a per-channel check. */
  channel?: string;
}

export interface SilenceData {
  /** The segments that hear nothing (one finding names every segment with the same silence). */
  segments: string[];
  /** Lifecycle days the silence runs from and to, unrounded. */
  from: Days;
  to: Days;
  /** Its length, `to - from`. */
  days: Days;
  /** The longest allowed silence, in days. */
  limit: Days;
  /** Set for a per-channel check (`silence.channels`). */
  channel?: string;
}

export default defineRule<SilenceData>()({
  meta: {
    id: 'gap/silence',
    defaultSeverity: 'warning',
    wholeInventory: true,
    description:
      'A segment goes longer than its allowed silence without a proactive touch on the lifecycle timeline: from day 0 to the first touch, between two touches, or from the last touch to the horizon. With `silence.channels`, the same check between consecutive touches on that channel.',
    rationale:
      'Customers who hear nothing for too long drift away; customer-success practice touches strategic accounts every 2–3 weeks and scale accounts about monthly.',
    fix: 'Schedule a proactive touchpoint inside the silent stretch (or a recurrence with `every:`), or raise the limit for the segment with `silence.segments` in the config.',
    messages: {
      silence:
        '{{segments|segments}} {{segments|verb:hear}} nothing proactive for {{days|days}}, from day {{from|day}} to day {{to|day}} (limit {{limit|days}})',
      channelSilence:
        '{{segments|segments}} {{segments|verb:hear}} no {{channel}} touch for {{days|days}}, from day {{from|day}} to day {{to|day}} (limit {{limit|days}} for {{channel}})',
    },
  },
  phase: 'audit',
  check(ctx) {
    const { timeline, config, inventory } = ctx;
    if (!timeline) return;
    const byId = new Map<string, Touchpoint>(inventory.touchpoints.map((t) => [t.id, t]));

    // The same silence across several segments is one finding naming them all.
    const groups = new Map<string, { silence: Silence; segments: string[] }>();
    const add = (segment: string, silence: Silence): void => {
      const key = [
        silence.from,
        silence.to,
        silence.limit,
        silence.before?.touchpoint ?? '',
        silence.after?.touchpoint ?? '',
        silence.channel ?? '',
      ].join('\u0000');
      const group = groups.get(key);
      if (group) {
        // The same silence on two condition paths of one segment is one finding.
        if (group.segments[group.segments.length - 1] !== segment) group.segments.push(segment);
      } else groups.set(key, { silence, segments: [segment] });
    };

    // Silence is judged per condition path: a touch only some customers get does not fill
    // the silence of the others.
    const lanes = [...timeline.segments].flatMap(([segment, all]) =>
      conditionLanes(timeline.conditions, all).map(
        (occurrences) => [segment, occurrences] as const,
      ),
    );
    for (const [segment, occurrences] of lanes) {
      // The relationship starts at day 0: touches before it do not end a silence after it.
      const inRange = occurrences.filter((o) => o.day >= 0 && o.day <= timeline.horizon);
      const limit = silenceLimitFor(config, segment);
      let from = 0;
      let before: Occurrence | undefined;
      // Indexed, not `for…of`: unoptimised, that makes an iterator result per touch.
      for (let k = 0; k < inRange.length; k++) {
        const occurrence = inRange[k] as Occurrence;
        // A window touch (`at: 2d..3d`) may come as late as its last day.
        const to = occurrence.latest ?? occurrence.day;
        if (to - from > limit) {
          add(segment, {
            from,
            to,
            limit,
            ...(before ? { before } : {}),
            after: occurrence,
          });
        }
        from = occurrence.day;
        before = occurrence;
      }
      if (timeline.horizon - from > limit) {
        add(segment, { from, to: timeline.horizon, limit, ...(before ? { before } : {}) });
      }

      for (const [channel, channelLimit] of Object.entries(config.silence.channels)) {
        let previous: Occurrence | undefined;
        for (const occurrence of inRange) {
          if (occurrence.channel !== channel) continue;
          if (previous && occurrence.day - previous.day > channelLimit) {
            add(segment, {
              from: previous.day,
              to: occurrence.day,
              limit: channelLimit,
              before: previous,
              after: occurrence,
              channel,
            });
          }
          previous = occurrence;
        }
      }
    }

    const found = [...groups.values()].sort(
      (a, b) =>
        a.silence.from - b.silence.from ||
        a.silence.to - b.silence.to ||
        compareText(a.silence.channel ?? '', b.silence.channel ?? '') ||
        compareText(a.segments[0] ?? '', b.segments[0] ?? ''),
    );
    for (const { silence, segments } of found) {
      const { from, to, limit, before, after, channel } = silence;
      const data: SilenceData = {
        segments,
        from,
        to,
        days: to - from,
        limit,
        ...(channel === undefined ? {} : { channel }),
      };
      const messageId = channel === undefined ? 'silence' : 'channelSilence';
      const anchor = after ?? before;
      const touchpoint = anchor ? byId.get(anchor.touchpoint) : undefined;
      if (!anchor || !touchpoint) {
        ctx.report({
          messageId,
          data,
          location: inventoryLocation(inventory, 'segments', 'journey'),
          field: `segments.${segments.join(',')}`,
        });
        continue;
      }
      const related =
        after && before && before.touchpoint !== after.touchpoint ? [before.touchpoint] : [];
      ctx.report({
        messageId,
        data,
        location: touchpointLocation(touchpoint, 'timing'),
        touchpoint: touchpoint.id,
        ...(related.length > 0 ? { related } : {}),
        field: 'timing',
      });
    }
  },
});
