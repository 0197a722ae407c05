import { defineRule } from '../rule.js';

export default defineRule({
  phase: 'audit',
  meta: {
    id: 'metrics/future-date',
    defaultSeverity: 'warning',
    description:
      'Rows of a metric export dated after the as-of date (--as-of, asOf: in the config, SOURCE_DATE_EPOCH, default today). They are counted, never used; reported once per file with the count and the first line.',
    rationale:
      'A date in the future is a typo (2062 for 2026, 2027 in a December export) or an export run against the wrong clock. Used, it would move the period away from the real rows; ignored silently, the data would look thinner than it is.',
    fix: 'Correct the dates at the reported line (and the others after the as-of date), or audit as of a later date with --as-of.',
  },
  check(ctx) {
    for (const problem of ctx.metrics?.problems ?? []) {
      if (problem.kind !== 'future-date') continue;
      const rows = problem.rows === 1 ? '1 row is' : `${problem.rows} rows are`;
      ctx.report({
        message: `${rows} dated after the as-of date ${problem.asOf} (latest ${problem.latest}, first at line ${problem.location.line}) and not used`,
        location: problem.location,
      });
    }
  },
});
