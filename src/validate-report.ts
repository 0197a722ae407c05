import type { Config } from './config/config.js';
import { defaultConfig } from './config/config.js';
import { loadInventory } from './inventory/load-inventory.js';
import type { AuditReport } from './report.js';
import { baseReport, checkedOf } from './report-summary.js';
import { todayIso } from './shared/today.js';
import { validationRun } from './validate.js';

export interface ValidateReportOptions {
  inventory: readonly string[];
  config?: Config;
  cwd?: string;
  asOf?: string;
  readStdin?: () => Promise<string>;
  /** Largest inventory file read, in bytes (default 64 MiB). */
  maxInputBytes?: number;
}

/** `touchpoint validate` as a library call: load, check structure and references, report. */
export async function validateReport(options: ValidateReportOptions): Promise<AuditReport> {
  const config = options.config ?? defaultConfig();
  const loaded = await loadInventory(options.inventory, {
    ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
    ...(options.readStdin ? { readStdin: options.readStdin } : {}),
    ...(options.maxInputBytes !== undefined ? { maxInputBytes: options.maxInputBytes } : {}),
  });
  const asOf = options.asOf ?? todayIso();
  const { findings, plan } = validationRun(loaded, { config, asOf });
  return baseReport('validate', loaded.inventory, config, findings, {
    asOf,
    checked: checkedOf(plan, false),
  });
}
