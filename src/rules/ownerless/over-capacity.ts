import { defineRule } from '../rule.js';

export interface OverCapacityData {
  owner: string;
  /** Touchpoints the owner carries. */
  count: number;
  capacity: number;
}

export default defineRule<OverCapacityData>()({
  meta: {
    id: 'ownerless/over-capacity',
    defaultSeverity: 'warning',
    description: 'An owner in the roster carries more touchpoints than its `capacity`.',
    rationale:
      'Ownership spread too thin is ownership on paper only: an overloaded team cannot keep every touchpoint working and measured.',
    fix: 'Move touchpoints to another owner, retire some, or raise the owner’s `capacity` if the team has grown.',
    messages: {
      overCapacity:
        "owner '{{owner}}' carries {{count|count:touchpoint}}, more than its capacity of {{capacity}}",
    },
  },
  phase: 'validate',
  check(ctx) {
    const roster = ctx.inventory.owners;
    if (roster === undefined) return;
    const counts = new Map<string, number>();
    for (const touchpoint of ctx.inventory.touchpoints) {
      if (touchpoint.owner === undefined) continue;
      counts.set(touchpoint.owner, (counts.get(touchpoint.owner) ?? 0) + 1);
    }
    for (const owner of roster) {
      const capacity = owner.capacity;
      const count = counts.get(owner.id) ?? 0;
      if (capacity === undefined || !Number.isFinite(capacity) || count <= capacity) continue;
      ctx.report({
        messageId: 'overCapacity',
        data: { owner: owner.id, count, capacity },
        location: owner.location,
        field: `owners.${owner.id}.capacity`,
      });
    }
  },
});
