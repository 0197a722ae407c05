import { explainedAsStale, lookupMetric, metricsOf } from '../../metrics/lookup-metric.js';
import { unusedCount, type UnusedRows } from '../../metrics/types.js';
import { defineRule } from '../rule.js';

/** One reason rows were not used, as a nested message (`{{reasons|each}}`). */
interface Reason {
  messageId: keyof UnusedRows | 'part';
  data: Record<string, unknown>;
}

export interface NoDataData {
  touchpoint: string;
  metric: string;
  /** The other metrics the exports have for the touchpoint. */
  others: string[];
  /** Rows of the metric that were not used, how many for each reason (when it has rows). */
  unused?: UnusedRows;
  /** Those rows in all, and the first of them. */
  rows?: number;
  file?: string;
  line?: number;
  /** The reasons, as nested messages. */
  reasons?: Reason[];
}

const REASONS = [
  'unreadableDate',
  'unreadableValue',
  'empty',
  'afterAsOf',
  'beforePeriod',
] as const satisfies readonly (keyof UnusedRows)[];

function reasonsOf(unused: UnusedRows, asOf: string): Reason[] {
  const present = REASONS.filter((reason) => unused[reason] > 0);
  const reason = (id: keyof UnusedRows): Reason => ({
    messageId: id,
    data: id === 'afterAsOf' ? { asOf } : {},
  });
  if (present.length === 1) return present.map(reason);
  return present.map((id) => ({
    messageId: 'part',
    data: { rows: unused[id], reason: [reason(id)] },
  }));
}

export default defineRule<NoDataData>()({
  phase: 'audit',
  meta: {
    id: 'gap/no-data',
    defaultSeverity: 'warning',
    description:
      'A documented touchpoint whose metric has no usable rows inside the period in the metric exports given to the audit (only checked when exports are given with -m). The message says why rows that exist were not used.',
    rationale:
      'A success metric nobody measures is a wish, not a metric: nobody can tell whether the touchpoint works, and it scores zero on evidence.',
    fix: 'Add the metric to the export (touchpoint_id and metric names must match the inventory; map vendor ids with aliases: in the config), correct the metric name in the inventory, or fix the rows the message names (their dates or values could not be read, or they fall outside the period).',
    messages: {
      noValues:
        '{{touchpoint}} has rows for metric {{metric}} but no values (only empty or N/A cells, or rows dated after the audit period)',
      allUnused:
        '{{touchpoint}} has {{rows|count:row}} for metric {{metric}}, all {{reasons|each}}; first at line {{line}} of {{file}}',
      oneUnused:
        '{{touchpoint}} has 1 row for metric {{metric}}, {{reasons|each}}, at line {{line}} of {{file}}',
      noneUsable:
        '{{touchpoint}} has {{rows|count:row}} for metric {{metric}} and none usable: {{reasons|each:, }}; first at line {{line}} of {{file}}',
      part: '{{rows}} {{reason|each}}',
      unreadableDate: 'with dates that could not be read',
      unreadableValue: 'with values that could not be read',
      empty: 'empty or N/A',
      afterAsOf: 'dated after the as-of date {{asOf}}',
      beforePeriod: 'dated before the period',
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
      if (found !== undefined && found.rows > 0) continue;
      // Rows that are only too old: gap/stale-data says so, with the date of the latest.
      if (found !== undefined && explainedAsStale(found, ctx.asOf, ctx.config)) continue;
      const others = metricsOf(metrics, tp.id).filter((name) => name !== found?.metric);
      const where = {
        touchpoint: tp.id,
        field: 'metric',
        location: tp.fields['metric.name'] ?? tp.fields.metric ?? tp.location,
      };
      const unused = found?.unused;
      if (found !== undefined && unused !== undefined && unusedCount(unused) > 0) {
        const reasons = reasonsOf(unused, ctx.asOf);
        ctx.report({
          messageId:
            unusedCount(unused) === 1
              ? 'oneUnused'
              : reasons.length === 1
                ? 'allUnused'
                : 'noneUsable',
          data: {
            touchpoint: tp.id,
            metric: tp.metric.name,
            others,
            unused,
            rows: unusedCount(unused),
            file: found.location.file,
            line: found.location.line,
            reasons,
          },
          ...where,
        });
        continue;
      }
      ctx.report({
        messageId:
          found !== undefined ? 'noValues' : others.length === 0 ? 'noRows' : 'otherMetrics',
        data: { touchpoint: tp.id, metric: tp.metric.name, others },
        ...where,
      });
    }
  },
});
