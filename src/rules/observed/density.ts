import { compareText } from '../../shared/compare-text.js';
import { accountsBySegment } from '../../events/cadence.js';
import { isoOf, limitsOf } from '../../events/plan.js';
import { inventoryLocation } from '../locate.js';
import { defineRule } from '../rule.js';

const EXAMPLES = 3;

export interface ObservedDensityData {
  /** The segment ('' for accounts without one). */
  segment: string;
  /** Accounts over the limit, out of the segment's accounts. */
  crowded: number;
  accounts: number;
  /** The limit: more than `max` touches in `window` days. */
  max: number;
  window: number;
  /** The accounts hit hardest, as nested `example` messages. */
  examples: {
    messageId: 'example';
    data: { account: string; peak: number; first: string };
  }[];
}

export default defineRule<ObservedDensityData>()({
  meta: {
    id: 'observed/density',
    defaultSeverity: 'warning',
    description:
      'In the event logs (`--events`), accounts of a segment received more proactive touches in a rolling window than the density limit allows (`density:`, per segment; default more than 3 in 7 days). Transactional touchpoints do not count. One finding per segment, with the accounts hit hardest.',
    rationale:
      'Over-contacted customers unsubscribe, ignore or complain; the plan may respect the limit while the log shows bursts when several programmes fire at once.',
    fix: 'Add a frequency cap across programmes for the segment, or spread the touchpoints that pile up; the example accounts show the first crowded week.',
    messages: {
      crowded:
        '{{crowded}} of {{accounts}} {{segment|segmentAccounts}} ({{crowded|share:accounts}}) received more than {{max}} proactive touches in {{window}} days; most: {{examples|each:, }}',
      example: '{{account}} ({{peak}} touches, first on {{first}})',
    },
  },
  phase: 'audit',
  check(ctx) {
    const { observed, inventory } = ctx;
    if (!observed) return;
    for (const [segment, accounts] of accountsBySegment(observed.aggregate)) {
      const limits = limitsOf(observed.plan, segment);
      const crowded = accounts
        .filter((a) => a.densityBreaches > 0)
        .sort((a, b) => b.densityPeak - a.densityPeak || compareText(a.account, b.account));
      if (crowded.length === 0) continue;
      const examples = crowded.slice(0, EXAMPLES).map((a) => ({
        messageId: 'example' as const,
        data: {
          account: a.account,
          peak: a.densityPeak,
          first: a.firstBreach === undefined ? '?' : isoOf(a.firstBreach),
        },
      }));
      ctx.report({
        messageId: 'crowded',
        data: {
          segment,
          crowded: crowded.length,
          accounts: accounts.length,
          max: limits.densityMax,
          window: limits.densityWindow,
          examples,
        },
        location: inventoryLocation(inventory, 'segments', 'journey'),
        field: `observed.density.${segment}`,
      });
    }
  },
});
