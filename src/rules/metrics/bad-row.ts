import { MAX_YEAR, MIN_YEAR } from '../../metrics/parse-date.js';
import { isBadRowProblem, type BadRowProblem, type CellProblem } from '../../metrics/problems.js';
import { defineRule } from '../rule.js';
import { dateOrderName } from './date-order-name.js';

function quoteCell(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

function describeCell(cell: CellProblem): string {
  switch (cell.kind) {
    case 'not-a-number':
      return `${cell.column} ${quoteCell(cell.text)} is not a ${cell.infinite ? 'finite ' : ''}number`;
    case 'not-a-date':
      return `${cell.column} ${quoteCell(cell.text)} is not a valid date`;
    case 'date-out-of-range':
      return `${cell.column} ${quoteCell(cell.text)} has the year ${String(cell.year).padStart(4, '0')}, outside ${MIN_YEAR}–${MAX_YEAR}`;
    case 'date-against-order':
      return `${cell.column} ${quoteCell(cell.text)} is not a valid date in the column's ${dateOrderName(cell.order)} order (see metrics/mixed-date-order)`;
    case 'empty-date':
      return `${cell.column} is empty`;
  }
}

function describe(problem: BadRowProblem, line: number): string {
  switch (problem.kind) {
    case 'bad-cells':
      return problem.cells.map(describeCell).join('; ');
    case 'wrong-width':
      return `the row has ${problem.fields} field${problem.fields === 1 ? '' : 's'}, the header has ${problem.width}`;
    case 'empty-id':
      return 'the touchpoint id is empty';
    case 'empty-metric':
      return 'the metric name is empty';
    case 'record-too-long':
      return `the row starting at line ${line} is longer than ${problem.maxChars / 1024 / 1024} MiB (an unclosed quote?); the rest of the file was not read`;
    case 'unclosed-quote':
      return `a quoted field starting at or after line ${line} is never closed; the rest of the file was not read`;
    case 'csv-error':
      return `${problem.reason}; the rest of the file was not read`;
    case 'more-bad-rows':
      return `…and ${problem.count} more bad row${problem.count === 1 ? '' : 's'} in this file (first at line ${line}); fix the ones above and re-run to see them`;
  }
}

export default defineRule({
  phase: 'audit',
  meta: {
    id: 'metrics/bad-row',
    defaultSeverity: 'warning',
    description:
      'A row of a metric export could not be used: an unparsable or infinite number, an invalid date, an empty touchpoint id or metric, a row with the wrong number of fields, or an unclosed quote.',
    rationale:
      'A bad row never aborts the audit, but the values it should have contributed are missing, so the touchpoint may look worse, better or staler than it is.',
    fix: 'Correct the row at the reported line in the export (or in the query that produces it). Empty and N/A cells are fine: they are skipped without a finding. Dates are read in every common form (ISO, 15/01/2025 or 1/15/2025 by column, month names in English and Indonesian, Excel serials) with years 1900–2999.',
  },
  check(ctx) {
    for (const problem of ctx.metrics?.problems ?? []) {
      if (!isBadRowProblem(problem)) continue;
      ctx.report({
        message: describe(problem, problem.location.line),
        location: problem.location,
        ...(problem.touchpoint === undefined ? {} : { touchpoint: problem.touchpoint }),
      });
    }
  },
});
