import { accountsBySegment, formatShare, formatSpan, segmentLabel } from '../../events/cadence.js';
import { limitsOf } from '../../events/plan.js';
import { inventoryLocation } from '../../timeline/locate.js';
import { defineRule } from '../rule.js';

/** How many of the longest silences a finding names. */
const EXAMPLES = 3;

export default defineRule({
  meta: {
    id: 'observed/silence',
    defaultSeverity: 'warning',
    description:
      'In the event logs (`--events`), accounts of a segment went longer than the allowed silence (`silence:`, per segment) without a proactive touch: from the start of the window to their first touch, between two touches, or from their last touch to the end. One finding per segment, with the share of accounts and the longest silences.',
    rationale:
      'The plan can look evenly spaced while real accounts fall through the cracks: a skipped call, a suppressed email, an owner on leave. Only the log shows what each customer actually heard.',
    fix: 'Look up the named accounts and find why their touches stopped (suppression lists, missing owners, a campaign filter); add a safety-net touch for the segment, or raise `silence.segments.<segment>` if the limit is wrong.',
  },
  phase: 'audit',
  check(ctx) {
    const { observed, inventory } = ctx;
    if (!observed) return;
    for (const [segment, accounts] of accountsBySegment(observed.aggregate)) {
      const limit = limitsOf(observed.plan, segment).silence;
      const silent = accounts
        .filter((a) => a.silence.days > limit)
        .sort(
          (a, b) =>
            b.silence.days - a.silence.days ||
            (a.account < b.account ? -1 : a.account > b.account ? 1 : 0),
        );
      if (silent.length === 0) continue;
      const examples = silent
        .slice(0, EXAMPLES)
        .map(
          (a) =>
            `${a.account} (${String(a.silence.days)} days, ${formatSpan(a.silence.from, a.silence.to)})`,
        );
      ctx.report({
        message:
          `${String(silent.length)} of ${String(accounts.length)} ${segmentLabel(segment)} (${formatShare(silent.length, accounts.length)}) ` +
          `went longer than ${String(limit)} days without a proactive touch; longest: ${examples.join(', ')}`,
        location: inventoryLocation(inventory, 'segments', 'journey'),
        field: `observed.silence.${segment}`,
      });
    }
  },
});
