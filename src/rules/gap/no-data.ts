import { lookupMetric, metricsOf } from '../../metrics/lookup-metric.js';
import { defineRule } from '../rule.js';

export default defineRule({
  phase: 'audit',
  meta: {
    id: 'gap/no-data',
    defaultSeverity: 'warning',
    description:
      'A documented touchpoint whose metric has no rows in the metric exports given to the audit (only checked when exports are given with -m).',
    rationale:
      'A success metric nobody measures is a wish, not a metric: nobody can tell whether the touchpoint works, and it scores zero on evidence.',
    fix: 'Add the metric to the export (touchpoint_id and metric names must match the inventory; map vendor ids with aliases: in the config), or correct the metric name in the inventory.',
  },
  check(ctx) {
    const metrics = ctx.metrics;
    if (metrics === undefined) return;
    for (const tp of ctx.inventory.touchpoints) {
      if (tp.metric === undefined) continue;
      const found = lookupMetric(metrics, tp.id, tp.metric.name);
      if (found !== undefined && (found.rows > 0 || found.latestDate !== undefined)) continue;
      const others = metricsOf(metrics, tp.id).filter((name) => name !== found?.metric);
      let message: string;
      if (found !== undefined) {
        message = `${tp.id} has rows for metric ${tp.metric.name} but no values (only empty or N/A cells, or rows dated after the audit period)`;
      } else if (others.length === 0) {
        message = `${tp.id} has no rows in the metric exports (expected metric ${tp.metric.name})`;
      } else {
        message = `${tp.id} has no rows for metric ${tp.metric.name}; the exports only have ${others.join(', ')} for it`;
      }
      ctx.report({
        message,
        touchpoint: tp.id,
        field: 'metric',
        location: tp.fields['metric.name'] ?? tp.fields.metric ?? tp.location,
      });
    }
  },
});
