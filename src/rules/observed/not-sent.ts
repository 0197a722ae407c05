import { formatSpan } from '../../events/cadence.js';
import { formatList } from '../../timeline/format.js';
import { touchpointLocation } from '../../timeline/locate.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'observed/not-sent',
    defaultSeverity: 'warning',
    description:
      'A scheduled proactive touchpoint that no account of a segment it is planned for received in the event logs (`--events`), while the log does have accounts of that segment. When the log has no segments, a touchpoint no account received at all.',
    rationale:
      'A touchpoint that is documented but never sent is worse than a gap: everyone believes it happens. Survey, QBR and renewal touchpoints are the usual casualties.',
    fix: 'Check that the touchpoint is live and logged under its inventory id (or map the logged id with `aliases:`); if it was dropped on purpose, remove it from the inventory.',
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
    const window = formatSpan(aggregate.window.first, aggregate.window.last);
    for (const touchpoint of inventory.touchpoints) {
      if (touchpoint.mode !== 'proactive' || touchpoint.timing?.kind !== 'scheduled') continue;
      if (unsegmented) {
        if ((received.get(touchpoint.id) ?? 0) > 0) continue;
        ctx.report({
          message: `no account received '${touchpoint.id}' in the event logs (${window})`,
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
        message: `'${touchpoint.id}' is planned for ${formatList(missing)} but no account of ${missing.length === 1 ? 'that segment' : 'those segments'} received it in the event logs (${window})`,
        location: touchpointLocation(touchpoint, 'timing'),
        touchpoint: touchpoint.id,
        field: 'observed.not-sent',
      });
    }
  },
});
