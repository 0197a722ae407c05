import { BUILTIN_CHANNELS } from '../../config/config.js';
import { suggest } from '../../shared/suggest.js';
import { DEFAULT_TARGET_KEY, type Location, type Timing, type Touchpoint } from '../../types.js';
import { defineRule } from '../rule.js';

type Reference =
  | 'stage'
  | 'channel'
  | 'segment'
  | 'anchor'
  | 'until'
  | 'excludes'
  | 'targetSegment'
  | 'timingSegment';

export interface UnknownReferenceData {
  /** The name as written. */
  value: string;
  /** The touchpoint holding the reference; absent for inventory-level keys. */
  touchpoint?: string;
  /** For `exclusive:`, the group's position (1-based); for `journey:`, the stage. */
  group?: number;
  stage?: string;
  /** The closest known name, when one is close. */
  suggestion?: string;
  /** The journey preset, for stages (`b2b-saas`). */
  journey?: string;
}

/** The position of a field, or of the nearest enclosing one that has a position. */
function fieldLocation(touchpoint: Touchpoint, field: string): Location {
  for (let path = field; path !== ''; path = path.slice(0, Math.max(0, path.lastIndexOf('.')))) {
    if (Object.hasOwn(touchpoint.fields, path))
      return touchpoint.fields[path] ?? touchpoint.location;
  }
  return touchpoint.location;
}

export default defineRule<UnknownReferenceData>()({
  phase: 'validate',
  meta: {
    id: 'schema/unknown-reference',
    defaultSeverity: 'error',
    wholeInventory: true,
    description:
      "A touchpoint's stage, channel, segments, timing anchor or excludes names something the inventory does not define: a stage outside the journey, a channel not in the channel list, a segment not in `segments:` (also as a key of a per-segment metric target), an anchor not in `lifecycle:`, a touchpoint id that does not exist. The same for the inventory's own references: ids and when: labels in `exclusive:` groups, stages in `scope:`, segments a journey stage applies to.",
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
      targetSegment:
        "target segment '{{value}}' of touchpoint '{{touchpoint}}' is not in the inventory's segments (or default)",
      targetSegmentSuggest:
        "target segment '{{value}}' of touchpoint '{{touchpoint}}' is not in the inventory's segments — did you mean '{{suggestion}}'?",
      timingSegment:
        "timing of touchpoint '{{touchpoint}}' names segment '{{value}}', which is not in the inventory's segments (or default)",
      timingSegmentSuggest:
        "timing of touchpoint '{{touchpoint}}' names segment '{{value}}', which is not in the inventory's segments — did you mean '{{suggestion}}'?",
      anchor: "anchor '{{value}}' of touchpoint '{{touchpoint}}' is not a lifecycle event",
      anchorSuggest:
        "anchor '{{value}}' of touchpoint '{{touchpoint}}' is not a lifecycle event — did you mean '{{suggestion}}'?",
      until:
        "until '{{value}}' of touchpoint '{{touchpoint}}' is neither a lifecycle event nor a duration",
      untilSuggest:
        "until '{{value}}' of touchpoint '{{touchpoint}}' is neither a lifecycle event nor a duration — did you mean '{{suggestion}}'?",
      excludes:
        "excludes of touchpoint '{{touchpoint}}' names '{{value}}', which is not a touchpoint of the inventory",
      excludesSuggest:
        "excludes of touchpoint '{{touchpoint}}' names '{{value}}', which is not a touchpoint of the inventory — did you mean '{{suggestion}}'?",
      exclusive:
        "exclusive group {{group}} names '{{value}}', which is neither a touchpoint id nor a when: label",
      exclusiveSuggest:
        "exclusive group {{group}} names '{{value}}', which is neither a touchpoint id nor a when: label — did you mean '{{suggestion}}'?",
      scope: "scope stage '{{value}}' is not a stage of the journey",
      scopeSuggest:
        "scope stage '{{value}}' is not a stage of the journey — did you mean '{{suggestion}}'?",
      stageSegment:
        "journey stage '{{stage}}' applies to segment '{{value}}', which is not in the inventory's segments",
      stageSegmentSuggest:
        "journey stage '{{stage}}' applies to segment '{{value}}', which is not in the inventory's segments — did you mean '{{suggestion}}'?",
    },
  },
  check(ctx) {
    const { inventory, config } = ctx;
    const ids = inventory.touchpoints.map((tp) => tp.id);
    const inventoryLevel = (
      messageId: 'exclusive' | 'scope' | 'stageSegment',
      value: string,
      candidates: readonly string[],
      location: Location,
      data: { group?: number; stage?: string },
    ): void => {
      const suggestion = suggest(value, candidates);
      ctx.report({
        messageId: suggestion === undefined ? messageId : `${messageId}Suggest`,
        data: { value, ...data, ...(suggestion === undefined ? {} : { suggestion }) },
        location,
      });
    };
    const where = (key: string, fallback: string): Location | undefined =>
      (Object.hasOwn(inventory.locations, key) ? inventory.locations[key] : undefined) ??
      (Object.hasOwn(inventory.locations, fallback) ? inventory.locations[fallback] : undefined);
    const labels = new Set<string>();
    for (const tp of inventory.touchpoints) if (tp.when !== undefined) labels.add(tp.when);
    const idSet = new Set(ids);
    const known = new Set([...ids, ...labels]);
    (inventory.exclusive ?? []).forEach((group, g) => {
      group.forEach((value, i) => {
        const location = where(`exclusive.${String(g)}.${String(i)}`, 'exclusive');
        if (known.has(value) || location === undefined) return;
        inventoryLevel('exclusive', value, [...known], location, { group: g + 1 });
      });
    });
    const stagesOfJourney = inventory.journey.stages;
    (inventory.scope?.stages ?? []).forEach((value, i) => {
      const location = where(`scope.stages.${String(i)}`, 'scope');
      if (stagesOfJourney.includes(value) || location === undefined) return;
      inventoryLevel('scope', value, stagesOfJourney, location, {});
    });
    for (const [stage, segments] of Object.entries(inventory.journey.applies ?? {})) {
      segments.forEach((value, i) => {
        const location = where(`journey.${stage}.segments.${String(i)}`, 'journey');
        if (inventory.segments.includes(value) || location === undefined) return;
        inventoryLevel('stageSegment', value, inventory.segments, location, { stage });
      });
    }
    const stages = inventory.journey.stages;
    const channels = [...BUILTIN_CHANNELS, ...config.channels];
    // A segment's own lifecycle may add events only its lane has.
    const anchors = [
      ...new Set([
        ...Object.keys(inventory.lifecycle),
        ...Object.values(inventory.segmentLifecycles ?? {}).flatMap((own) => Object.keys(own)),
      ]),
    ];
    const isAnchor = (name: string): boolean => anchors.includes(name);
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
      for (const value of tp.excludes ?? []) {
        if (!idSet.has(value)) report('excludes', 'excludes', value, ids);
      }
      for (const { segment } of tp.metric?.segmentTargets ?? []) {
        if (!inventory.segments.includes(segment)) {
          report(`metric.target.${segment}`, 'targetSegment', segment, [
            ...inventory.segments,
            DEFAULT_TARGET_KEY,
          ]);
        }
      }
      const timings: [string, Timing | undefined][] =
        tp.segmentTimings === undefined
          ? [['timing', tp.timing]]
          : Object.entries(tp.segmentTimings).map(([segment, timing]) => [
              `timing.${segment}`,
              timing,
            ]);
      for (const segment of Object.keys(tp.segmentTimings ?? {})) {
        if (segment !== DEFAULT_TARGET_KEY && !inventory.segments.includes(segment)) {
          report(`timing.${segment}`, 'timingSegment', segment, [
            ...inventory.segments,
            DEFAULT_TARGET_KEY,
          ]);
        }
      }
      for (const [path, timing] of timings) {
        if (timing?.kind !== 'scheduled') continue;
        if (!isAnchor(timing.anchor)) report(`${path}.anchor`, 'anchor', timing.anchor, anchors);
        const untils = [timing.until, ...(timing.phases ?? []).map((phase) => phase.until)];
        untils.forEach((until, i) => {
          if (until && 'anchor' in until && !isAnchor(until.anchor))
            report(i === 0 ? `${path}.until` : `${path}.every`, 'until', until.anchor, anchors);
        });
      }
    }
  },
});
