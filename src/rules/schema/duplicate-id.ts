import { defineRule } from '../rule.js';

/** The facts of an id used twice (src/inventory/load-inventory.ts). */
export interface DuplicateIdData {
  id: string;
  /** Where the id was defined first. */
  firstFile: string;
  firstLine: number;
}

export default defineRule<DuplicateIdData>()({
  phase: 'validate',
  meta: {
    id: 'schema/duplicate-id',
    defaultSeverity: 'error',
    description:
      'Two touchpoints (or two owners) share an id, in one file or across the merged files.',
    rationale:
      'Ids join touchpoints to their metric exports; a shared id makes every join and score ambiguous.',
    fix: 'Give one of the entries a new, unique id (and rename it in the metric exports too).',
    // src/inventory/load-inventory.ts finds these problems and hands over the facts.
    messages: {
      touchpoint: "touchpoint id '{{id}}' is used twice (first at {{firstFile}}:{{firstLine}})",
      owner: "owner id '{{id}}' is used twice (first at {{firstFile}}:{{firstLine}})",
    },
  },
});
