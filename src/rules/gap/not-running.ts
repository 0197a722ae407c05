import { normaliseMetricName } from '../../metrics/detect-format.js';
import type { MetricsResult, MetricValue } from '../../metrics/types.js';
import type { Touchpoint } from '../../types.js';
import { defineRule } from '../rule.js';

/** Metric names that count sends: `sent`, `delivered`, or a name ending in `_sent`/`_delivered`. */
const SEND_COUNT = /(?:^|_)(?:sent|sends|delivered|deliveries)$/;

export function isSendCount(metric: string): boolean {
  return SEND_COUNT.test(normaliseMetricName(metric));
}

export interface NotRunningData {
  /** The send-count metric the exports hold (`sent`, `delivered`, `emails_sent`). */
  metric: string;
  /** The segments the touchpoint is planned for ([] when the inventory names none). */
  planned: string[];
  /** Planned segments that received nothing; empty when the data is not split by segment. */
  segments: string[];
  /** Planned segments the export has no rows for at all (a subset of `segments`). */
  absent: string[];
  /** Where the send counts were read (the first row of the metric). */
  file: string;
  line: number;
  /** Rows of the metric inside the period. */
  rows: number;
  since?: string;
  asOf?: string;
}

/** Per touchpoint, its send-count values, in the order the exports gave them. */
function sendCounts(metrics: MetricsResult): Map<string, MetricValue[]> {
  const byTouchpoint = new Map<string, MetricValue[]>();
  for (const value of metrics.values.values()) {
    if (!isSendCount(value.metric)) continue;
    const list = byTouchpoint.get(value.touchpoint);
    if (list === undefined) byTouchpoint.set(value.touchpoint, [value]);
    else list.push(value);
  }
  return byTouchpoint;
}

/** What the value says about a touchpoint's sends, or undefined when it was sent to everyone planned. */
function notRunning(
  tp: Touchpoint,
  value: MetricValue,
): Pick<NotRunningData, 'planned' | 'segments' | 'absent'> | undefined {
  if (value.value === undefined) return undefined; // no rows in the period: gap/no-data says so
  const split = value.segments;
  // The segments it is planned for, or [] when the inventory has none.
  const planned = tp.segments;
  if (split === undefined || Object.keys(split).length === 0 || planned.length === 0)
    return value.value === 0 ? { planned, segments: [], absent: [] } : undefined;
  const segments: string[] = [];
  const absent: string[] = [];
  for (const segment of planned) {
    const share = Object.hasOwn(split, segment) ? split[segment] : undefined;
    if (share === undefined || share.rows === 0) absent.push(segment);
    if (share === undefined || share.rows === 0 || share.value === 0) segments.push(segment);
  }
  return segments.length === 0 ? undefined : { planned, segments, absent };
}

export default defineRule<NotRunningData>()({
  phase: 'audit',
  meta: {
    id: 'gap/not-running',
    defaultSeverity: 'warning',
    description:
      'A touchpoint planned for a segment whose send count in the metric exports is zero over the audit period. A send count is a metric named sent or delivered (or ending in _sent, _delivered); when its rows are split by segment, each planned segment is judged on its own, and a planned segment with no rows while others have some received nothing.',
    rationale:
      'The inventory says the touchpoint reaches these customers; the send log says it reached nobody. A touchpoint that is documented but switched off (a paused flow, a broken trigger, a segment filter that matches no one) is a silent gap in the journey.',
    fix: 'Check the sending system: a paused or draft flow, a trigger that never fires, or an audience filter that excludes the segment. If the touchpoint was retired on purpose, remove it from the inventory (or drop the segment from its segments:).',
    messages: {
      pooled:
        '{{metric}} is 0 in every row of the period ({{rows|count:row}} from {{file}}:{{line}}): the touchpoint is planned but sent nothing',
      segments:
        'planned for {{planned|list:8}}, but {{metric}} in {{file}} shows no sends to {{segments|list:8}} in the period',
    },
  },
  check(ctx) {
    const metrics = ctx.metrics;
    if (metrics === undefined) return;
    const counts = sendCounts(metrics);
    if (counts.size === 0) return;
    for (const tp of ctx.inventory.touchpoints) {
      for (const value of counts.get(tp.id) ?? []) {
        const verdict = notRunning(tp, value);
        if (verdict === undefined) continue;
        ctx.report({
          messageId: verdict.segments.length === 0 ? 'pooled' : 'segments',
          data: {
            metric: value.metric,
            ...verdict,
            file: value.location.file,
            line: value.location.line,
            rows: value.rows,
            ...(metrics.since === undefined ? {} : { since: metrics.since }),
            ...(metrics.asOf === undefined ? {} : { asOf: metrics.asOf }),
          },
          touchpoint: tp.id,
          field: 'segments',
          location: tp.fields.segments ?? tp.location,
        });
      }
    }
  },
});
