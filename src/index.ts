/**
 * touchpoint-audit's library API: the same audit the CLI runs, callable from a script or a
 * test without spawning a process.
 */
export { audit, auditLoaded, withBaseline } from './audit.js';
export type { AuditInput, AuditOptions } from './audit.js';
export { BUILTIN_CHANNELS, defaultConfig } from './config/config.js';
export type { Config, MetricSource, RuleSetting, Waiver } from './config/config.js';
export { findConfigFile, loadConfig, parseConfigText } from './config/load-config.js';
export { InputError, TouchpointError, UsageError } from './errors.js';
export { EngineError, EventFilesError } from './events/errors.js';
export type { EngineProblem, EventFilesProblem } from './events/errors.js';
export { evaluateGate } from './gate.js';
export type { FailOn, GateOptions, GateResult } from './gate.js';
export { loadInventory, parseInventoryTexts } from './inventory/load-inventory.js';
export type { InventoryText, LoadedInventory, LoadOptions } from './inventory/load-inventory.js';
export { parseDuration } from './inventory/duration.js';
export { readMetrics } from './metrics/read-metrics.js';
export type { ReadMetricsOptions } from './metrics/read-metrics.js';
export type { MetricsResult, MetricValue } from './metrics/types.js';
export { REPORT_VERSION } from './report.js';
export type { AuditReport, GroupScore, Scores, TouchpointScore } from './report.js';
export { FORMAT_NAMES, loadReporter } from './reporters/index.js';
export type { FormatName } from './reporters/index.js';
export type { Reporter, ReporterContext } from './reporters/types.js';
export { renderJson } from './reporters/json.js';
export { renderTable } from './reporters/table.js';
export { csvReporter as renderCsv } from './reporters/csv.js';
export { markdownReporter as renderMarkdown } from './reporters/markdown.js';
export { htmlReporter as renderHtml } from './reporters/html.js';
export { sarifReporter as renderSarif } from './reporters/sarif.js';
export { junitReporter as renderJunit } from './reporters/junit.js';
export { githubReporter as renderGithub, renderGithubSummary } from './reporters/github.js';
export { RULE_CATALOGUE, RULES } from './rules/index.js';
export type { Rule, RuleContext } from './rules/rule.js';
export { scoreAudit as score } from './scoring/score-audit.js';
export { expandTimeline } from './timeline/expand.js';
export { validateInventory } from './validate.js';
export { validateReport } from './validate-report.js';
export type * from './types.js';
