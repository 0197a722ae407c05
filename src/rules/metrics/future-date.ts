import { defineRule } from '../rule.js';

export interface FutureDateData {
  /** Rows dated after the as-of date, the latest of their dates, and the first one's line. */
  rows: number;
  latest: string;
  line: number;
  asOf: string;
}

export default defineRule<FutureDateData>()({
  phase: 'audit',
  meta: {
    id: 'metrics/future-date',
    defaultSeverity: 'warning',
    description:
      'Rows of a metric export dated after the as-of date (--as-of, asOf: in the config, SOURCE_DATE_EPOCH, default today). They are counted, never used; reported once per file with the count and the first line.',
    rationale:
      'A date in the future is a typo (2062 for 2026, 2027 in a December export) or an export run against the wrong clock. Used, it would move the period away from the real rows; ignored silently, the data would look thinner than it is.',
    fix: 'Correct the dates at the reported line (and the others after the as-of date), or audit as of a later date with --as-of.',
    messages: {
      oneRow:
        '1 row is dated after the as-of date {{asOf}} (latest {{latest}}, first at line {{line}}) and not used',
      rows: '{{rows}} rows are dated after the as-of date {{asOf}} (latest {{latest}}, first at line {{line}}) and not used',
    },
  },
  check(ctx) {
    for (const problem of ctx.metrics?.problems ?? []) {
      if (problem.kind !== 'future-date') continue;
      ctx.report({
        messageId: problem.rows === 1 ? 'oneRow' : 'rows',
        data: {
          rows: problem.rows,
          latest: problem.latest,
          line: problem.location.line,
          asOf: problem.asOf,
        },
        location: problem.location,
      });
    }
  },
});
