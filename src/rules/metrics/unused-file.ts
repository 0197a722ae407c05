import { defineRule } from '../rule.js';

export interface UnusedFileData {
  /** Data rows read, and why none of them gave a value. */
  rows: number;
  skipped: number;
  bad: number;
  afterAsOf: number;
}

export default defineRule<UnusedFileData>()({
  phase: 'audit',
  meta: {
    id: 'metrics/unused-file',
    defaultSeverity: 'warning',
    description:
      'A metric export whose header was understood but that gave no value to any touchpoint: no rows, or every row empty, N/A, left out by a filter:, bad, or dated after the as-of date.',
    rationale:
      'A file given to the audit that contributes nothing usually means a wrong filter:, a wrong column or an export of the wrong period; passing quietly would let CI believe it was measured.',
    fix: "Check the file's rows against its sources: entry (filter values, the value column) and the period; or stop passing the file with -m.",
    messages: {
      nothing:
        'the file contributes no value to the audit: {{rows|count:data row}}, {{skipped}} empty, N/A or filtered out, {{bad}} bad, {{afterAsOf}} after the as-of date',
    },
  },
  check(ctx) {
    for (const problem of ctx.metrics?.problems ?? []) {
      if (problem.kind !== 'unused-file') continue;
      const { rows, skipped, bad, afterAsOf } = problem;
      ctx.report({
        messageId: 'nothing',
        data: { rows, skipped, bad, afterAsOf },
        location: problem.location,
      });
    }
  },
});
