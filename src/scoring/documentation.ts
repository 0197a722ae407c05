import { BUILTIN_CHANNELS, type Config } from '../config/config.js';
import { vaguePurposeReason } from '../rules/schema/vague-purpose.js';
import { ownerStatus } from '../shared/owner-status.js';
import type { ScoreText } from '../report.js';
import { hasTarget, type Inventory, type Touchpoint } from '../types.js';
import { scoreText } from './score-texts.js';

/**
 * Weight of each required field inside the documentation pillar (sums to 100). Owner and
 * metric weigh most: without them a touchpoint can be neither held to account nor measured.
 */
export const DOCUMENTATION_WEIGHTS = {
  owner: 30,
  metricName: 10,
  metricTarget: 20,
  purpose: 15,
  timing: 10,
  channel: 10,
  stage: 5,
} as const;

export interface DocumentationGap {
  /** What is wrong, for score components: `owner missing`. */
  label: ScoreText;
  /** What to do, for the next-level hint: `name an owner`. */
  need: ScoreText;
  /** Share of the documentation pillar lost, 0–100. */
  weight: number;
  /** The rule whose finding reports this gap, and the field it is about: a waiver of it waives the gap. */
  rule: string;
  field: string;
}

/** The required fields of a touchpoint that are missing or not meaningful, in weight order. */
export function documentationGaps(
  touchpoint: Touchpoint,
  inventory: Inventory,
  config: Config,
): DocumentationGap[] {
  const gaps: DocumentationGap[] = [];
  const w = DOCUMENTATION_WEIGHTS;

  const owner = touchpoint.owner ?? '';
  switch (ownerStatus(touchpoint, inventory)) {
    case 'missing':
      gaps.push({
        label: scoreText('ownerMissing'),
        need: scoreText('needOwner'),
        weight: w.owner,
        rule: 'ownerless/missing-owner',
        field: 'owner',
      });
      break;
    case 'placeholder':
      gaps.push({
        label:
          owner.trim() === '' ? scoreText('ownerEmpty') : scoreText('ownerPlaceholder', { owner }),
        need:
          owner.trim() === '' ? scoreText('needOwner') : scoreText('needReplaceOwner', { owner }),
        weight: w.owner,
        rule: 'ownerless/placeholder-owner',
        field: 'owner',
      });
      break;
    case 'unknown':
      gaps.push({
        label: scoreText('ownerUnknown', { owner }),
        need: scoreText('needRosterOwner', { owner }),
        weight: w.owner,
        rule: 'ownerless/unknown-owner',
        field: 'owner',
      });
      break;
    case 'ok':
      break;
  }

  const metric = touchpoint.metric;
  if (metric === undefined || metric.name.trim() === '') {
    gaps.push({
      label: scoreText('metricMissing'),
      need: scoreText('needMetric'),
      weight: w.metricName + w.metricTarget,
      rule: 'schema/invalid',
      field: 'metric',
    });
  } else if (!hasTarget(metric)) {
    gaps.push({
      label: scoreText('noTargetFor', { metric: metric.name }),
      need: scoreText('needTarget', { metric: metric.name }),
      weight: w.metricTarget,
      rule: 'schema/invalid',
      field: 'metric',
    });
  }

  const purpose = touchpoint.purpose;
  if (purpose === undefined || purpose.trim() === '') {
    gaps.push({
      label: scoreText('purposeMissing'),
      need: scoreText('needPurpose'),
      weight: w.purpose,
      rule: 'schema/invalid',
      field: 'purpose',
    });
  } else if (vaguePurposeReason(purpose) !== undefined) {
    // Same test as schema/vague-purpose, so the score and the finding agree.
    gaps.push({
      label: scoreText('purposeVague'),
      need: scoreText('needPurposeSentence'),
      weight: w.purpose,
      rule: 'schema/vague-purpose',
      field: 'purpose',
    });
  }

  const timing = touchpoint.timing;
  if (timing === undefined) {
    gaps.push({
      label: scoreText('timingMissing'),
      need: scoreText('needTiming'),
      weight: w.timing,
      rule: 'schema/invalid',
      field: 'timing',
    });
  } else if (timing.kind === 'scheduled' && !Object.hasOwn(inventory.lifecycle, timing.anchor)) {
    gaps.push({
      label: scoreText('timingAnchor', { anchor: timing.anchor }),
      need: scoreText('needAnchor', { anchor: timing.anchor }),
      weight: w.timing,
      rule: 'schema/unknown-reference',
      field: 'timing',
    });
  }

  const channel = touchpoint.channel;
  if (channel === undefined || channel.trim() === '') {
    gaps.push({
      label: scoreText('channelMissing'),
      need: scoreText('needChannel'),
      weight: w.channel,
      rule: 'schema/invalid',
      field: 'channel',
    });
  } else if (!isKnownChannel(channel, config)) {
    gaps.push({
      label: scoreText('channelUnknown', { channel }),
      need: scoreText('needKnownChannel', { channel }),
      weight: w.channel,
      rule: 'schema/unknown-reference',
      field: 'channel',
    });
  }

  const stage = touchpoint.stage;
  if (stage === undefined || stage.trim() === '') {
    gaps.push({
      label: scoreText('stageMissing'),
      need: scoreText('needStage'),
      weight: w.stage,
      rule: 'schema/invalid',
      field: 'stage',
    });
  } else if (!inventory.journey.stages.includes(stage)) {
    gaps.push({
      label: scoreText('stageUnknown', { stage }),
      need: scoreText('needJourneyStage', { stage }),
      weight: w.stage,
      rule: 'schema/unknown-reference',
      field: 'stage',
    });
  }

  return gaps;
}

/** Whether a channel is one the run knows: built in, or added by `channels:` in the config. */
export function isKnownChannel(channel: string, config: Config): boolean {
  return BUILTIN_CHANNELS.includes(channel) || config.channels.includes(channel);
}
