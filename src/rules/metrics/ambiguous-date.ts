import { defineRule } from '../rule.js';
import type { DateOrder } from '../../metrics/parse-date.js';

export interface AmbiguousDateData {
  column: string;
  /** The first value that reads both ways. */
  text: string;
  /** The order the column was read in, and the other orders its values allow. */
  order: DateOrder;
  others: DateOrder[];
}

export default defineRule<AmbiguousDateData>()({
  phase: 'audit',
  meta: {
    id: 'metrics/ambiguous-date',
    defaultSeverity: 'warning',
    description:
      'A date column of a metric export in which no value settles the day/month order (every date reads as a valid date both ways, such as 03/04/2026), and neither the source’s dateOrder: nor the config’s locale: says which it is. The column is read day-first.',
    rationale:
      'Read the wrong way round, 03/04/2026 is a month off: the audit would use the wrong period and call fresh data stale (or stale data fresh) without a word.',
    fix: 'Say how the export writes dates: dateOrder: mdy (or dmy, ymd) in the sources: entry matching the file, or locale: en-US (id-ID, nl-NL, …) in the config. Exporting ISO dates (YYYY-MM-DD) settles it for good.',
    messages: {
      ambiguous:
        'no date in column {{column}} settles its order (first: {{text|json}}, which could also be {{others|dateOrders}}); read as {{order|dateOrder}}: set dateOrder: in the sources: entry for this file, or locale: in the config',
    },
  },
  check(ctx) {
    for (const problem of ctx.metrics?.problems ?? []) {
      if (problem.kind !== 'ambiguous-date') continue;
      const others = problem.candidates.filter((order) => order !== problem.order);
      ctx.report({
        messageId: 'ambiguous',
        data: { column: problem.column, text: problem.text, order: problem.order, others },
        location: { ...problem.location, path: problem.column },
      });
    }
  },
});
