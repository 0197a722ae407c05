import { lookupMetric } from '../../metrics/lookup-metric.js';
import { parseDay } from '../../metrics/parse-date.js';
import { defineRule } from '../rule.js';

export interface StaleDataData {
  metric: string;
  /** Date of the latest row, YYYY-MM-DD. */
  latest: string;
  /** Days between the latest row and the audit date. */
  age: number;
  asOf: string;
  /** The freshness window in days. */
  freshness: number;
}

export default defineRule<StaleDataData>()({
  phase: 'audit',
  meta: {
    id: 'gap/stale-data',
    // A warning, not info: an export that stopped updating is exactly what a CI job gated on
    // warnings should notice, and it already halves the touchpoint's evidence score.
    defaultSeverity: 'warning',
    description:
      'A touchpoint whose latest metric row is older than the freshness window (freshness:, default 30 days) before the audit date (--as-of, default today). Undated exports are never stale.',
    rationale:
      'Old numbers describe a touchpoint that may no longer exist in that form; decisions made on them are guesses.',
    fix: 'Refresh the export (or the job that produces it), or raise freshness: in the config for metrics that are only measured quarterly.',
    messages: {
      stale:
        'the latest {{metric}} row is from {{latest}}, {{age}} days before {{asOf}} (freshness window {{freshness}} days)',
    },
  },
  check(ctx) {
    const metrics = ctx.metrics;
    if (metrics === undefined) return;
    const asOf = parseDay(ctx.asOf);
    if (Number.isNaN(asOf)) return;
    for (const tp of ctx.inventory.touchpoints) {
      if (tp.metric === undefined) continue;
      const latestDate = lookupMetric(metrics, tp.id, tp.metric.name)?.latestDate;
      if (latestDate === undefined) continue;
      const age = asOf - parseDay(latestDate);
      if (!(age > ctx.config.freshness)) continue;
      ctx.report({
        messageId: 'stale',
        data: {
          metric: tp.metric.name,
          latest: latestDate,
          age,
          asOf: ctx.asOf,
          freshness: ctx.config.freshness,
        },
        touchpoint: tp.id,
        field: 'metric',
        location: tp.fields['metric.name'] ?? tp.fields.metric ?? tp.location,
      });
    }
  },
});
