import path from 'node:path';
import { defaultConfig } from './config/config.js';
import type { Config } from './config/config.js';
import { EVENT_FILES, expandInputs, METRIC_FILES } from './fs/expand-inputs.js';
import { loadInventory } from './inventory/load-inventory.js';
import type { LoadedInventory } from './inventory/load-inventory.js';
import { formatDay } from './metrics/parse-date.js';
import { metricPeriodOrThrow } from './metrics/period.js';
import { readMetrics } from './metrics/read-metrics.js';
import type { MetricsResult } from './metrics/types.js';
import type { AuditReport } from './report.js';
import {
  baseReport,
  checkedOf,
  countByFamily,
  countFamilies,
  countFindings,
} from './report-summary.js';
import { applyPolicy, runRules } from './rules/engine.js';
import { suggestMoves } from './rules/suggest-moves.js';
import { RULES } from './rules/index.js';
import { renderLoaderFindings } from './rules/loader-findings.js';
import { planRun } from './rules/run-plan.js';
import { rankActions } from './scoring/rank-actions.js';
import { scoreAudit } from './scoring/score-audit.js';
import {
  expandTimeline,
  CALENDAR_SEARCH_BUDGET,
  MAX_OCCURRENCES_PER_TOUCHPOINT,
  MAX_RECURRENCES_TOTAL,
} from './timeline/expand.js';
import type { Timeline } from './timeline/types.js';
import type { Inventory } from './types.js';
import type { Finding } from './types.js';
import { todayIso } from './shared/today.js';
import { applyBaseline } from './baseline/index.js';
import type { BaselineFile } from './baseline/index.js';
import type { EventsReading, ObservedInput } from './events/read.js';
import type { EventEngine } from './events/types.js';
import { observedReport } from './events/observed-report.js';

export interface AuditOptions {
  /** Inventory files, directories or globs (`-` for stdin). */
  inventory: readonly string[];
  /** Metric exports: files, directories or globs. */
  metrics?: readonly string[];
  config?: Config;
  cwd?: string;
  /**
   * The date the audit is evaluated at (YYYY-MM-DD): the end of the metric period, the date
   * stale data and waiver expiry are judged against. Default: today (UTC); the CLI passes the
   * local date, `asOf:` of the config or `SOURCE_DATE_EPOCH`.
   */
  asOf?: string;
  since?: string;
  readStdin?: () => Promise<string>;
  /** Largest inventory file read, in bytes (default 64 MiB). */
  maxInputBytes?: number;
  command?: 'audit' | 'scorecard';
  /** Per-account event logs (`--events`): files, directories or globs. */
  events?: readonly string[];
  /** The accounts file for `events` (`--accounts`); default: `events.accounts` in the config. */
  accounts?: string;
  engine?: EventEngine;
  /** Called as each pipeline stage starts, for progress display. */
  onProgress?: (stage: AuditStage) => void;
}

/** The pipeline's stages, as `onProgress` names them. */
export type AuditStage =
  'loading the inventory' | 'reading metric exports' | 'reading event logs' | 'analysing';

/** A loaded inventory plus its metrics: what `auditLoaded` needs. */
export interface AuditInput {
  loaded: LoadedInventory;
  metrics?: MetricsResult;
  config: Config;
  /** The date the audit is evaluated at (YYYY-MM-DD); default today. */
  asOf?: string;
  /** First day of the metric period; default `config.period` days up to `asOf`. */
  since?: string;
  command?: 'audit' | 'scorecard';
  /** What accounts actually received, from `readEvents`. */
  observed?: ObservedInput;
}

/**
 * The whole pipeline: load → validate → metrics → timeline → rules → score → report.
 * Problems in the user's files are findings in the report; a missing file throws InputError.
 */
export async function audit(options: AuditOptions): Promise<AuditReport> {
  const config = options.config ?? defaultConfig();
  // Relative paths open against the working directory; `cwd` names another one.
  const here = path.resolve();
  const cwd = options.cwd ?? here;
  // The as-of date is today unless the caller says otherwise; the period is fixed before any
  // row is read, so a row dated in the future never moves it (DESIGN §3).
  const asOf = options.asOf ?? todayIso();
  // Event logs are opened first: with --engine duckdb, DuckDB reads them on its own threads while
  // the inventory and metrics are read here. Their errors are thrown where they are read, below.
  const events =
    options.events && options.events.length > 0
      ? openEventLogs(options.events, cwd, here, { config, asOf, options })
      : undefined;
  events?.catch(() => undefined);
  try {
    return await auditWith(options, { config, cwd, here, asOf, events });
  } finally {
    // Closed unless read (an inventory that fails, say); reading closes it itself.
    await (await events?.catch(() => undefined))?.close();
  }
}

/** The event logs of `audit`, expanded and opened. */
async function openEventLogs(
  patterns: readonly string[],
  cwd: string,
  here: string,
  { config, asOf, options }: { config: Config; asOf: string; options: AuditOptions },
): Promise<EventsReading> {
  const files = await expandInputs(patterns, { cwd, ...EVENT_FILES });
  const resolved = cwd === here ? files : files.map((file) => path.resolve(cwd, file));
  const { openEvents } = await import('./events/read.js');
  return openEvents(resolved, {
    config,
    ...(options.engine !== undefined ? { engine: options.engine } : {}),
    ...(options.accounts !== undefined
      ? {
          accounts: cwd === here ? options.accounts : path.resolve(cwd, options.accounts),
        }
      : {}),
    ...(options.since !== undefined ? { since: options.since } : {}),
    asOf,
  });
}

async function auditWith(
  options: AuditOptions,
  {
    config,
    cwd,
    here,
    asOf,
    events,
  }: {
    config: Config;
    cwd: string;
    here: string;
    asOf: string;
    events: Promise<EventsReading> | undefined;
  },
): Promise<AuditReport> {
  options.onProgress?.('loading the inventory');
  const loaded = await loadInventory(options.inventory, {
    cwd,
    ...(options.readStdin ? { readStdin: options.readStdin } : {}),
    ...(options.maxInputBytes !== undefined ? { maxInputBytes: options.maxInputBytes } : {}),
  });
  const period = metricPeriodOrThrow({ days: config.period, since: options.since, asOf });
  let metrics: MetricsResult | undefined;
  if (options.metrics && options.metrics.length > 0) {
    options.onProgress?.('reading metric exports');
    const files = await expandInputs(options.metrics, { cwd, ...METRIC_FILES });
    // readMetrics opens paths as given; resolve them only when cwd is not the process's own,
    // so reports keep the relative paths the user typed.
    const resolved = cwd === here ? files : files.map((file) => path.resolve(cwd, file));
    metrics = await readMetrics(resolved, {
      config,
      inventory: loaded.inventory,
      period,
    });
  }
  let observed: ObservedInput | undefined;
  if (events !== undefined) {
    options.onProgress?.('reading event logs');
    observed = await (await events).read(loaded.inventory);
  }
  options.onProgress?.('analysing');
  const input: AuditInput = { loaded, config, command: options.command ?? 'audit', asOf };
  if (observed) input.observed = observed;
  if (metrics) input.metrics = metrics;
  if (options.since !== undefined) input.since = options.since;
  return auditLoaded(input);
}

/** The analysis and scoring half of `audit`, for an inventory and metrics already in memory. */
export function auditLoaded(input: AuditInput): AuditReport {
  const { loaded, metrics, config } = input;
  const { inventory } = loaded;
  const asOf = input.asOf ?? todayIso();
  const period = metricPeriodOrThrow({ days: config.period, since: input.since, asOf });
  const timeline = expandTimeline(inventory, config);
  const plan = planRun(RULES, {
    config,
    phases: ['validate', 'audit'],
    loaderFindings: loaded.findings,
    metrics: metrics !== undefined,
    observed: input.observed !== undefined,
  });
  // An inventory file that did not parse leaves the inventory partial: no score is computed
  // from what was read (it would grade what is missing), and the report says so once.
  const partial = plan.unparsed.length > 0;
  const ruleInput = {
    inventory,
    config,
    timeline,
    asOf,
    ...(metrics ? { metrics } : {}),
    ...(input.observed ? { observed: input.observed } : {}),
  };
  // Collisions and density breaches each propose the smallest move that clears them.
  const ruleFindings = suggestMoves(
    runRules(plan.rules, ruleInput, ['validate', 'audit']),
    plan.rules,
    ruleInput,
  );
  const findings = applyPolicy(
    [
      ...renderLoaderFindings([...loaded.findings, ...truncationFindings(inventory, timeline)]),
      ...ruleFindings,
    ],
    {
      config,
      asOf,
    },
  );
  const since = period.since ?? (period.asOf ?? 0) - period.days + 1;
  const report = baseReport(input.command ?? 'audit', inventory, config, findings, {
    asOf,
    period: { since: formatDay(since), asOf, days: (period.asOf ?? since) - since + 1 },
    checked: checkedOf(plan, true),
  });
  if (!partial) {
    const scoreInput = {
      inventory,
      config,
      findings,
      timeline,
      asOf,
      ...(metrics ? { metrics } : {}),
    };
    const scored = scoreAudit(scoreInput);
    const ranked = rankActions(scoreInput, scored);
    report.summary.score = scored.score;
    report.summary.grade = scored.grade;
    report.summary.provisional = scored.provisional;
    report.summary.documentationCoverage = scored.documentationCoverage;
    report.summary.dataCoverage = scored.dataCoverage;
    report.scores = scored.scores;
    report.actions = ranked.actions;
    report.actionsByOwner = ranked.byOwner;
  }

  if (metrics) {
    report.metrics = { files: metrics.descriptions, rows: metrics.stats.rows };
    if (metrics.since !== undefined) report.metrics.since = metrics.since;
    if (metrics.asOf !== undefined) report.metrics.asOf = metrics.asOf;
  }
  if (input.observed) report.observed = observedReport(input.observed, timeline);
  report.timeline = {
    horizon: timeline.horizon,
    segments: [...timeline.segments.entries()].map(([id, occurrences]) => ({
      id,
      occurrences: occurrences.map((o) => ({ touchpoint: o.touchpoint, day: o.day })),
    })),
  };
  return report;
}

/**
 * One finding per touchpoint whose recurrence the timeline cut at its limits, and one per
 * calendar touch placed without its alignment search (the search's budget spent).
 */
function truncationFindings(inventory: Inventory, timeline: Timeline): Finding[] {
  const cut = new Set(timeline.truncated ?? []);
  const unaligned = new Set(timeline.unaligned ?? []);
  const placedFromDayZero = inventory.touchpoints
    .filter((touchpoint) => unaligned.has(touchpoint.id) && !cut.has(touchpoint.id))
    .map((touchpoint): Finding => ({
      rule: 'schema/invalid',
      severity: 'warning',
      messageId: 'calendarUnaligned',
      data: { touchpoint: touchpoint.id, budget: CALENDAR_SEARCH_BUDGET },
      message: '',
      touchpoint: touchpoint.id,
      field: 'timing',
      location: touchpoint.fields.timing ?? touchpoint.location,
    }));
  const cutShort = inventory.touchpoints
    .filter((touchpoint) => cut.has(touchpoint.id))
    .map((touchpoint) => {
      return {
        rule: 'schema/invalid',
        severity: 'error' as const,
        messageId: 'truncated',
        data: {
          touchpoint: touchpoint.id,
          perTouchpoint: MAX_OCCURRENCES_PER_TOUCHPOINT,
          total: MAX_RECURRENCES_TOTAL,
        },
        message: '',
        touchpoint: touchpoint.id,
        field: 'timing.every',
        location: touchpoint.fields['timing.every'] ?? touchpoint.location,
      };
    });
  return [...cutShort, ...placedFromDayZero];
}

/**
 * Marks the findings a baseline already knows (they stop counting toward the gate) and
 * lists the baseline entries that no longer occur.
 */
export function withBaseline(
  report: AuditReport,
  baseline: BaselineFile,
  file: string,
): AuditReport {
  const applied = applyBaseline(report.findings, baseline);
  const findings: Finding[] = applied.findings;
  return {
    ...report,
    findings,
    summary: {
      ...report.summary,
      findings: countFindings(findings),
      byFamily: countByFamily(findings),
      families: countFamilies(findings),
    },
    baseline: { file, stale: applied.stale },
  };
}
