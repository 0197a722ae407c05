import type { Config } from '../config/config.js';
import type { ObservedInput } from '../events/read.js';
import type { MetricsResult } from '../metrics/types.js';
import type { Timeline } from '../timeline/types.js';
import type { Finding, Inventory, Location, RuleMeta } from '../types.js';

/** What a rule reports; the engine adds the rule id and the configured severity. */
export interface Report {
  message: string;
  location: Location;
  touchpoint?: string;
  related?: string[];
  field?: string;
}

/** Read-only view of the audit given to every rule. */
export interface RuleContext {
  readonly inventory: Inventory;
  readonly config: Config;
  /** Present when metric exports were given (`audit -m`). */
  readonly metrics?: MetricsResult;
  /** Present for `audit`/`scorecard`; the lifecycle expansion of scheduled touchpoints. */
  readonly timeline?: Timeline;
  /** Present when event logs were given (`audit --events`): what accounts actually received. */
  readonly observed?: ObservedInput;
  /** ISO date (YYYY-MM-DD) the audit is evaluated at. */
  readonly asOf: string;
  report(finding: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  /**
   * Omitted for rules whose findings come from a pipeline stage (the YAML parser, the JSON
   * Schema validator, the CSV reader) rather than from a check over the loaded model.
   */
  check?: (ctx: RuleContext) => void;
  /** Which command needs the rule: `validate` rules also run in `audit`. */
  phase: 'validate' | 'audit';
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

export type { Finding };
