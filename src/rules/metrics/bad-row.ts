import { MAX_YEAR, MIN_YEAR } from '../../metrics/parse-date.js';
import { isBadRowProblem, type BadRowProblem, type CellProblem } from '../../metrics/problems.js';
import { defineRule } from '../rule.js';

/** The message id of each kind of bad cell, and of each kind of bad row. */
const CELL_MESSAGES = {
  'not-a-number': 'notANumber',
  'not-a-date': 'notADate',
  'date-out-of-range': 'dateOutOfRange',
  'date-against-order': 'dateAgainstOrder',
  'empty-date': 'emptyDate',
  'duration-without-unit': 'durationWithoutUnit',
} as const satisfies Record<CellProblem['kind'], string>;

const ROW_MESSAGES = {
  'bad-cells': 'badCells',
  'wrong-width': 'wrongWidth',
  'empty-id': 'emptyId',
  'empty-metric': 'emptyMetric',
  'record-too-long': 'recordTooLong',
  'unclosed-quote': 'unclosedQuote',
  'csv-error': 'csvError',
  'more-bad-rows': 'moreBadRows',
} as const satisfies Record<BadRowProblem['kind'], string>;

type CellMessage = (typeof CELL_MESSAGES)[keyof typeof CELL_MESSAGES] | 'notAFiniteNumber';

/** One bad cell of a row: a message of this rule with its facts. */
export interface BadCell {
  messageId: CellMessage;
  data: Omit<CellProblem, 'kind'> & { min?: number; max?: number };
}

/** The facts of a bad row: the reader's problem (without its kind), the line it starts at. */
export type BadRowData = Record<string, unknown> & { line: number };

function cellMessage(cell: CellProblem): BadCell {
  const { kind, ...data } = cell;
  if (kind === 'not-a-number' && cell.infinite) return { messageId: 'notAFiniteNumber', data };
  if (kind === 'date-out-of-range') {
    return { messageId: CELL_MESSAGES[kind], data: { ...data, min: MIN_YEAR, max: MAX_YEAR } };
  }
  return { messageId: CELL_MESSAGES[kind], data };
}

export default defineRule<BadRowData>()({
  phase: 'audit',
  meta: {
    id: 'metrics/bad-row',
    defaultSeverity: 'warning',
    description:
      'A row of a metric export could not be used: an unparsable or infinite number, an invalid date, an empty touchpoint id or metric, a row with the wrong number of fields, or an unclosed quote.',
    rationale:
      'A bad row never aborts the audit, but the values it should have contributed are missing, so the touchpoint may look worse, better or staler than it is.',
    fix: 'Correct the row at the reported line in the export (or in the query that produces it). Empty and N/A cells are fine: they are skipped without a finding. Dates are read in every common form (ISO, 15/01/2025 or 1/15/2025 by column, month names in English and Indonesian, Excel serials) with years 1900–2999.',
    messages: {
      badCells: '{{cells|each}}',
      notANumber: '{{column}} {{text|cell}} is not a number',
      notAFiniteNumber: '{{column}} {{text|cell}} is not a finite number',
      notADate: '{{column}} {{text|cell}} is not a valid date',
      dateOutOfRange:
        '{{column}} {{text|cell}} has the year {{year|year}}, outside {{min}}–{{max}}',
      dateAgainstOrder:
        "{{column}} {{text|cell}} is not a valid date in the column's {{order|dateOrder}} order (see metrics/mixed-date-order)",
      emptyDate: '{{column}} is empty',
      durationWithoutUnit:
        "{{column}} {{text|cell}} is a duration, but the metric's unit is not seconds, minutes, hours or days (set unit: in the inventory)",
      wrongWidth: 'the row has {{fields|count:field}}, the header has {{width}}',
      emptyId: 'the touchpoint id is empty',
      emptyMetric: 'the metric name is empty',
      recordTooLong:
        'the row starting at line {{line}} is longer than {{maxChars|mib}} MiB (an unclosed quote?); the rest of the file was not read',
      unclosedQuote:
        'a quoted field starting at or after line {{line}} is never closed; the rest of the file was not read',
      csvError: '{{reason}}; the rest of the file was not read',
      moreBadRows:
        '…and {{count}} more bad {{count|noun:row}} in this file (first at line {{line}}); fix the ones above and re-run to see them',
    },
  },
  check(ctx) {
    for (const problem of ctx.metrics?.problems ?? []) {
      if (!isBadRowProblem(problem)) continue;
      const { kind, location, touchpoint: _touchpoint, ...facts } = problem;
      const data: BadRowData =
        problem.kind === 'bad-cells'
          ? { line: location.line, cells: problem.cells.map(cellMessage) }
          : { ...facts, line: location.line };
      ctx.report({
        messageId: ROW_MESSAGES[kind],
        data,
        location: problem.location,
        ...(problem.touchpoint === undefined ? {} : { touchpoint: problem.touchpoint }),
      });
    }
  },
});
