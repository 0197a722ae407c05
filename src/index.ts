/**
 * touchpoint-audit's library API: the same audit the CLI runs, callable from a script or a
 * test without spawning a process.
 */
import type { Config } from './config/config.js';
import {
  loadConfig as loadConfigFile,
  parseConfigText as parseConfigFileText,
} from './config/load-config.js';
import { FindingsError } from './errors.js';
import {
  loadInventory as loadInventoryFiles,
  parseInventoryTexts as parseInventoryFileTexts,
} from './inventory/load-inventory.js';
import type { LoadedInventory } from './inventory/load-inventory.js';
import { renderFindingsError, renderLoaderFindings } from './rules/loader-findings.js';
export { audit, auditLoaded, withBaseline } from './audit.js';
export type { AuditInput, AuditOptions } from './audit.js';
export { BUILTIN_CHANNELS, defaultConfig } from './config/config.js';
export type { Config, MetricSource, RuleSetting, Waiver } from './config/config.js';
export { findConfigFile } from './config/load-config.js';
export { FindingsError, InputError, TouchpointError, UsageError } from './errors.js';
export { EngineError, EventFilesError } from './events/errors.js';
export type { EngineProblem, EventFilesProblem } from './events/errors.js';
export { evaluateGate, gateFailureText } from './gate.js';
export type { FailOn, GateFailure, GateOptions, GateResult } from './gate.js';
export type { InventoryText, LoadedInventory, LoadOptions } from './inventory/load-inventory.js';
export { parseDuration } from './inventory/duration.js';
export { readMetrics } from './metrics/read-metrics.js';
export type { ReadMetricsOptions } from './metrics/read-metrics.js';
export type { MetricsResult, MetricValue } from './metrics/types.js';
export { REPORT_VERSION } from './report.js';
export type { AuditReport, GroupScore, Scores, TouchpointScore } from './report.js';
export { FORMAT_NAMES, loadReporter } from './reporters/index.js';
export type { FormatName } from './reporters/index.js';
export type {
  ChunkedReporter,
  ReportChunks,
  Reporter,
  ReporterContext,
} from './reporters/types.js';
export { renderJson, renderJsonChunks } from './reporters/json.js';
export { renderTable } from './reporters/table.js';
export { csvReporter as renderCsv } from './reporters/csv.js';
export { markdownReporter as renderMarkdown } from './reporters/markdown.js';
export { htmlReporter as renderHtml } from './reporters/html.js';
export {
  sarifReporter as renderSarif,
  sarifChunks as renderSarifChunks,
} from './reporters/sarif.js';
export { junitReporter as renderJunit } from './reporters/junit.js';
export { githubReporter as renderGithub, renderGithubSummary } from './reporters/github.js';
export { RULE_CATALOGUE, RULES } from './rules/index.js';
export { findingMessageIn, reporterLocale } from './rules/translate-finding.js';
export { createLocale, ENGLISH } from './i18n/locale.js';
export type { FindingMessage, Locale } from './i18n/locale.js';
export { LANGS, langFromEnv } from './i18n/lang.js';
export type { Lang } from './i18n/lang.js';
export type { Rule, RuleContext } from './rules/rule.js';
export { scoreAudit as score } from './scoring/score-audit.js';
export { expandTimeline } from './timeline/expand.js';
export { validateInventory } from './validate.js';
export { validateReport } from './validate-report.js';
export type * from './types.js';

// The loaders leave their findings' messages to the rule catalogue, which they may not import:
// the library's versions hand them over worded.

/** Reads and validates a config file (see `loadConfig` in src/config/load-config.ts). */
export async function loadConfig(...args: Parameters<typeof loadConfigFile>): Promise<Config> {
  try {
    return await loadConfigFile(...args);
  } catch (error) {
    throw error instanceof FindingsError ? renderFindingsError(error) : error;
  }
}

/** Parses config text; an invalid config throws a `FindingsError` with its messages worded. */
export function parseConfigText(...args: Parameters<typeof parseConfigFileText>): Config {
  try {
    return parseConfigFileText(...args);
  } catch (error) {
    throw error instanceof FindingsError ? renderFindingsError(error) : error;
  }
}

/** Loads inventory files, directories or globs into one inventory, its findings worded. */
export async function loadInventory(
  ...args: Parameters<typeof loadInventoryFiles>
): Promise<LoadedInventory> {
  const loaded = await loadInventoryFiles(...args);
  return { ...loaded, findings: renderLoaderFindings(loaded.findings) };
}

/** Parses, validates and merges inventory texts already in memory, their findings worded. */
export function parseInventoryTexts(
  ...args: Parameters<typeof parseInventoryFileTexts>
): LoadedInventory {
  const loaded = parseInventoryFileTexts(...args);
  return { ...loaded, findings: renderLoaderFindings(loaded.findings) };
}
