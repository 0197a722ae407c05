import type { Config } from '../../src/config/config.js';
import type { MetricsResult } from '../../src/metrics/types.js';
import type { Report, Rule } from '../../src/rules/rule.js';
import { expandTimeline } from '../../src/timeline/expand.js';
import type { Timeline } from '../../src/timeline/types.js';
import type { Inventory } from '../../src/types.js';
import { recordReports } from '../rules/produced-findings.js';
import { renderReports, type RenderedReport } from '../rules/rendered-reports.js';
import { config as defaultTestConfig } from './factory.js';

export interface RunOptions {
  config?: Config;
  metrics?: MetricsResult;
  /** `true` expands the inventory's timeline; a Timeline is used as given; omitted: none. */
  timeline?: Timeline | true;
  asOf?: string;
}

/** Runs one rule's check outside the engine and returns what it reported, in order. */
export function runRuleReports(
  rule: Rule,
  inventory: Inventory,
  options: RunOptions = {},
): Report[] {
  const reports: Report[] = [];
  const config = options.config ?? defaultTestConfig();
  const timeline = options.timeline === true ? expandTimeline(inventory, config) : options.timeline;
  rule.check?.({
    inventory,
    config,
    ...(options.metrics ? { metrics: options.metrics } : {}),
    ...(timeline ? { timeline } : {}),
    asOf: options.asOf ?? '2026-11-01',
    report: (finding) => reports.push(finding),
  });
  recordReports(rule, reports);
  return reports;
}

/** {@link runRuleReports} with each message rendered, as the engine renders it. */
export function runRule(
  rule: Rule,
  inventory: Inventory,
  options: RunOptions = {},
): RenderedReport[] {
  return renderReports(rule, runRuleReports(rule, inventory, options));
}
