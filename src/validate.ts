import { defaultConfig } from './config/config.js';
import type { Config } from './config/config.js';
import type { LoadedInventory } from './inventory/load-inventory.js';
import { applyPolicy, runRules } from './rules/engine.js';
import { renderLoaderFindings } from './rules/loader-findings.js';
import { planRun } from './rules/run-plan.js';
import type { RunPlan } from './rules/run-plan.js';
import { VALIDATE_RULES } from './rules/validate-rules.js';
import { todayIso } from './shared/today.js';
import type { Finding } from './types.js';

export interface ValidateOptions {
  config?: Config;
  /** ISO date waivers expire against; default today (UTC). */
  asOf?: string;
}

/**
 * Structure and reference checks of a loaded inventory: the loader's schema findings plus
 * every `validate`-phase rule, with the config's severities and waivers applied, sorted.
 */
export function validateInventory(
  loaded: LoadedInventory,
  options: ValidateOptions = {},
): Finding[] {
  return validationRun(loaded, options).findings;
}

/** `validateInventory` with the plan it ran: the families checked and what was skipped. */
export function validationRun(
  loaded: LoadedInventory,
  options: ValidateOptions = {},
): { findings: Finding[]; plan: RunPlan } {
  const config = options.config ?? defaultConfig();
  const asOf = options.asOf ?? todayIso();
  const plan = planRun(VALIDATE_RULES, {
    config,
    phases: ['validate'],
    loaderFindings: loaded.findings,
  });
  const ruleFindings = runRules(plan.rules, { inventory: loaded.inventory, config, asOf }, [
    'validate',
  ]);
  const findings = applyPolicy([...renderLoaderFindings(loaded.findings), ...ruleFindings], {
    config,
    asOf,
  });
  return { findings, plan };
}
