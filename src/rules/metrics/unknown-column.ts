import { defineRule } from '../rule.js';

/** Findings come from `readMetrics`, which tags them with this rule id. */
export default defineRule({
  phase: 'audit',
  meta: {
    id: 'metrics/unknown-column',
    defaultSeverity: 'warning',
    description:
      'A metric export whose header matches no known format (long, wide, or a sources: mapping in the config), or a file that is empty, binary or not UTF-8 text. The file is skipped.',
    rationale:
      'Nothing in the file can be joined to touchpoints, so every touchpoint it was meant to measure shows up as having no data.',
    fix: 'Rename the columns to the long format (touchpoint_id, metric, value, and optionally date and segment) or the wide format (touchpoint_id plus one column per metric), or describe the vendor columns with a sources: entry in the config.',
  },
});
