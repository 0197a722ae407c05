import { defineRule } from '../rule.js';

/** Findings come from the event reader, which tags them with this rule id. */
export default defineRule<{ text: string }>()({
  phase: 'audit',
  meta: {
    id: 'observed/bad-row',
    defaultSeverity: 'warning',
    description:
      'A row of an event log (`--events`) could not be used: no account id, no touchpoint id, or a timestamp that is not a date.',
    rationale:
      'A skipped row is a touch the audit cannot see, so an account may look more silent than it was.',
    fix: 'Correct the row at the reported line, or the export that produces it. Timestamps are YYYY-MM-DD, an ISO 8601 timestamp (the date as written is used) or day-first DD/MM/YYYY.',
    // Until the stage that finds these problems hands over typed facts, it writes the text.
    messages: { text: '{{text}}' },
  },
});
