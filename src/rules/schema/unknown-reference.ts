import { BUILTIN_CHANNELS } from '../../config/config.js';
import { parseDuration } from '../../inventory/duration.js';
import { suggest } from '../../text/suggest.js';
import type { Location, Touchpoint } from '../../types.js';
import { defineRule } from '../rule.js';
import type { RuleContext } from '../rule.js';

function didYouMean(word: string, candidates: readonly string[]): string {
  const hint = suggest(word, candidates);
  return hint ? ` — did you mean '${hint}'?` : '';
}

function fieldLocation(touchpoint: Touchpoint, field: string): Location {
  return touchpoint.fields[field] ?? touchpoint.location;
}

export default defineRule({
  phase: 'validate',
  meta: {
    id: 'schema/unknown-reference',
    defaultSeverity: 'error',
    description:
      "A touchpoint's stage, channel, segments or timing anchor names something the inventory does not define: a stage outside the journey, a channel not in the channel list, a segment not in `segments:`, an anchor not in `lifecycle:`.",
    rationale:
      'A dangling reference puts the touchpoint nowhere: it drops out of stage coverage, channel scores and the lifecycle timeline without anyone noticing.',
    fix: 'Use the suggested name, or add the missing stage, channel (config `channels:`), segment or lifecycle event.',
  },
  check(ctx: RuleContext) {
    const { inventory, config } = ctx;
    const stages = inventory.journey.stages;
    const channels = [...BUILTIN_CHANNELS, ...config.channels];
    const anchors = Object.keys(inventory.lifecycle);
    const journeyName = inventory.journey.preset
      ? `the ${inventory.journey.preset} journey`
      : 'the journey';
    for (const tp of inventory.touchpoints) {
      const report = (field: string, message: string): void => {
        ctx.report({ message, location: fieldLocation(tp, field), touchpoint: tp.id, field });
      };
      if (tp.stage !== undefined && stages.length > 0 && !stages.includes(tp.stage)) {
        report(
          'stage',
          `stage '${tp.stage}' of touchpoint '${tp.id}' is not a stage of ${journeyName}${didYouMean(tp.stage, stages)}`,
        );
      }
      if (tp.channel !== undefined && !channels.includes(tp.channel)) {
        report(
          'channel',
          `channel '${tp.channel}' of touchpoint '${tp.id}' is not a known channel${didYouMean(tp.channel, channels)} (add custom channels under channels: in the config)`,
        );
      }
      for (const segment of tp.segments) {
        if (!inventory.segments.includes(segment)) {
          report(
            'segments',
            `segment '${segment}' of touchpoint '${tp.id}' is not in the inventory's segments${didYouMean(segment, inventory.segments)}`,
          );
        }
      }
      const timing = tp.timing;
      if (timing?.kind === 'scheduled') {
        if (!(timing.anchor in inventory.lifecycle)) {
          report(
            'timing.anchor',
            `anchor '${timing.anchor}' of touchpoint '${tp.id}' is not a lifecycle event${didYouMean(timing.anchor, anchors)}`,
          );
        }
        if (
          timing.until &&
          'anchor' in timing.until &&
          !(timing.until.anchor in inventory.lifecycle) &&
          parseDuration(timing.until.anchor) === undefined
        ) {
          report(
            'timing.until',
            `until '${timing.until.anchor}' of touchpoint '${tp.id}' is neither a lifecycle event nor a duration${didYouMean(timing.until.anchor, anchors)}`,
          );
        }
      }
    }
  },
});
