import { ignoreMatcher } from '../../config/ignore.js';
import { isoOf } from '../../events/plan.js';
import { suggest } from '../../shared/suggest.js';
import { defineRule } from '../rule.js';

export interface UnplannedData {
  /** The id as logged (after aliases:). */
  touchpoint: string;
  /** How often it was sent, and the first day (YYYY-MM-DD). */
  touches: number;
  first: string;
  /** The closest inventory id, when one is close. */
  suggestion?: string;
}

export default defineRule<UnplannedData>()({
  meta: {
    id: 'observed/unplanned',
    defaultSeverity: 'error',
    wholeInventory: true,
    description:
      'A touchpoint id that accounts received in the event logs (`--events`) but that is not in the inventory (after `aliases:`; ids matching `ignore:` are left out). One finding per id, with how often it was sent and a close inventory id when there is one.',
    rationale:
      'Customers experience every message, documented or not; audits typically find dozens of touchpoints nobody wrote down, and those are the ones with no owner and no purpose.',
    fix: 'Add the touchpoint to the inventory with an owner, purpose and metric, or map the logged id to its inventory id with `aliases:`; list ids that are not customer touchpoints (test sends) under `ignore:`.',
    messages: {
      unplanned:
        "'{{touchpoint}}' was sent {{touches|count:time}} (first on {{first}}) but is not in the inventory",
      unplannedSuggest:
        "'{{touchpoint}}' was sent {{touches|count:time}} (first on {{first}}) but is not in the inventory (did you mean '{{suggestion}}'?)",
    },
  },
  phase: 'audit',
  check(ctx) {
    const { observed, inventory, config } = ctx;
    if (!observed) return;
    const ignored = ignoreMatcher(config.ignore);
    const ids = inventory.touchpoints.map((t) => t.id);
    const file = observed.files[0] ?? '<events>';
    for (const unplanned of observed.aggregate.unplanned) {
      if (ignored?.(unplanned.touchpoint)) continue;
      const suggestion = suggest(unplanned.touchpoint, ids);
      ctx.report({
        messageId: suggestion === undefined ? 'unplanned' : 'unplannedSuggest',
        data: {
          touchpoint: unplanned.touchpoint,
          touches: unplanned.touches,
          first: isoOf(unplanned.first),
          ...(suggestion === undefined ? {} : { suggestion }),
        },
        location: { file, line: 1, column: 1 },
        touchpoint: unplanned.touchpoint,
        field: 'observed.unplanned',
      });
    }
  },
});
