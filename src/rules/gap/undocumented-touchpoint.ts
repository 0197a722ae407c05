import { compileGlobs } from '../../text/glob.js';
import { closestId } from '../../metrics/closest-id.js';
import { defineRule } from '../rule.js';

/** Above this many id comparisons, suggestions are skipped to keep huge audits fast. */
const SUGGESTION_BUDGET = 200_000;

export interface UndocumentedTouchpointData {
  /** The id as the exports write it (after aliases:). */
  touchpoint: string;
  rows: number;
  /** The closest inventory id, when one is close. */
  suggestion?: string;
}

export default defineRule<UndocumentedTouchpointData>()({
  phase: 'audit',
  meta: {
    id: 'gap/undocumented-touchpoint',
    defaultSeverity: 'error',
    wholeInventory: true,
    description:
      'A touchpoint id that appears in the metric exports but not in the inventory (after aliases:, and not matched by ignore:).',
    rationale:
      'Customers are being contacted by something nobody documented: it has no stated purpose, owner or target, and can collide with documented touchpoints unseen. This is how CI catches new touchpoints that skipped the inventory.',
    fix: 'Document the touchpoint in the inventory; or, when the export uses another name for a documented touchpoint, map it with aliases: (export id → inventory id); or list ids that are not touchpoints under ignore: in the config.',
    messages: {
      undocumented:
        '{{touchpoint}} appears in the metric exports ({{rows|count:row}}) but not in the inventory',
      undocumentedSuggest:
        '{{touchpoint}} appears in the metric exports ({{rows|count:row}}) but not in the inventory; did you mean {{suggestion}}? (map it with aliases:)',
    },
  },
  check(ctx) {
    const metrics = ctx.metrics;
    if (metrics === undefined) return;
    const known = new Set(ctx.inventory.touchpoints.map((tp) => tp.id));
    const ignored =
      ctx.config.ignore.length > 0 ? compileGlobs(ctx.config.ignore, { dot: true }) : undefined;
    const undocumented = [...metrics.ids].filter(
      ([id]) => !known.has(id) && ignored?.(id) !== true,
    );
    const suggest = undocumented.length * known.size <= SUGGESTION_BUDGET;
    for (const [id, sighting] of undocumented) {
      const closest = suggest ? closestId(id, known) : undefined;
      ctx.report({
        ...(closest === undefined
          ? { messageId: 'undocumented', data: { touchpoint: id, rows: sighting.rows } }
          : {
              messageId: 'undocumentedSuggest',
              data: { touchpoint: id, rows: sighting.rows, suggestion: closest },
            }),
        touchpoint: id,
        location: sighting.location,
      });
    }
  },
});
