import type { Waiver } from '../../config/config.js';
import { defineRule } from '../rule.js';
import type { Report } from '../rule.js';

export interface ExpiredWaiverData {
  /** The rule (or rule glob) the waiver names. */
  rule: string;
  /** The touchpoint id or glob it names, if any. */
  touchpoint?: string;
  /** Its `expires` date, YYYY-MM-DD. */
  expires: string;
}

const isGlob = (text: string): boolean => /[*?[\]{}]/.test(text);

/**
 * The report for a waiver past its `expires` date. The engine makes it while applying the
 * waivers (only a waiver that would have covered a finding is reported), so this rule has no
 * check of its own.
 */
export function expiredWaiverReport(
  waiver: Waiver & { expires: string },
  configFile: string | undefined,
): Report<ExpiredWaiverData, 'expired' | 'expiredOn'> {
  const { rule, expires, touchpoint } = waiver;
  return {
    ...(touchpoint === undefined
      ? { messageId: 'expired', data: { rule, expires } }
      : { messageId: 'expiredOn', data: { rule, expires, touchpoint } }),
    location: waiver.location ?? { file: configFile ?? '<config>', line: 1, column: 1 },
    ...(touchpoint !== undefined && !isGlob(touchpoint) ? { touchpoint } : {}),
  };
}

export default defineRule<ExpiredWaiverData>()({
  phase: 'validate',
  meta: {
    id: 'waiver/expired',
    defaultSeverity: 'warning',
    description:
      'A waiver in the config has passed its `expires` date, so the findings it covered count again.',
    rationale:
      'Waivers are promises to fix something later; an expired one must resurface rather than hide a problem forever.',
    fix: 'Fix the waived findings, or renew the waiver with a new `expires` date and an up-to-date reason.',
    messages: {
      expired: 'the waiver for {{rule}} expired on {{expires}} and no longer applies',
      expiredOn:
        "the waiver for {{rule}} on '{{touchpoint}}' expired on {{expires}} and no longer applies",
    },
  },
});
