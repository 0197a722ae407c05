import type { Inventory } from '../types.js';

/** Stage lists of the journey presets (DESIGN §2.2). */
export const JOURNEY_PRESETS: Readonly<Record<string, readonly string[]>> = {
  b2c: ['awareness', 'consideration', 'purchase', 'post-purchase', 'loyalty'],
  'b2b-saas': [
    'awareness',
    'consideration',
    'purchase',
    'onboarding',
    'adoption',
    'retention',
    'expansion',
    'renewal',
    'advocacy',
    'support',
  ],
};

/**
 * The stages an audit judges: the journey's, narrowed to `scope.stages` when the inventory
 * audits one team's part of the journey.
 */
export function stagesInScope(inventory: Inventory): string[] {
  const stages = [...new Set(inventory.journey.stages)];
  const scope = inventory.scope?.stages;
  return scope === undefined ? stages : stages.filter((stage) => scope.includes(stage));
}

/** Whether a journey stage applies to a segment (`journey: [{ id, segments }]`). */
export function stageAppliesTo(inventory: Inventory, stage: string, segment: string): boolean {
  const applies = inventory.journey.applies;
  if (applies === undefined || !Object.hasOwn(applies, stage)) return true;
  return (applies[stage] ?? []).includes(segment);
}
