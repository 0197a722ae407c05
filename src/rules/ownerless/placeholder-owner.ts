import { isPlaceholder } from '../../text/placeholder.js';
import { touchpointLocation } from '../../timeline/locate.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'ownerless/placeholder-owner',
    defaultSeverity: 'error',
    description:
      'A touchpoint’s owner is a placeholder: empty, TBD, unknown, n/a, none, `-` or `?` (case-insensitive).',
    rationale:
      'A placeholder owner looks documented but is the same as no owner: nobody is accountable for the touchpoint.',
    fix: 'Replace the placeholder with a team or person id from the `owners:` roster.',
  },
  phase: 'validate',
  check(ctx) {
    for (const touchpoint of ctx.inventory.touchpoints) {
      const owner = touchpoint.owner;
      if (owner === undefined || !isPlaceholder(owner)) continue;
      ctx.report({
        message:
          owner.trim() === ''
            ? `'${touchpoint.id}' has an empty owner`
            : `'${touchpoint.id}' has a placeholder owner '${owner}'`,
        location: touchpointLocation(touchpoint, 'owner'),
        touchpoint: touchpoint.id,
        field: 'owner',
      });
    }
  },
});
