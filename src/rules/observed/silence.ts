import { compareText } from '../../shared/compare-text.js';
import { accountsBySegment } from '../../events/cadence.js';
import { isoOf, limitsOf } from '../../events/plan.js';
import { inventoryLocation } from '../locate.js';
import { defineRule } from '../rule.js';

/** How many of the longest silences a finding names. */
const EXAMPLES = 3;

export interface ObservedSilenceData {
  /** The segment ('' for accounts without one). */
  segment: string;
  /** Accounts silent too long, out of the segment's accounts. */
  silent: number;
  accounts: number;
  /** The longest allowed silence, in days. */
  limit: number;
  /** The longest silences, as nested `example` messages (dates YYYY-MM-DD). */
  examples: {
    messageId: 'example';
    data: { account: string; days: number; from: string; to: string };
  }[];
}

export default defineRule<ObservedSilenceData>()({
  meta: {
    id: 'observed/silence',
    defaultSeverity: 'warning',
    description:
      'In the event logs (`--events`), accounts of a segment went longer than the allowed silence (`silence:`, per segment) without a proactive touch: from the start of the window to their first touch, between two touches, or from their last touch to the end. One finding per segment, with the share of accounts and the longest silences.',
    rationale:
      'The plan can look evenly spaced while real accounts fall through the cracks: a skipped call, a suppressed email, an owner on leave. Only the log shows what each customer actually heard.',
    fix: 'Look up the named accounts and find why their touches stopped (suppression lists, missing owners, a campaign filter); add a safety-net touch for the segment, or raise `silence.segments.<segment>` if the limit is wrong.',
    messages: {
      silent:
        '{{silent}} of {{accounts}} {{segment|segmentAccounts}} ({{silent|share:accounts}}) went longer than {{limit}} days without a proactive touch; longest: {{examples|each:, }}',
      example: '{{account}} ({{days}} days, {{from}}..{{to}})',
    },
  },
  phase: 'audit',
  check(ctx) {
    const { observed, inventory } = ctx;
    if (!observed) return;
    for (const [segment, accounts] of accountsBySegment(observed.aggregate)) {
      const limit = limitsOf(observed.plan, segment).silence;
      const silent = accounts
        .filter((a) => a.silence.days > limit)
        .sort((a, b) => b.silence.days - a.silence.days || compareText(a.account, b.account));
      if (silent.length === 0) continue;
      const examples = silent.slice(0, EXAMPLES).map((a) => ({
        messageId: 'example' as const,
        data: {
          account: a.account,
          days: a.silence.days,
          from: isoOf(a.silence.from),
          to: isoOf(a.silence.to),
        },
      }));
      ctx.report({
        messageId: 'silent',
        data: { segment, silent: silent.length, accounts: accounts.length, limit, examples },
        location: inventoryLocation(inventory, 'segments', 'journey'),
        field: `observed.silence.${segment}`,
      });
    }
  },
});
