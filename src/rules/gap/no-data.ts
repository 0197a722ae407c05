import { lookupMetric, metricsOf } from '../../metrics/lookup-metric.js';
import { defineRule } from '../rule.js';

export interface NoDataData {
  touchpoint: string;
  metric: string;
  /** The other metrics the exports have for the touchpoint. */
  others: string[];
}

export default defineRule<NoDataData>()({
  phase: 'audit',
  meta: {
    id: 'gap/no-data',
    defaultSeverity: 'warning',
    description:
      'A documented touchpoint whose metric has no rows in the metric exports given to the audit (only checked when exports are given with -m).',
    rationale:
      'A success metric nobody measures is a wish, not a metric: nobody can tell whether the touchpoint works, and it scores zero on evidence.',
    fix: 'Add the metric to the export (touchpoint_id and metric names must match the inventory; map vendor ids with aliases: in the config), or correct the metric name in the inventory.',
    messages: {
      noValues:
        '{{touchpoint}} has rows for metric {{metric}} but no values (only empty or N/A cells, or rows dated after the audit period)',
      noRows: '{{touchpoint}} has no rows in the metric exports (expected metric {{metric}})',
      otherMetrics:
        '{{touchpoint}} has no rows for metric {{metric}}; the exports only have {{others|commas}} for it',
    },
  },
  check(ctx) {
    const metrics = ctx.metrics;
    if (metrics === undefined) return;
    for (const tp of ctx.inventory.touchpoints) {
      if (tp.metric === undefined) continue;
      const found = lookupMetric(metrics, tp.id, tp.metric.name);
      if (found !== undefined && (found.rows > 0 || found.latestDate !== undefined)) continue;
      const others = metricsOf(metrics, tp.id).filter((name) => name !== found?.metric);
      ctx.report({
        messageId:
          found !== undefined ? 'noValues' : others.length === 0 ? 'noRows' : 'otherMetrics',
        data: { touchpoint: tp.id, metric: tp.metric.name, others },
        touchpoint: tp.id,
        field: 'metric',
        location: tp.fields['metric.name'] ?? tp.fields.metric ?? tp.location,
      });
    }
  },
});
