import { BUILTIN_CHANNELS } from '../../config/config.js';
import { parseDuration } from '../../inventory/duration.js';
import { suggest } from '../../shared/suggest.js';
import type { Location, Touchpoint } from '../../types.js';
import { defineRule } from '../rule.js';

type Reference = 'stage' | 'channel' | 'segment' | 'anchor' | 'until';

export interface UnknownReferenceData {
  /** The name as written. */
  value: string;
  touchpoint: string;
  /** The closest known name, when one is close. */
  suggestion?: string;
  /** The journey preset, for stages (`b2b-saas`). */
  journey?: string;
}

function fieldLocation(touchpoint: Touchpoint, field: string): Location {
  return (
    (Object.hasOwn(touchpoint.fields, field) ? touchpoint.fields[field] : undefined) ??
    touchpoint.location
  );
}

export default defineRule<UnknownReferenceData>()({
  phase: 'validate',
  meta: {
    id: 'schema/unknown-reference',
    defaultSeverity: 'error',
    wholeInventory: true,
    description:
      "A touchpoint's stage, channel, segments or timing anchor names something the inventory does not define: a stage outside the journey, a channel not in the channel list, a segment not in `segments:`, an anchor not in `lifecycle:`.",
    rationale:
      'A dangling reference puts the touchpoint nowhere: it drops out of stage coverage, channel scores and the lifecycle timeline without anyone noticing.',
    fix: 'Use the suggested name, or add the missing stage, channel (config `channels:`), segment or lifecycle event.',
    messages: {
      stage: "stage '{{value}}' of touchpoint '{{touchpoint}}' is not a stage of the journey",
      stageSuggest:
        "stage '{{value}}' of touchpoint '{{touchpoint}}' is not a stage of the journey — did you mean '{{suggestion}}'?",
      presetStage:
        "stage '{{value}}' of touchpoint '{{touchpoint}}' is not a stage of the {{journey}} journey",
      presetStageSuggest:
        "stage '{{value}}' of touchpoint '{{touchpoint}}' is not a stage of the {{journey}} journey — did you mean '{{suggestion}}'?",
      channel:
        "channel '{{value}}' of touchpoint '{{touchpoint}}' is not a known channel (add custom channels under channels: in the config)",
      channelSuggest:
        "channel '{{value}}' of touchpoint '{{touchpoint}}' is not a known channel — did you mean '{{suggestion}}'? (add custom channels under channels: in the config)",
      segment:
        "segment '{{value}}' of touchpoint '{{touchpoint}}' is not in the inventory's segments",
      segmentSuggest:
        "segment '{{value}}' of touchpoint '{{touchpoint}}' is not in the inventory's segments — did you mean '{{suggestion}}'?",
      anchor: "anchor '{{value}}' of touchpoint '{{touchpoint}}' is not a lifecycle event",
      anchorSuggest:
        "anchor '{{value}}' of touchpoint '{{touchpoint}}' is not a lifecycle event — did you mean '{{suggestion}}'?",
      until:
        "until '{{value}}' of touchpoint '{{touchpoint}}' is neither a lifecycle event nor a duration",
      untilSuggest:
        "until '{{value}}' of touchpoint '{{touchpoint}}' is neither a lifecycle event nor a duration — did you mean '{{suggestion}}'?",
    },
  },
  check(ctx) {
    const { inventory, config } = ctx;
    const stages = inventory.journey.stages;
    const channels = [...BUILTIN_CHANNELS, ...config.channels];
    const anchors = Object.keys(inventory.lifecycle);
    const preset = inventory.journey.preset;
    for (const tp of inventory.touchpoints) {
      const report = (
        field: string,
        kind: Reference,
        value: string,
        candidates: readonly string[],
      ): void => {
        const suggestion = suggest(value, candidates);
        const journey = kind === 'stage' ? preset : undefined;
        const base = journey === undefined ? kind : 'presetStage';
        ctx.report({
          messageId: suggestion === undefined ? base : `${base}Suggest`,
          data: {
            value,
            touchpoint: tp.id,
            ...(suggestion === undefined ? {} : { suggestion }),
            ...(journey === undefined ? {} : { journey }),
          },
          location: fieldLocation(tp, field),
          touchpoint: tp.id,
          field,
        });
      };
      if (tp.stage !== undefined && stages.length > 0 && !stages.includes(tp.stage)) {
        report('stage', 'stage', tp.stage, stages);
      }
      if (tp.channel !== undefined && !channels.includes(tp.channel)) {
        report('channel', 'channel', tp.channel, channels);
      }
      for (const segment of tp.segments) {
        if (!inventory.segments.includes(segment)) {
          report('segments', 'segment', segment, inventory.segments);
        }
      }
      const timing = tp.timing;
      if (timing?.kind === 'scheduled') {
        if (!Object.hasOwn(inventory.lifecycle, timing.anchor)) {
          report('timing.anchor', 'anchor', timing.anchor, anchors);
        }
        if (
          timing.until &&
          'anchor' in timing.until &&
          !Object.hasOwn(inventory.lifecycle, timing.until.anchor) &&
          parseDuration(timing.until.anchor) === undefined
        ) {
          report('timing.until', 'until', timing.until.anchor, anchors);
        }
      }
    }
  },
});
