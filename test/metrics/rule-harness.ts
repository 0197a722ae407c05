import { defaultConfig, type Config } from '../../src/config/config.js';
import { metricKey, type MetricsResult, type MetricValue } from '../../src/metrics/types.js';
import type { Report, Rule, RuleContext } from '../../src/rules/rule.js';
import { recordReports } from '../rules/produced-findings.js';
import { renderReports, type RenderedReport } from '../rules/rendered-reports.js';
import type { Comparison, Inventory, MetricTarget, Touchpoint, Unit } from '../../src/types.js';

export const INVENTORY_FILE = 'touchpoints.yaml';

/** `">= 0.35"` → `{ op: '>=', value: 0.35 }`; `"90%"` on a ratio metric → 0.9. */
export function target(text: string, unit?: Unit): MetricTarget {
  const match = /^\s*(>=|<=|==|>|<)?\s*([-\d.]+)\s*(%)?\s*$/.exec(text);
  if (match === null) throw new Error(`bad target in test: ${text}`);
  const op = (match[1] ?? '>=') as Comparison;
  let value = Number(match[2]);
  if (match[3] !== undefined && unit !== 'percent') value /= 100;
  return { op, value, text };
}

/** A touchpoint whose entry starts at `line` of touchpoints.yaml, metric block 6 lines further. */
export function touchpoint(
  id: string,
  line: number,
  metric?: { name: string; target?: string; unit?: Unit },
): Touchpoint {
  const at = (offset: number, column: number) => ({
    file: INVENTORY_FILE,
    line: line + offset,
    column,
  });
  const tp: Touchpoint = {
    id,
    name: id,
    segments: [],
    mode: 'proactive',
    transactional: false,
    location: at(0, 5),
    fields: {},
  };
  if (metric !== undefined) {
    tp.metric = { name: metric.name };
    if (metric.unit !== undefined) tp.metric.unit = metric.unit;
    if (metric.target !== undefined) tp.metric.target = target(metric.target, metric.unit);
    tp.fields.metric = at(6, 5);
    tp.fields['metric.name'] = at(7, 13);
    tp.fields['metric.target'] = at(8, 15);
  }
  return tp;
}

export function inventory(touchpoints: Touchpoint[]): Inventory {
  return {
    version: 1,
    journey: { stages: ['onboarding'] },
    segments: [],
    lifecycle: {},
    touchpoints,
    files: [INVENTORY_FILE],
    locations: {},
  };
}

/** A MetricsResult with the given aggregated values, each first seen at `line` of metrics.csv. */
export function metricsOf(
  values: (Omit<MetricValue, 'location' | 'rows'> & { rows?: number; line?: number })[],
): MetricsResult {
  const result: MetricsResult = {
    files: ['metrics.csv'],
    reads: [],
    descriptions: [],
    values: new Map(),
    ids: new Map(),
    problems: [],
    stats: { rows: 0, used: 0, skipped: 0, bad: 0, afterAsOf: 0, totals: 0 },
  };
  for (const { line = 2, rows = 1, ...value } of values) {
    const location = { file: 'metrics.csv', line, column: 1 };
    result.values.set(metricKey(value.touchpoint, value.metric), { ...value, rows, location });
    const seen = result.ids.get(value.touchpoint);
    if (seen === undefined) result.ids.set(value.touchpoint, { rows, location });
    else seen.rows += rows;
  }
  return result;
}

export interface RuleSetup {
  touchpoints: Touchpoint[];
  metrics?: MetricsResult;
  config?: Partial<Config>;
  asOf?: string;
}

/** Runs one rule's check without the engine and returns what it reported. */
export function runRuleReports(rule: Rule, setup: RuleSetup): Report[] {
  const reports: Report[] = [];
  const ctx: RuleContext = {
    inventory: inventory(setup.touchpoints),
    config: { ...defaultConfig(), ...setup.config },
    asOf: setup.asOf ?? '2026-03-31',
    report: (finding) => reports.push(finding),
    ...(setup.metrics === undefined ? {} : { metrics: setup.metrics }),
  };
  rule.check?.(ctx);
  recordReports(rule, reports);
  return reports;
}

/** {@link runRuleReports} with each message rendered, as the engine renders it. */
export function runRule(rule: Rule, setup: RuleSetup): RenderedReport[] {
  return renderReports(rule, runRuleReports(rule, setup));
}
