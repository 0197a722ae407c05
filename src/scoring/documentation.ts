import { BUILTIN_CHANNELS, type Config } from '../config/config.js';
import { vaguePurposeReason } from '../rules/schema/vague-purpose.js';
import { ownerStatus } from '../shared/owner-status.js';
import { hasTarget, type Inventory, type Touchpoint } from '../types.js';

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
  label: string;
  /** What to do, for the next-level hint: `name an owner`. */
  need: string;
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
        label: 'owner missing',
        need: 'name an owner',
        weight: w.owner,
        rule: 'ownerless/missing-owner',
        field: 'owner',
      });
      break;
    case 'placeholder':
      gaps.push({
        label: owner.trim() === '' ? 'owner empty' : `owner '${owner}' is a placeholder`,
        need: owner.trim() === '' ? 'name an owner' : `replace the placeholder owner '${owner}'`,
        weight: w.owner,
        rule: 'ownerless/placeholder-owner',
        field: 'owner',
      });
      break;
    case 'unknown':
      gaps.push({
        label: `owner '${owner}' not in the roster`,
        need: `use an owner from the roster instead of '${owner}'`,
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
      label: 'metric missing',
      need: 'define a success metric with a target',
      weight: w.metricName + w.metricTarget,
      rule: 'schema/invalid',
      field: 'metric',
    });
  } else if (!hasTarget(metric)) {
    gaps.push({
      label: `no target for ${metric.name}`,
      need: `set a target for ${metric.name}`,
      weight: w.metricTarget,
      rule: 'schema/invalid',
      field: 'metric',
    });
  }

  const purpose = touchpoint.purpose;
  if (purpose === undefined || purpose.trim() === '') {
    gaps.push({
      label: 'purpose missing',
      need: 'write its purpose',
      weight: w.purpose,
      rule: 'schema/invalid',
      field: 'purpose',
    });
  } else if (vaguePurposeReason(purpose) !== undefined) {
    // Same test as schema/vague-purpose, so the score and the finding agree.
    gaps.push({
      label: 'purpose too vague',
      need: 'write its purpose as a real sentence',
      weight: w.purpose,
      rule: 'schema/vague-purpose',
      field: 'purpose',
    });
  }

  const timing = touchpoint.timing;
  if (timing === undefined) {
    gaps.push({
      label: 'timing missing',
      need: 'set its timing',
      weight: w.timing,
      rule: 'schema/invalid',
      field: 'timing',
    });
  } else if (timing.kind === 'scheduled' && !Object.hasOwn(inventory.lifecycle, timing.anchor)) {
    gaps.push({
      label: `timing anchor '${timing.anchor}' not in the lifecycle`,
      need: `anchor its timing on a lifecycle event instead of '${timing.anchor}'`,
      weight: w.timing,
      rule: 'schema/unknown-reference',
      field: 'timing',
    });
  }

  const channel = touchpoint.channel;
  if (channel === undefined || channel.trim() === '') {
    gaps.push({
      label: 'channel missing',
      need: 'set its channel',
      weight: w.channel,
      rule: 'schema/invalid',
      field: 'channel',
    });
  } else if (!isKnownChannel(channel, config)) {
    gaps.push({
      label: `channel '${channel}' unknown`,
      need: `use a known channel instead of '${channel}'`,
      weight: w.channel,
      rule: 'schema/unknown-reference',
      field: 'channel',
    });
  }

  const stage = touchpoint.stage;
  if (stage === undefined || stage.trim() === '') {
    gaps.push({
      label: 'stage missing',
      need: 'set its journey stage',
      weight: w.stage,
      rule: 'schema/invalid',
      field: 'stage',
    });
  } else if (!inventory.journey.stages.includes(stage)) {
    gaps.push({
      label: `stage '${stage}' not in the journey`,
      need: `use a journey stage instead of '${stage}'`,
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
