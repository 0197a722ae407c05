import { defineRule } from '../rule.js';

export type AmbiguousNumberData =
  | { column: string; text: string; mark: '.' | ',' }
  | {
      column: string;
      mark: '.' | ',';
      firstLine: number;
      firstText: string;
      secondLine: number;
      secondText: string;
    };

export default defineRule<AmbiguousNumberData>()({
  phase: 'audit',
  meta: {
    id: 'metrics/ambiguous-number',
    defaultSeverity: 'warning',
    description:
      'A number column of a metric export whose decimal mark is not settled: its values read two ways (2.546 is 2.546 with a decimal dot and 2546 with a grouping dot) and nothing in the column, the rest of the file, the sources: entry or the delimiter says which; or the column holds values only valid with a decimal dot beside values only valid with a decimal comma.',
    rationale:
      'Read with the wrong mark, 2.546 sessions is a thousand times too small: the audit would score a number that is off by a factor of 1,000 without a word.',
    fix: 'Say how the export writes numbers: decimal: "," (or ".") in the sources: entry matching the file, or locale: nl-NL (id-ID, en-US, …) in that entry. A column that mixes marks was assembled from different sources: export it again in one locale.',
    messages: {
      unsettled:
        'no value in column {{column}} settles its decimal mark (first: {{text|json}}); read with {{mark|json}} as the decimal mark: set decimal: or locale: in the sources: entry for this file',
      conflict:
        'column {{column}} mixes decimal marks: line {{firstLine}} ({{firstText|json}}) reads with {{mark|json}} as the decimal mark, line {{secondLine}} ({{secondText|json}}) only with the other one',
    },
  },
  check(ctx) {
    for (const problem of ctx.metrics?.problems ?? []) {
      if (problem.kind !== 'ambiguous-number') continue;
      const location = { ...problem.location, path: problem.column };
      if (problem.reason === 'unsettled') {
        ctx.report({
          messageId: 'unsettled',
          data: { column: problem.column, text: problem.text, mark: problem.mark },
          location,
        });
        continue;
      }
      ctx.report({
        messageId: 'conflict',
        data: {
          column: problem.column,
          mark: problem.mark,
          firstLine: problem.first.line,
          firstText: problem.first.text,
          secondLine: problem.second.line,
          secondText: problem.second.text,
        },
        location,
      });
    }
  },
});
