import { defineRule } from '../rule.js';
import type { DateOrder } from '../../metrics/parse-date.js';

export interface MixedDateOrderData {
  column: string;
  /** The order the column was read in. */
  order: DateOrder;
  /** A value read in that order and a later one not valid in it: line and text of each. */
  firstLine: number;
  firstText: string;
  secondLine: number;
  secondText: string;
}

export default defineRule<MixedDateOrderData>()({
  phase: 'audit',
  meta: {
    id: 'metrics/mixed-date-order',
    defaultSeverity: 'error',
    description:
      'A date column of a metric export that holds dates in two orders: one value is only valid day-first (15/01/2025) and another only month-first (1/15/2025). Rows that do not fit the column’s first order are bad rows.',
    rationale:
      'A column written two ways was assembled from different sources or settings; any value that reads both ways (03/04/2026) may be a month off, so no date in it can be trusted.',
    fix: 'Export the column in one format (ISO YYYY-MM-DD is safest), or split the file by source and give each its dateOrder: in a sources: entry.',
    messages: {
      onlyValid:
        'column {{column}} mixes date orders: line {{firstLine}} ({{firstText|json}}) is only valid {{order|dateOrder}}, line {{secondLine}} ({{secondText|json}}) is not',
      settled:
        'column {{column}} mixes date orders: line {{firstLine}} ({{firstText|json}}) and the rows after it were read {{order|dateOrder}}, line {{secondLine}} ({{secondText|json}}) is not',
    },
  },
  check(ctx) {
    for (const problem of ctx.metrics?.problems ?? []) {
      if (problem.kind !== 'mixed-date-order') continue;
      ctx.report({
        messageId: problem.settled ? 'settled' : 'onlyValid',
        data: {
          column: problem.column,
          order: problem.order,
          firstLine: problem.first.line,
          firstText: problem.first.text,
          secondLine: problem.second.line,
          secondText: problem.second.text,
        },
        location: { ...problem.location, path: problem.column },
      });
    }
  },
});
