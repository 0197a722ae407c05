import { defineRule } from '../rule.js';
import { dateOrderName } from './date-order-name.js';

export default defineRule({
  phase: 'audit',
  meta: {
    id: 'metrics/mixed-date-order',
    defaultSeverity: 'error',
    description:
      'A date column of a metric export that holds dates in two orders: one value is only valid day-first (15/01/2025) and another only month-first (1/15/2025). Rows that do not fit the column’s first order are bad rows.',
    rationale:
      'A column written two ways was assembled from different sources or settings; any value that reads both ways (03/04/2026) may be a month off, so no date in it can be trusted.',
    fix: 'Export the column in one format (ISO YYYY-MM-DD is safest), or split the file by source and give each its dateOrder: in a sources: entry.',
  },
  check(ctx) {
    for (const problem of ctx.metrics?.problems ?? []) {
      if (problem.kind !== 'mixed-date-order') continue;
      ctx.report({
        message: `column ${problem.column} mixes date orders: line ${problem.first.line} (${JSON.stringify(problem.first.text)}) ${problem.settled ? 'and the rows after it were read' : 'is only valid'} ${dateOrderName(problem.order)}, line ${problem.second.line} (${JSON.stringify(problem.second.text)}) is not`,
        location: { ...problem.location, path: problem.column },
      });
    }
  },
});
