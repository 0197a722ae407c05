import { defineRule } from '../rule.js';

export interface DuplicateColumnData {
  /** The column name as the header writes it the second time. */
  column: string;
  /** 1-based positions of the first column with that name and of this one. */
  first: number;
  second: number;
}

export default defineRule<DuplicateColumnData>()({
  phase: 'audit',
  meta: {
    id: 'metrics/duplicate-column',
    defaultSeverity: 'warning',
    description:
      'A metric export whose header names a column twice (compared as the reader compares names: trimmed, case-insensitive, spaces and dashes as `_`). Values are read from the first column of that name only; the later one is ignored.',
    rationale:
      'Two `Date` or two `open_rate` columns usually mean a bad join or a pasted block: reading either one silently could date rows wrongly or count a metric twice.',
    fix: 'Rename or remove one of the columns in the export, or map the file with `sources:` naming the columns to read.',
    messages: {
      twice:
        'the header names column "{{column}}" twice (columns {{first}} and {{second}}): values are read from column {{first}} only',
    },
  },
  check(ctx) {
    for (const problem of ctx.metrics?.problems ?? []) {
      if (problem.kind !== 'duplicate-column') continue;
      const { column, first, second } = problem;
      ctx.report({
        messageId: 'twice',
        data: { column, first, second },
        location: problem.location,
      });
    }
  },
});
