import { attainment, meetsTarget } from '../../metrics/attainment.js';
import { formatAttainment, formatTarget, formatValue } from '../../metrics/format-value.js';
import { lookupMetric } from '../../metrics/lookup-metric.js';
import { defineRule } from '../rule.js';

export default defineRule({
  phase: 'audit',
  meta: {
    id: 'gap/below-target',
    defaultSeverity: 'warning',
    description:
      'A touchpoint whose metric, averaged over the audit period, misses its target. Direction-aware: >= and > targets want more, <= and < targets want less; == wants the exact value. Attainment is value/target for >= and >, target/value for <= and <, and 1 - |value - target|/|target| for ==, capped at 100%.',
    rationale:
      'A touchpoint that misses its own success criterion is not doing its job: it costs effort (and customer attention) without the outcome it was designed for.',
    fix: 'Improve the touchpoint (content, timing, channel), or revisit the target if it was never realistic. The period is the last period: days (default 90) up to the as-of date (--as-of, default today), or --since to it.',
  },
  check(ctx) {
    const metrics = ctx.metrics;
    if (metrics === undefined) return;
    for (const tp of ctx.inventory.touchpoints) {
      const spec = tp.metric;
      const target = spec?.target;
      if (spec === undefined || target === undefined) continue;
      const value = lookupMetric(metrics, tp.id, spec.name)?.value;
      if (value === undefined || meetsTarget(value, target)) continue;
      const share = formatAttainment(attainment(value, target), false);
      ctx.report({
        message: `${spec.name} is ${formatValue(value, spec)}, target ${formatTarget(target, spec)} (attainment ${share})`,
        touchpoint: tp.id,
        field: 'metric.target',
        location: tp.fields['metric.target'] ?? tp.fields.metric ?? tp.location,
      });
    }
  },
});
