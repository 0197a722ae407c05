import { accountsBySegment, formatShare, segmentLabel } from '../../events/cadence.js';
import { isoOf, limitsOf } from '../../events/plan.js';
import { inventoryLocation } from '../../timeline/locate.js';
import { defineRule } from '../rule.js';

const EXAMPLES = 3;

export default defineRule({
  meta: {
    id: 'observed/density',
    defaultSeverity: 'warning',
    description:
      'In the event logs (`--events`), accounts of a segment received more proactive touches in a rolling window than the density limit allows (`density:`, per segment; default more than 3 in 7 days). Transactional touchpoints do not count. One finding per segment, with the accounts hit hardest.',
    rationale:
      'Over-contacted customers unsubscribe, ignore or complain; the plan may respect the limit while the log shows bursts when several programmes fire at once.',
    fix: 'Add a frequency cap across programmes for the segment, or spread the touchpoints that pile up; the example accounts show the first crowded week.',
  },
  phase: 'audit',
  check(ctx) {
    const { observed, inventory } = ctx;
    if (!observed) return;
    for (const [segment, accounts] of accountsBySegment(observed.aggregate)) {
      const limits = limitsOf(observed.plan, segment);
      const crowded = accounts
        .filter((a) => a.densityBreaches > 0)
        .sort(
          (a, b) =>
            b.densityPeak - a.densityPeak ||
            (a.account < b.account ? -1 : a.account > b.account ? 1 : 0),
        );
      if (crowded.length === 0) continue;
      const examples = crowded
        .slice(0, EXAMPLES)
        .map(
          (a) =>
            `${a.account} (${String(a.densityPeak)} touches, first on ${a.firstBreach === undefined ? '?' : isoOf(a.firstBreach)})`,
        );
      ctx.report({
        message:
          `${String(crowded.length)} of ${String(accounts.length)} ${segmentLabel(segment)} (${formatShare(crowded.length, accounts.length)}) ` +
          `received more than ${String(limits.densityMax)} proactive touches in ${String(limits.densityWindow)} days; most: ${examples.join(', ')}`,
        location: inventoryLocation(inventory, 'segments', 'journey'),
        field: `observed.density.${segment}`,
      });
    }
  },
});
