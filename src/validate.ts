import { defaultConfig } from './config/config.js';
import type { Config } from './config/config.js';
import type { LoadedInventory } from './inventory/load-inventory.js';
import { applyPolicy, runRules } from './rules/engine.js';
import { VALIDATE_RULES } from './rules/validate-rules.js';
import type { Finding } from './types.js';

export interface ValidateOptions {
  config?: Config;
  /** ISO date waivers expire against; default today (UTC). */
  asOf?: string;
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Structure and reference checks of a loaded inventory: the loader's schema findings plus
 * every `validate`-phase rule, with the config's severities and waivers applied, sorted.
 */
export function validateInventory(
  loaded: LoadedInventory,
  options: ValidateOptions = {},
): Finding[] {
  const config = options.config ?? defaultConfig();
  const asOf = options.asOf ?? todayIso();
  const ruleFindings = runRules(VALIDATE_RULES, { inventory: loaded.inventory, config, asOf }, [
    'validate',
  ]);
  return applyPolicy([...loaded.findings, ...ruleFindings], {
    config,
    asOf,
  });
}
