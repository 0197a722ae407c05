import { defaultConfig, type Config } from '../../src/config/config.js';
import type { MetricsResult } from '../../src/metrics/types.js';
import { compareFindings, runRules } from '../../src/rules/engine.js';
import { RULES } from '../../src/rules/index.js';
import type { Finding } from '../../src/types.js';
import { inventory } from './rule-harness.js';

/** The findings the `metrics/*` rules make of a read's problems, in report order. */
export function metricFindings(result: MetricsResult, config: Config = defaultConfig()): Finding[] {
  const rules = RULES.filter((rule) => rule.meta.id.startsWith('metrics/'));
  return runRules(
    rules,
    { inventory: inventory([]), config, asOf: '2026-03-31', metrics: result },
    ['audit'],
  ).sort(compareFindings);
}
