import { isoOf } from '../../events/plan.js';
import { touchpointLocation } from '../locate.js';
import { defineRule } from '../rule.js';

export interface NotSentData {
  touchpoint: string;
  /** The segments whose accounts never received it (absent when the log has no segments). */
  segments?: string[];
  /** The log's window, YYYY-MM-DD. */
  from: string;
  to: string;
}

export default defineRule<NotSentData>()({
  meta: {
    id: 'observed/not-sent',
    defaultSeverity: 'warning',
    description:
      'A scheduled proactive touchpoint that no account of a segment it is planned for received in the event logs (`--events`), while the log does have accounts of that segment. When the log has no segments, a touchpoint no account received at all.',
    rationale:
      'A touchpoint that is documented but never sent is worse than a gap: everyone believes it happens. Survey, QBR and renewal touchpoints are the usual casualties.',
    fix: 'Check that the touchpoint is live and logged under its inventory id (or map the logged id with `aliases:`); if it was dropped on purpose, remove it from the inventory.',
    messages: {
      notSent: "no account received '{{touchpoint}}' in the event logs ({{from}}..{{to}})",
      notSentSegment:
        "'{{touchpoint}}' is planned for {{segments|list}} but no account of that segment received it in the event logs ({{from}}..{{to}})",
      notSentSegments:
        "'{{touchpoint}}' is planned for {{segments|list}} but no account of those segments received it in the event logs ({{from}}..{{to}})",
    },
  },
  phase: 'audit',
  check(ctx) {
    const { observed, inventory } = ctx;
    if (!observed) return;
    const { aggregate } = observed;
    if (aggregate.accounts.length === 0) return;
    const segments = new Set(aggregate.accounts.map((a) => a.segment));
    const received = new Map<string, number>();
    for (const r of aggregate.receipts) {
      received.set(r.touchpoint, (received.get(r.touchpoint) ?? 0) + r.touches);
      received.set(`${r.segment}\u0000${r.touchpoint}`, r.touches);
    }
    const unsegmented = segments.size === 1 && segments.has('');
    const window = { from: isoOf(aggregate.window.first), to: isoOf(aggregate.window.last) };
    for (const touchpoint of inventory.touchpoints) {
      if (touchpoint.mode !== 'proactive' || touchpoint.timing?.kind !== 'scheduled') continue;
      if (unsegmented) {
        if ((received.get(touchpoint.id) ?? 0) > 0) continue;
        ctx.report({
          messageId: 'notSent',
          data: { touchpoint: touchpoint.id, ...window },
          location: touchpointLocation(touchpoint, 'timing'),
          touchpoint: touchpoint.id,
          field: 'observed.not-sent',
        });
        continue;
      }
      const missing = touchpoint.segments.filter(
        (segment) =>
          segments.has(segment) && (received.get(`${segment}\u0000${touchpoint.id}`) ?? 0) === 0,
      );
      if (missing.length === 0) continue;
      ctx.report({
        messageId: missing.length === 1 ? 'notSentSegment' : 'notSentSegments',
        data: { touchpoint: touchpoint.id, segments: missing, ...window },
        location: touchpointLocation(touchpoint, 'timing'),
        touchpoint: touchpoint.id,
        field: 'observed.not-sent',
      });
    }
  },
});
