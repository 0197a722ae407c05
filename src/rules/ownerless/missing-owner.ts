import { touchpointLocation } from '../locate.js';
import { defineRule } from '../rule.js';

export default defineRule<{ touchpoint: string }>()({
  meta: {
    id: 'ownerless/missing-owner',
    defaultSeverity: 'error',
    description: 'A touchpoint has no `owner`.',
    rationale:
      'A touchpoint nobody owns is one nobody fixes: when it breaks or stops working, no one is accountable for noticing.',
    fix: 'Add `owner:` with a team or person id from the `owners:` roster.',
    messages: { missing: "'{{touchpoint}}' has no owner" },
  },
  phase: 'validate',
  check(ctx) {
    for (const touchpoint of ctx.inventory.touchpoints) {
      if (touchpoint.owner !== undefined) continue;
      ctx.report({
        messageId: 'missing',
        data: { touchpoint: touchpoint.id },
        location: touchpointLocation(touchpoint, 'owner'),
        touchpoint: touchpoint.id,
        field: 'owner',
      });
    }
  },
});
