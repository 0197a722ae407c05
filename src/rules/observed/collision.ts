import { formatShare } from '../../events/cadence.js';
import { isoOf } from '../../events/plan.js';
import { inventoryLocation, touchpointLocation } from '../../timeline/locate.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'observed/collision',
    defaultSeverity: 'warning',
    description:
      'In the event logs (`--events`), accounts received two proactive touches inside the collision window (`collision.window`, per segment; default the same day). One finding per pair of touchpoints, with how many accounts and how often, and the first account it happened to.',
    rationale:
      'Two messages on one day compete for attention and read as a company that does not talk to itself; a plan without collisions still collides when campaigns drift or triggers fire together.',
    fix: 'Make the two touchpoints aware of each other: suppress one when the other went out in the window, or move one of them. Check the example account to see the two sends side by side.',
  },
  phase: 'audit',
  check(ctx) {
    const { observed, inventory } = ctx;
    if (!observed) return;
    const byId = new Map(inventory.touchpoints.map((t) => [t.id, t]));
    const total = observed.aggregate.accounts.length;
    for (const pair of observed.aggregate.pairs) {
      const touchpoint = byId.get(pair.a);
      const what = pair.a === pair.b ? `'${pair.a}' twice` : `both '${pair.a}' and '${pair.b}'`;
      ctx.report({
        message:
          `${String(pair.accounts)} accounts (${formatShare(pair.accounts, total)}) received ${what} inside the collision window, ` +
          `${String(pair.occurrences)} times in all; first: ${pair.example.account} on ${isoOf(pair.example.day)}`,
        location: touchpoint
          ? touchpointLocation(touchpoint, 'timing')
          : inventoryLocation(inventory, 'touchpoints'),
        touchpoint: pair.a,
        ...(pair.b !== pair.a ? { related: [pair.b] } : {}),
        field: 'observed.collision',
      });
    }
  },
});
