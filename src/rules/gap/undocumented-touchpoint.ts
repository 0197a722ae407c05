import { ignoreMatcher } from '../../config/ignore.js';
import { suggest } from '../../shared/suggest.js';
import { idPattern } from '../../metrics/mapping/id-pattern.js';
import type { IdSighting } from '../../metrics/types.js';
import { defineRule } from '../rule.js';

/** Above this many id comparisons, suggestions are skipped to keep huge audits fast. */
const SUGGESTION_BUDGET = 200_000;

export interface UndocumentedTouchpointData {
  /** The id as the exports write it (after aliases:); for a group, the first of its ids. */
  touchpoint: string;
  rows: number;
  /** The closest inventory id, when one is close. */
  suggestion?: string;
  /** For ids that share a shape: how many, and the shape as an aliases: pattern. */
  count?: number;
  pattern?: string;
  /**
   * For ids past the first `limit` ids not in the inventory, which are counted, not kept: the
   * first few of them (`touchpoint` is the first).
   */
  examples?: string[];
  limit?: number;
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
      undocumentedGroup:
        '{{count}} ids like "{{touchpoint}}" appear in the metric exports ({{rows|count:row}}) but not in the inventory; they share the pattern "{{pattern}}": map them with aliases: {"{{pattern}}": <inventory id>}',
      untrackedGroup:
        '{{rows|count:more row}} name ids like {{examples|list}} that are not in the inventory, with the pattern "{{pattern}}" (past the first {{limit}} such ids they are counted, not listed)',
      untrackedOther:
        '{{rows|count:more row}} name ids like {{examples|list}} that are not in the inventory (past the first {{limit}} such ids they are counted, not listed)',
    },
  },
  check(ctx) {
    const metrics = ctx.metrics;
    if (metrics === undefined) return;
    const known = new Set(ctx.inventory.touchpoints.map((tp) => tp.id));
    const ignored = ignoreMatcher(ctx.config.ignore);
    const undocumented = [...metrics.ids].filter(
      ([id]) => !known.has(id) && ignored?.(id) !== true,
    );
    // Ids of one shape (dated campaign names) are one finding, not one each.
    const groups = new Map<string, [string, IdSighting][]>();
    for (const entry of undocumented) {
      const pattern = idPattern(entry[0]);
      if (pattern === undefined) continue;
      const members = groups.get(pattern);
      if (members) members.push(entry);
      else groups.set(pattern, [entry]);
    }
    const grouped = new Set<string>();
    for (const [pattern, members] of groups) {
      const first = members[0];
      if (members.length < 2 || first === undefined) continue;
      for (const [id] of members) grouped.add(id);
      ctx.report({
        messageId: 'undocumentedGroup',
        data: {
          touchpoint: first[0],
          rows: members.reduce((sum, [, s]) => sum + s.rows, 0),
          count: members.length,
          pattern,
        },
        touchpoint: first[0],
        location: first[1].location,
      });
    }
    const withSuggestions = undocumented.length * known.size <= SUGGESTION_BUDGET;
    for (const [id, sighting] of undocumented) {
      if (grouped.has(id)) continue;
      const closest = withSuggestions ? suggest(id, known) : undefined;
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
    for (const { pattern, rows, location, examples } of metrics.untracked?.groups ?? []) {
      const limit = metrics.untracked?.limit ?? 0;
      const touchpoint = examples[0] ?? '';
      ctx.report({
        ...(pattern === undefined
          ? { messageId: 'untrackedOther', data: { touchpoint, rows, examples, limit } }
          : { messageId: 'untrackedGroup', data: { touchpoint, rows, examples, limit, pattern } }),
        touchpoint,
        location,
      });
    }
  },
});
