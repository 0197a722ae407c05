import { defineRule } from '../rule.js';

export interface UnusedSourceData {
  /** The entry's `match` glob, and how many metric files were given. */
  match: string;
  files: number;
}

export default defineRule<UnusedSourceData>()({
  phase: 'audit',
  meta: {
    id: 'metrics/unused-source',
    defaultSeverity: 'warning',
    description:
      'A sources: entry in the config whose match glob fits none of the metric files given to the audit (-m). Reported at the entry in the config.',
    rationale:
      'An entry that matches nothing is a typo in its glob or a vendor export that was renamed: the file it meant is then read as something else, or not at all.',
    fix: 'Correct the match glob (it is compared with the file name only, not its folder), or remove the entry when the export is gone.',
    messages: {
      unmatched:
        'the sources: entry "{{match}}" matches none of the {{files|count:metric file}} given',
    },
  },
  check(ctx) {
    for (const problem of ctx.metrics?.problems ?? []) {
      if (problem.kind !== 'unused-source') continue;
      ctx.report({
        messageId: 'unmatched',
        data: { match: problem.match, files: problem.files },
        location: problem.location,
      });
    }
  },
});
