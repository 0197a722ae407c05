import { DATE_FORMATS } from '../../events/read-events.js';
import type { EventRowProblem } from '../../events/types.js';
import { defineRule } from '../rule.js';

/** The facts of a bad row: the reader's problem without its kind and position. */
export type ObservedBadRowData = Record<string, unknown>;

const MESSAGES = {
  'missing-value': 'missingValue',
  'not-a-date': 'notADate',
  'account-again': 'accountAgain',
  'csv-error': 'csvError',
  'more-bad-rows': 'moreBadRows',
} as const satisfies Record<EventRowProblem['kind'], string>;

function messageOf(problem: EventRowProblem) {
  const { kind, location: _location, ...data } = problem;
  if (problem.kind === 'not-a-date') {
    const { skipped: _skipped, ...facts } = data as typeof data & { skipped: string };
    return {
      messageId: problem.skipped === 'row' ? ('notADate' as const) : ('notADateLeftOut' as const),
      data: facts,
    };
  }
  return { messageId: MESSAGES[kind], data };
}

export default defineRule<ObservedBadRowData>()({
  phase: 'audit',
  meta: {
    id: 'observed/bad-row',
    defaultSeverity: 'warning',
    description:
      'A row of an event log (`--events`) could not be used: no account id, no touchpoint id, or a timestamp that is not a date.',
    rationale:
      'A skipped row is a touch the audit cannot see, so an account may look more silent than it was.',
    fix: 'Correct the row at the reported line, or the export that produces it. Timestamps are YYYY-MM-DD, an ISO 8601 timestamp (the date as written is used) or day-first DD/MM/YYYY.',
    messages: {
      missingValue: 'row {{line}} has no {{column}}; the row is skipped',
      notADate: `row {{line}}: {{column}} '{{text}}' is not a date (${DATE_FORMATS}); the row is skipped`,
      notADateLeftOut: `row {{line}}: {{column}} '{{text}}' is not a date (${DATE_FORMATS}); the date is left out`,
      accountAgain:
        'row {{line}}: account {{account}} is listed again (first on row {{firstLine}}); its smallest segment and earliest dates are used',
      csvError: '{{reason}}; the rest of the file was not read',
      moreBadRows: '{{count}} more unusable rows in {{file}} were skipped',
    },
  },
  check(ctx) {
    for (const problem of ctx.observed?.problems ?? []) {
      const { messageId, data } = messageOf(problem);
      ctx.report({ messageId, data, location: problem.location });
    }
  },
});
