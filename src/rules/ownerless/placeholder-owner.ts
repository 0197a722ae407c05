import { isPlaceholder } from '../../shared/placeholder.js';
import { touchpointLocation } from '../locate.js';
import { defineRule } from '../rule.js';

export interface PlaceholderOwnerData {
  touchpoint: string;
  /** The owner as written. */
  owner: string;
}

export default defineRule<PlaceholderOwnerData>()({
  meta: {
    id: 'ownerless/placeholder-owner',
    defaultSeverity: 'error',
    description:
      'A touchpoint’s owner is a placeholder: empty, TBD, unknown, n/a, none, `-` or `?` (case-insensitive).',
    rationale:
      'A placeholder owner looks documented but is the same as no owner: nobody is accountable for the touchpoint.',
    fix: 'Replace the placeholder with a team or person id from the `owners:` roster.',
    messages: {
      empty: "'{{touchpoint}}' has an empty owner",
      placeholder: "'{{touchpoint}}' has a placeholder owner '{{owner}}'",
    },
  },
  phase: 'validate',
  check(ctx) {
    for (const touchpoint of ctx.inventory.touchpoints) {
      const owner = touchpoint.owner;
      if (owner === undefined || !isPlaceholder(owner)) continue;
      ctx.report({
        messageId: owner.trim() === '' ? 'empty' : 'placeholder',
        data: { touchpoint: touchpoint.id, owner },
        location: touchpointLocation(touchpoint, 'owner'),
        touchpoint: touchpoint.id,
        field: 'owner',
      });
    }
  },
});
