import { isoOf } from '../../events/plan.js';
import { inventoryLocation, touchpointLocation } from '../locate.js';
import { defineRule } from '../rule.js';

export interface ObservedCollisionData {
  /** The pair of touchpoints (the same id twice for a touchpoint colliding with itself). */
  first: string;
  second: string;
  /** Accounts it happened to, out of `total` accounts in the logs, and how often in all. */
  accounts: number;
  total: number;
  occurrences: number;
  /** The first account it happened to, and the day (YYYY-MM-DD). */
  account: string;
  date: string;
}

export default defineRule<ObservedCollisionData>()({
  meta: {
    id: 'observed/collision',
    defaultSeverity: 'warning',
    description:
      'In the event logs (`--events`), accounts received two proactive touches inside the collision window (`collision.window`, per segment; default the same day). One finding per pair of touchpoints, with how many accounts and how often, and the first account it happened to.',
    rationale:
      'Two messages on one day compete for attention and read as a company that does not talk to itself; a plan without collisions still collides when campaigns drift or triggers fire together.',
    fix: 'Make the two touchpoints aware of each other: suppress one when the other went out in the window, or move one of them. Check the example account to see the two sends side by side.',
    messages: {
      pair: "{{accounts|count:account}} ({{accounts|share:total}}) received both '{{first}}' and '{{second}}' inside the collision window, {{occurrences|count:time}} in all; first: {{account}} on {{date}}",
      twice:
        "{{accounts|count:account}} ({{accounts|share:total}}) received '{{first}}' twice inside the collision window, {{occurrences|count:time}} in all; first: {{account}} on {{date}}",
    },
  },
  phase: 'audit',
  check(ctx) {
    const { observed, inventory } = ctx;
    if (!observed) return;
    const byId = new Map(inventory.touchpoints.map((t) => [t.id, t]));
    const total = observed.aggregate.accounts.length;
    for (const pair of observed.aggregate.pairs) {
      const touchpoint = byId.get(pair.a);
      ctx.report({
        messageId: pair.a === pair.b ? 'twice' : 'pair',
        data: {
          first: pair.a,
          second: pair.b,
          accounts: pair.accounts,
          total,
          occurrences: pair.occurrences,
          account: pair.example.account,
          date: isoOf(pair.example.day),
        },
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
