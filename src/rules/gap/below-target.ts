import { judgeTargets } from '../../metrics/judge-targets.js';
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
  /** The segment whose value misses its own target (per-segment targets only). */
  segment?: string;
}

export default defineRule<BelowTargetData>()({
  phase: 'audit',
  meta: {
    id: 'gap/below-target',
    defaultSeverity: 'warning',
    description:
      'A touchpoint whose metric, averaged over the audit period, misses its target — per segment when the target is a per-segment map (`{ enterprise: "<= 1h", default: "<= 48h" }`) and the exports name segments. Direction-aware: >= and > targets want more, <= and < targets want less; == wants the exact value. Attainment is value/target for >= and >, target/value for <= and <, and 1 - |value - target|/|target| for ==, capped at 100%.',
    rationale:
      'A touchpoint that misses its own success criterion is not doing its job: it costs effort (and customer attention) without the outcome it was designed for.',
    fix: 'Improve the touchpoint (content, timing, channel), or revisit the target if it was never realistic. The period is the last period: days (default 90) up to the as-of date (--as-of, default today), or --since to it.',
    messages: {
      belowTarget:
        '{{metric}} is {{value|metricValue}}, target {{target|metricTarget}} (attainment {{attainment|missedPercent}})',
      belowSegmentTarget:
        '{{metric}} for {{segment}} is {{value|metricValue}}, target {{target|metricTarget}} (attainment {{attainment|missedPercent}})',
    },
  },
  check(ctx) {
    const metrics = ctx.metrics;
    if (metrics === undefined) return;
    for (const tp of ctx.inventory.touchpoints) {
      const spec = tp.metric;
      if (spec === undefined) continue;
      const found = lookupMetric(metrics, tp.id, spec.name);
      for (const judged of judgeTargets(spec, found)) {
        if (judged.met) continue;
        const { segment, target, targetKey } = judged;
        const field = targetKey === undefined ? 'metric.target' : `metric.target.${targetKey}`;
        ctx.report({
          messageId: segment === undefined ? 'belowTarget' : 'belowSegmentTarget',
          data: {
            metric: spec.name,
            ...(segment === undefined ? {} : { segment }),
            value: judged.value,
            target: target.value,
            targetText: target.text,
            op: target.op,
            ...(spec.unit === undefined ? {} : { unit: spec.unit }),
            attainment: judged.attainment,
          },
          touchpoint: tp.id,
          // One finding per segment: each has a fingerprint of its own.
          field: segment === undefined ? field : `metric.target.${segment}`,
          location:
            tp.fields[field] ?? tp.fields['metric.target'] ?? tp.fields.metric ?? tp.location,
        });
      }
    }
  },
});
