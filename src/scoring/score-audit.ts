import type { Config } from '../config/config.js';
import type { MetricsResult, MetricValue } from '../metrics/types.js';
import type { Grade, GroupScore, Scores, TouchpointScore } from '../report.js';
import { compareText } from '../shared/compare-text.js';
import { ALL_SEGMENTS } from '../shared/segments.js';
import type { Timeline } from '../timeline/types.js';
import type { Finding, Inventory, Touchpoint } from '../types.js';
import { stagesInScope } from '../inventory/journeys.js';
import { gradeFor, roundScore } from './grade.js';
import { scoreTouchpoint } from './score-touchpoint.js';
import type { ScoredTouchpoint, ScoreTouchpointInput } from './score-touchpoint.js';

import { NO_CHANNEL, NO_STAGE, UNKNOWN_CHANNEL, UNKNOWN_STAGE, UNOWNED } from '../report.js';
import { isKnownChannel } from './documentation.js';

export { NO_CHANNEL, NO_STAGE, UNKNOWN_CHANNEL, UNKNOWN_STAGE, UNOWNED };

export interface ScoreAuditInput {
  inventory: Inventory;
  config: Config;
  metrics?: MetricsResult;
  /** Findings after waivers: the open ones cost points, the waived ones are explained. */
  findings: readonly Finding[];
  /** Accepted for symmetry with the rules; scores read overlaps from the findings. */
  timeline?: Timeline;
  /** Date evidence freshness is measured against; defaults to the metrics' `asOf`. */
  asOf?: string;
}

export interface AuditScores {
  scores: Scores;
  /** Inventory score 0–100: the weighted mean of the stage scores. */
  score: number;
  grade: Grade;
  /** More than half of the touchpoints' scores are provisional. */
  provisional: boolean;
  /** Percent of touchpoints with every required field present and meaningful. */
  documentationCoverage: number;
  /** Percent of touchpoints with usable rows inside the period. */
  dataCoverage: number;
  /** Each touchpoint's score with its coverage facts, by id (what a re-score starts from). */
  byTouchpoint: ReadonlyMap<string, ScoredTouchpoint>;
}

/**
 * Scores every touchpoint, groups them by stage, owner, channel and segment, and rolls the
 * stage scores up into the inventory score (DESIGN §5). Pure and deterministic: touchpoints and
 * groups are ordered by id, stages in journey order.
 */
export function scoreAudit(input: ScoreAuditInput): AuditScores {
  const { inventory, config } = input;

  const findingsById = findingsByNamedId(input.findings.filter((f) => !f.waived));
  const waivedById = findingsByNamedId(input.findings.filter((f) => f.waived));
  const score1 = touchpointScorer(input);
  const scored = inventory.touchpoints
    .map((touchpoint) =>
      score1(
        touchpoint,
        findingsById.get(touchpoint.id) ?? [],
        waivedById.get(touchpoint.id) ?? [],
      ),
    )
    .sort((a, b) => compareText(a.score.id, b.score.id));
  const touchpoints = scored.map((s) => s.score);
  const grades = config.scoring.grades;
  const byTouchpoint = new Map(scored.map((s) => [s.score.id, s]));
  const group = (id: string, members: readonly TouchpointScore[]): GroupScore =>
    groupScore(id, members, config, byTouchpoint);

  // Stages: every journey stage in journey order (empty ones score 0), then the touchpoints
  // with no stage or one the journey does not have. A typo never becomes a stage of its own.
  const journeyStages = [...new Set(inventory.journey.stages)];
  const byStage = groupBy(touchpoints, (t) => [stageGroup(t.stage, journeyStages)]);
  // A stage outside `scope:` is listed only when it holds touchpoints; it never counts below.
  const scoredStages = stagesInScope(inventory);
  const stages = [
    ...journeyStages.filter((id) => scoredStages.includes(id) || byStage.has(id)),
    ...[NO_STAGE, UNKNOWN_STAGE].filter((id) => byStage.has(id)),
  ].map((id) => group(id, byStage.get(id) ?? []));

  const unowned = new Set(scored.filter((s) => s.unowned).map((s) => s.score.id));
  const owners = groupScores(
    groupBy(touchpoints, (t) => [unowned.has(t.id) ? UNOWNED : (t.owner ?? UNOWNED)]),
    group,
  );
  const channels = groupScores(
    groupBy(touchpoints, (t) => [channelGroup(t.channel, config)]),
    group,
  );
  const segments = groupScores(
    groupBy(touchpoints, (t) => t.segments.filter((s) => s !== ALL_SEGMENTS)),
    group,
  );

  const score = inventoryScore(stages, scoredStages, config);

  const sequences = groupScores(
    groupBy(touchpoints, (t) => (t.sequence === undefined ? [] : [t.sequence])),
    group,
  ).map((score) => ({ ...score, steps: sequenceSteps(inventory, score.id) }));

  return {
    scores: {
      touchpoints,
      stages,
      owners,
      channels,
      segments,
      ...(sequences.length > 0 ? { sequences } : {}),
    },
    score,
    grade: gradeFor(score, grades),
    provisional: isProvisional(touchpoints),
    documentationCoverage: percentOf(scored, (s) => s.documented) ?? 0,
    dataCoverage: percentOf(scored, (s) => s.hasData) ?? 0,
    byTouchpoint,
  };
}

/**
 * Every finding by each touchpoint id it names (as `touchpoint` or in `related`), each once per
 * id, in the order given.
 */
export function findingsByNamedId(findings: Iterable<Finding>): Map<string, Finding[]> {
  const byId = new Map<string, Finding[]>();
  for (const finding of findings) {
    const ids = new Set([finding.touchpoint, ...(finding.related ?? [])]);
    for (const id of ids) {
      if (id === undefined) continue;
      const list = byId.get(id);
      if (list) list.push(finding);
      else byId.set(id, [finding]);
    }
  }
  return byId;
}

/**
 * Scores one touchpoint of the audit from the findings naming it, open and waived: the metric
 * values and the date are looked up once for every touchpoint scored.
 */
export function touchpointScorer(
  input: ScoreAuditInput,
): (
  touchpoint: Touchpoint,
  open: readonly Finding[],
  waived: readonly Finding[],
) => ScoredTouchpoint;
export function touchpointScorer<T>(
  input: ScoreAuditInput,
  score: (input: ScoreTouchpointInput) => T,
): (touchpoint: Touchpoint, open: readonly Finding[], waived: readonly Finding[]) => T;
export function touchpointScorer(
  input: ScoreAuditInput,
  score: (input: ScoreTouchpointInput) => unknown = scoreTouchpoint,
): (touchpoint: Touchpoint, open: readonly Finding[], waived: readonly Finding[]) => unknown {
  const { inventory, config, metrics } = input;
  const valuesById = new Map<string, MetricValue[]>();
  for (const value of metrics?.values.values() ?? []) {
    const list = valuesById.get(value.touchpoint);
    if (list) list.push(value);
    else valuesById.set(value.touchpoint, [value]);
  }
  const asOf = input.asOf ?? metrics?.asOf;
  return (touchpoint, open, waived) =>
    score({
      touchpoint,
      inventory,
      config,
      ...(metrics ? { metrics } : {}),
      ...(asOf === undefined ? {} : { asOf }),
      findings: open,
      waived,
      values: valuesById.get(touchpoint.id) ?? [],
    });
}

/**
 * The inventory score: the weighted mean of the scores of the journey's stages in scope (a
 * stage outside `scope:` counts nothing; a weight that is not a positive number counts 0).
 */
export function inventoryScore(
  stages: readonly Pick<GroupScore, 'id' | 'score'>[],
  scoredStages: readonly string[],
  config: Config,
): number {
  let weighted = 0;
  let weights = 0;
  for (const stage of stages) {
    if (!scoredStages.includes(stage.id)) continue;
    const raw = Object.hasOwn(config.scoring.stages, stage.id)
      ? config.scoring.stages[stage.id]
      : 1;
    const weight = raw !== undefined && Number.isFinite(raw) && raw > 0 ? raw : 0;
    weighted += weight * stage.score;
    weights += weight;
  }
  return weights > 0 ? roundScore(weighted / weights) : 0;
}

/**
 * The mean of touchpoint scores given as their sum in tenths of a point, rounded to 0.1; none
 * score 0. Summed in whole tenths, the mean is exact whatever order the scores are added in.
 */
export function meanScore(tenths: number, count: number): number {
  return count > 0 ? Math.round(tenths / count + 1e-9) / 10 : 0;
}

/** A touchpoint score (0.1 precision) in whole tenths of a point. */
export function scoreTenths(score: number): number {
  return Math.round(score * 10);
}

/**
 * The steps of a sequence in time order: by the lifecycle day of each step's first touch
 * (anchor day + `at`), steps that have none last, then by id.
 */
function sequenceSteps(inventory: Inventory, sequence: string): string[] {
  const dayOf = (t: Touchpoint): number => {
    const timing = t.timing;
    if (timing?.kind !== 'scheduled' || !Object.hasOwn(inventory.lifecycle, timing.anchor))
      return Infinity;
    const day = (inventory.lifecycle[timing.anchor] ?? Number.NaN) + timing.at;
    return Number.isFinite(day) ? day : Infinity;
  };
  return inventory.touchpoints
    .filter((t) => t.sequence === sequence)
    .map((t) => ({ id: t.id, day: dayOf(t) }))
    .sort((a, b) => (a.day === b.day ? 0 : a.day < b.day ? -1 : 1) || compareText(a.id, b.id))
    .map((step) => step.id);
}

function groupBy(
  touchpoints: readonly TouchpointScore[],
  keys: (t: TouchpointScore) => string[],
): Map<string, TouchpointScore[]> {
  const groups = new Map<string, TouchpointScore[]>();
  for (const touchpoint of touchpoints) {
    for (const key of new Set(keys(touchpoint))) {
      const list = groups.get(key);
      if (list) list.push(touchpoint);
      else groups.set(key, [touchpoint]);
    }
  }
  return groups;
}

function groupScores(
  groups: Map<string, TouchpointScore[]>,
  group: (id: string, members: readonly TouchpointScore[]) => GroupScore,
): GroupScore[] {
  return [...groups.keys()].sort(compareText).map((id) => group(id, groups.get(id) ?? []));
}

/** Percent (0.1) of the items that pass; null for none. */
function percentOf<T>(items: readonly T[], pass: (item: T) => boolean): number | null {
  return items.length > 0 ? roundScore((100 * items.filter(pass).length) / items.length) : null;
}

/** The group of a touchpoint's stage: the stage, or `(no stage)` / `(unknown stage)`. */
export function stageGroup(stage: string | undefined, journey: readonly string[]): string {
  if (stage === undefined || stage.trim() === '') return NO_STAGE;
  return journey.includes(stage) ? stage : UNKNOWN_STAGE;
}

/** The group of a touchpoint's channel: the channel, or `(no channel)` / `(unknown channel)`. */
export function channelGroup(channel: string | undefined, config: Config): string {
  if (channel === undefined || channel.trim() === '') return NO_CHANNEL;
  return isKnownChannel(channel, config) ? channel : UNKNOWN_CHANNEL;
}

/** More than half of the scores are provisional. */
function isProvisional(members: readonly TouchpointScore[]): boolean {
  return members.filter((t) => t.provisional).length * 2 > members.length;
}

/** The mean of the (rounded) touchpoint scores; an empty group scores 0. */
function groupScore(
  id: string,
  members: readonly TouchpointScore[],
  config: Config,
  facts: ReadonlyMap<string, ScoredTouchpoint>,
): GroupScore {
  const score = meanScore(
    members.reduce((sum, t) => sum + scoreTenths(t.score), 0),
    members.length,
  );
  const fact = (t: TouchpointScore) => facts.get(t.id);
  return {
    id,
    score,
    grade: gradeFor(score, config.scoring.grades),
    touchpoints: members.length,
    provisional: isProvisional(members),
    documentationCoverage: percentOf(members, (t) => fact(t)?.documented === true),
    dataCoverage: percentOf(members, (t) => fact(t)?.hasData === true),
  };
}
