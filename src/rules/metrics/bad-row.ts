import { defineRule } from '../rule.js';

/** Findings come from `readMetrics`, which tags them with this rule id. */
export default defineRule({
  phase: 'audit',
  meta: {
    id: 'metrics/bad-row',
    defaultSeverity: 'warning',
    description:
      'A row of a metric export could not be used: an unparsable or infinite number, an invalid date, an empty touchpoint id or metric, a row with the wrong number of fields, or an unclosed quote.',
    rationale:
      'A bad row never aborts the audit, but the values it should have contributed are missing, so the touchpoint may look worse, better or staler than it is.',
    fix: 'Correct the row at the reported line in the export (or in the query that produces it). Empty and N/A cells are fine: they are skipped without a finding. Dates are YYYY-MM-DD or day-first DD/MM/YYYY.',
  },
});
