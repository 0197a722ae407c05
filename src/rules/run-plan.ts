import type { Config } from '../config/config.js';
import type { Finding } from '../types.js';
import { ruleFamily } from '../shared/rule-family.js';
import type { Rule } from './rule.js';

/** Which rules a run executes, which families that checks, and what it skips and why. */
export interface RunPlan {
  rules: Rule[];
  /** Rule families the run checks, in catalogue order. */
  families: string[];
  /** Inventory files that could not be parsed (each has a `schema/syntax` finding). */
  unparsed: string[];
  /** Ids of the rules left out because they need the whole inventory and a file is unread. */
  skipped: string[];
}

export interface RunPlanInput {
  config: Config;
  phases: readonly Rule['phase'][];
  /** The loader's findings: a `schema/syntax` finding means its file's content is missing. */
  loaderFindings: readonly Finding[];
  /** Whether metric exports and event logs were given: their families check nothing otherwise. */
  metrics?: boolean;
  observed?: boolean;
}

/**
 * Plans a run: the rules of the phases that are not `off`, minus the rules that judge the
 * whole inventory when an inventory file could not be parsed (an unread file would make them
 * report what it holds as missing: one syntax error, no cascade).
 */
export function planRun(rules: readonly Rule[], input: RunPlanInput): RunPlan {
  const unparsed = [
    ...new Set(
      input.loaderFindings.filter((f) => f.rule === 'schema/syntax').map((f) => f.location.file),
    ),
  ];
  const active = rules.filter(
    (rule) =>
      input.phases.includes(rule.phase) &&
      input.config.rules[rule.meta.id] !== 'off' &&
      (input.metrics === true || ruleFamily(rule.meta.id) !== 'metrics') &&
      (input.observed === true || ruleFamily(rule.meta.id) !== 'observed'),
  );
  const skipped =
    unparsed.length === 0
      ? []
      : active.filter((rule) => rule.meta.wholeInventory === true && rule.check !== undefined);
  const planned = active.filter((rule) => !skipped.includes(rule));
  return {
    rules: planned,
    families: [...new Set(planned.map((rule) => ruleFamily(rule.meta.id)))],
    unparsed,
    skipped: skipped.map((rule) => rule.meta.id),
  };
}
