import { isPlaceholder } from '../../shared/placeholder.js';
import { suggest } from '../../shared/suggest.js';
import { touchpointLocation } from '../locate.js';
import { defineRule } from '../rule.js';

export interface UnknownOwnerData {
  touchpoint: string;
  owner: string;
  /** The closest roster id, when one is close. */
  suggestion?: string;
}

export default defineRule<UnknownOwnerData>()({
  meta: {
    id: 'ownerless/unknown-owner',
    defaultSeverity: 'error',
    wholeInventory: true,
    description:
      'A touchpoint’s owner is not in the `owners:` roster (checked only when the inventory has a roster).',
    rationale:
      'An owner outside the roster is usually a typo or a team that no longer exists, so the touchpoint has no reachable owner.',
    fix: 'Use an id from the `owners:` roster (the message suggests the closest one), or add the owner to the roster.',
    messages: {
      notInRoster: "owner '{{owner}}' of '{{touchpoint}}' is not in the owners roster",
      notInRosterSuggest:
        "owner '{{owner}}' of '{{touchpoint}}' is not in the owners roster; did you mean '{{suggestion}}'?",
    },
  },
  phase: 'validate',
  check(ctx) {
    const roster = ctx.inventory.owners;
    if (roster === undefined) return;
    const ids = roster.map((owner) => owner.id);
    const known = new Set(ids);
    for (const touchpoint of ctx.inventory.touchpoints) {
      const owner = touchpoint.owner;
      // Missing and placeholder owners have their own rules; report each problem once.
      if (owner === undefined || isPlaceholder(owner) || known.has(owner)) continue;
      const suggestion = suggest(owner, ids);
      ctx.report({
        ...(suggestion === undefined
          ? { messageId: 'notInRoster', data: { touchpoint: touchpoint.id, owner } }
          : {
              messageId: 'notInRosterSuggest',
              data: { touchpoint: touchpoint.id, owner, suggestion },
            }),
        location: touchpointLocation(touchpoint, 'owner'),
        touchpoint: touchpoint.id,
        field: 'owner',
      });
    }
  },
});
