import { defineRule } from '../rule.js';

export default defineRule({
  phase: 'validate',
  meta: {
    id: 'waiver/expired',
    defaultSeverity: 'warning',
    description:
      'A waiver in the config has passed its `expires` date, so the findings it covered count again.',
    rationale:
      'Waivers are promises to fix something later; an expired one must resurface rather than hide a problem forever.',
    fix: 'Fix the waived findings, or renew the waiver with a new `expires` date and an up-to-date reason.',
  },
});
