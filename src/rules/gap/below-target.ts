import { attainment, meetsTarget } from '../../metrics/attainment.js';
import { lookupMetric } from '../../metrics/lookup-metric.js';
import type { Comparison, Unit } from '../../types.js';
import { defineRule } from '../rule.js';

export interface BelowTargetData {
  metric: string;
  /** The value over the audit period. */
  value: number;
  /** The target number, in the metric's unit. */
  target: number;
  /** The target as written (`>= 0.35`, `90%`). */
  targetText: string;
  op: Comparison;
  unit?: Unit;
  /** 0–1: how much of the target the value attains. */
  attainment: number;
}

export default defineRule<BelowTargetData>()({
  phase: 'audit',
  meta: {
    id: 'gap/below-target',
    defaultSeverity: 'warning',
    description:
      'A touchpoint whose metric, averaged over the audit period, misses its target. Direction-aware: >= and > targets want more, <= and < targets want less; == wants the exact value. Attainment is value/target for >= and >, target/value for <= and <, and 1 - |value - target|/|target| for ==, capped at 100%.',
    rationale:
      'A touchpoint that misses its own success criterion is not doing its job: it costs effort (and customer attention) without the outcome it was designed for.',
    fix: 'Improve the touchpoint (content, timing, channel), or revisit the target if it was never realistic. The period is the last period: days (default 90) up to the as-of date (--as-of, default today), or --since to it.',
    messages: {
      belowTarget:
        '{{metric}} is {{value|metricValue}}, target {{target|metricTarget}} (attainment {{attainment|missedPercent}})',
    },
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
      ctx.report({
        messageId: 'belowTarget',
        data: {
          metric: spec.name,
          value,
          target: target.value,
          targetText: target.text,
          op: target.op,
          ...(spec.unit === undefined ? {} : { unit: spec.unit }),
          attainment: attainment(value, target),
        },
        touchpoint: tp.id,
        field: 'metric.target',
        location: tp.fields['metric.target'] ?? tp.fields.metric ?? tp.location,
      });
    }
  },
});
