import { stageAppliesTo, stagesInScope } from '../../inventory/journeys.js';
import { touchpointSegments } from '../../timeline/expand.js';
import { inventoryLocation } from '../locate.js';
import { defineRule } from '../rule.js';

export interface EmptyStageData {
  stage: string;
  /** The segment with no touchpoint in the stage; absent when the stage has none at all. */
  segment?: string;
}

export default defineRule<EmptyStageData>()({
  meta: {
    id: 'gap/empty-stage',
    defaultSeverity: 'warning',
    wholeInventory: true,
    description:
      'A journey stage has no touchpoint at all, or none for one of the segments it applies to (a touchpoint covers the segments it lists, or every segment when it lists none). Stages outside `scope:` and segments a stage does not apply to (`journey: [{ id, segments }]`) are never gaps.',
    rationale:
      'An empty stage is a hole in the customer journey: customers of that segment pass through it with nobody guiding them.',
    fix: 'Add a touchpoint for the stage and segment, extend an existing touchpoint’s `segments`, or drop the stage from an explicit `journey:` list if it does not apply.',
    messages: {
      empty: "stage '{{stage}}' has no touchpoint",
      emptyForSegment: "stage '{{stage}}' has no touchpoint for segment '{{segment}}'",
    },
  },
  phase: 'audit',
  check(ctx) {
    const { inventory } = ctx;
    const covered = new Map<string, Set<string>>();
    for (const touchpoint of inventory.touchpoints) {
      if (touchpoint.stage === undefined) continue;
      let segments = covered.get(touchpoint.stage);
      if (!segments) {
        segments = new Set();
        covered.set(touchpoint.stage, segments);
      }
      for (const segment of touchpointSegments(touchpoint, inventory)) segments.add(segment);
    }
    const location = inventoryLocation(inventory, 'journey');
    // Stages outside `scope:` are another team's business.
    for (const stage of stagesInScope(inventory)) {
      const segments = covered.get(stage);
      const applicable = inventory.segments.filter((segment) =>
        stageAppliesTo(inventory, stage, segment),
      );
      // A stage no declared segment passes through is nobody's gap.
      if (inventory.segments.length > 0 && applicable.length === 0) continue;
      // A stage nobody covers is one finding, not one per segment.
      if (segments === undefined) {
        ctx.report({
          messageId: 'empty',
          data: { stage },
          location,
          field: `journey.${stage}`,
        });
        continue;
      }
      for (const segment of applicable) {
        if (segments.has(segment)) continue;
        ctx.report({
          messageId: 'emptyForSegment',
          data: { stage, segment },
          location,
          field: `journey.${stage}.${segment}`,
        });
      }
    }
  },
});
