import type { Config } from '../config/config.js';
import {
  exactNumber,
  formatAttainment,
  formatTarget,
  formatValue,
} from '../shared/format-value.js';
import { judgeTargets, meanAttainment, type TargetJudgement } from '../metrics/judge-targets.js';
import { explainedAsStale, lookupMetric } from '../metrics/lookup-metric.js';
import { unusedCount, type MetricsResult, type MetricValue } from '../metrics/types.js';
import { RULE_CATALOGUE } from '../rules/index.js';
import type {
  PillarPoints,
  Pillars,
  ScoreComponent,
  ScoreText,
  SegmentAttainment,
  TouchpointScore,
} from '../report.js';
import { ALL_SEGMENTS } from '../shared/segments.js';
import { touchpointSegments } from '../timeline/expand.js';
import {
  hasTarget,
  type Comparison,
  type Finding,
  type Inventory,
  type MetricSpec,
  type Touchpoint,
} from '../types.js';
import { apportion } from './apportion.js';
import { ownerStatus } from '../shared/owner-status.js';
import { documentationGaps } from './documentation.js';
import type { DocumentationGap } from './documentation.js';
import { gradeDCapTenths, gradeFor } from './grade.js';
import { englishScoreText, scoreText, type ScoreTextId } from './score-texts.js';

/**
 * Share of the hygiene pillar each finding naming the touchpoint costs, by rule: the rule's
 * `meta.hygiene`. Those findings also block maturity level L4.
 */
const HYGIENE_COST: ReadonlyMap<string, number> = new Map(
  RULE_CATALOGUE.flatMap((meta) => (meta.hygiene === undefined ? [] : [[meta.id, meta.hygiene]])),
);
const costsHygiene = (finding: Finding): boolean => HYGIENE_COST.has(finding.rule);
/** Evidence pillar values. */
export const EVIDENCE = { fresh: 1, stale: 0.5, none: 0 } as const;

export interface ScoreTouchpointInput {
  touchpoint: Touchpoint;
  inventory: Inventory;
  config: Config;
  metrics?: MetricsResult;
  /** Date freshness is measured against; without it, any dated row counts as fresh. */
  asOf?: string;
  /** Open (non-waived) findings naming the touchpoint (as `touchpoint` or in `related`). */
  findings: readonly Finding[];
  /** Waived findings naming the touchpoint: they cost nothing, and the explanation says so. */
  waived?: readonly Finding[];
  /** Every metric value of this touchpoint, for touchpoints that declare no metric. */
  values?: readonly MetricValue[];
}

export interface ScoredTouchpoint {
  score: TouchpointScore;
  /** Every required field present and meaningful (documentation coverage). */
  documented: boolean;
  /** The exports hold usable rows inside the period for the touchpoint (data coverage). */
  hasData: boolean;
  /** Missing or placeholder owner (the `(unowned)` group). */
  unowned: boolean;
}

interface Evidence {
  /** 0–1, or null when unknown (no exports were given). */
  value: number | null;
  /** Why it is not 1. */
  label?: ScoreText;
  /** What level L2 needs. */
  need?: ScoreText;
  metricValue?: MetricValue;
  /** The rule whose finding states the shortfall (a waiver of it makes it cost nothing). */
  rule?: string;
}

interface Deduction {
  /** Worded only when the score is explained. */
  label: () => ScoreText;
  /** Points lost, exact; 0 for a component that only explains. */
  points: number;
}

/** Short words for a cap, by the rule of the open error that causes it. */
const CAP_REASONS: Readonly<Record<string, ScoreTextId>> = {
  'ownerless/missing-owner': 'capNoOwner',
  'ownerless/placeholder-owner': 'capPlaceholderOwner',
  'ownerless/unknown-owner': 'capUnknownOwner',
  'schema/vague-purpose': 'capVaguePurpose',
  'schema/invalid': 'capInvalid',
  'schema/unknown-reference': 'capUnknownReference',
  'schema/unknown-key': 'capUnknownKey',
  'schema/duplicate-id': 'capDuplicateId',
};

function capReason(rule: string): ScoreText | undefined {
  const id = Object.hasOwn(CAP_REASONS, rule) ? CAP_REASONS[rule] : undefined;
  return id === undefined ? undefined : scoreText(id);
}

/**
 * A touchpoint's documentation gaps, found once per touchpoint, inventory and config: they read
 * nothing else, and the ranking of fixes scores a touchpoint again once per fix that names it.
 */
const gapsOf = new WeakMap<
  Touchpoint,
  { inventory: Inventory; config: Config; gaps: readonly DocumentationGap[] }
>();

function touchpointGaps(
  touchpoint: Touchpoint,
  inventory: Inventory,
  config: Config,
): readonly DocumentationGap[] {
  const known = gapsOf.get(touchpoint);
  if (known?.inventory === inventory && known.config === config) return known.gaps;
  const gaps = documentationGaps(touchpoint, inventory, config);
  gapsOf.set(touchpoint, { inventory, config, gaps });
  return gaps;
}

/** A label with the waiver that makes it cost nothing. */
function waivedLabel(label: ScoreText, finding: Finding): ScoreText {
  return scoreText('waived', { label, reason: finding.waived?.reason ?? '' });
}

/**
 * Scores one touchpoint: the weighted mean of its known pillars × 100, rounded to 0.1. A pillar
 * with no data is unknown: its weight goes to the others, and a score more than half unknown is
 * provisional. A missing, placeholder or unknown owner, or any open error naming the
 * touchpoint, caps it at the top of grade D. Waived findings cost nothing. Components start
 * from `base 100` and list every deduction in points, so they add up to the score exactly.
 */
export function scoreTouchpoint(input: ScoreTouchpointInput): ScoredTouchpoint {
  return scored(input, true);
}

/**
 * The score {@link scoreTouchpoint} gives, in tenths of a point, without its explanation: what
 * re-scoring a touchpoint with a fix applied needs, about a fifth of the work.
 */
export function touchpointTenths(input: ScoreTouchpointInput): number {
  return scored(input, false);
}

function scored(input: ScoreTouchpointInput, explain: true): ScoredTouchpoint;
function scored(input: ScoreTouchpointInput, explain: false): number;
function scored(input: ScoreTouchpointInput, explain: boolean): ScoredTouchpoint | number {
  const { touchpoint, inventory, config, findings } = input;
  const waived = input.waived ?? [];
  const weights = config.scoring.weights;
  const positive = (n: number): number => (Number.isFinite(n) && n > 0 ? n : 0);
  const waiverOf = (rule: string, field?: string): Finding | undefined =>
    waived.find(
      (f) =>
        f.rule === rule &&
        f.touchpoint === touchpoint.id &&
        (field === undefined ||
          f.field === undefined ||
          f.field === field ||
          f.field.startsWith(`${field}.`)),
    );

  // Documentation: a gap whose finding is waived costs nothing.
  const gaps = touchpointGaps(touchpoint, inventory, config);
  const gapWaivers = gaps.map((gap) => waiverOf(gap.rule, gap.field));
  const documentation =
    1 - gaps.reduce((sum, gap, i) => sum + (gapWaivers[i] ? 0 : gap.weight), 0) / 100;

  // Evidence: only usable rows inside the period.
  const evidence = evidenceOf(input);
  const evidenceWaiver = evidence.rule === undefined ? undefined : waiverOf(evidence.rule);
  const evidencePillar = evidenceWaiver ? EVIDENCE.fresh : evidence.value;

  // Performance: only for touchpoints with a value and a target; no data counts under evidence.
  // With per-segment targets every judged segment counts the same.
  const spec = touchpoint.metric;
  const value = evidence.metricValue?.value;
  const target = spec?.target;
  const judged = evidence.value === 0 ? [] : judgeTargets(spec, evidence.metricValue);
  const perSegment = judged.some((j) => j.segment !== undefined);
  const performanceScored = judged.length > 0;
  const attained = meanAttainment(judged) ?? 0;
  const allMet = performanceScored && judged.every((j) => j.met);
  const performanceWaiver =
    performanceScored && attained < 1 ? waiverOf('gap/below-target') : undefined;
  const performance = performanceWaiver ? 1 : attained;

  // Hygiene.
  const overlaps = findings.filter(costsHygiene);
  const waivedOverlaps = waived.filter(costsHygiene);
  const hygiene = Math.max(
    0,
    1 - overlaps.reduce((sum, f) => sum + (HYGIENE_COST.get(f.rule) ?? 0), 0),
  );

  const configured = {
    documentation: positive(weights.documentation),
    evidence: positive(weights.evidence),
    performance: positive(weights.performance),
    hygiene: positive(weights.hygiene),
  };
  const pillarWeights = {
    ...configured,
    evidence: evidencePillar === null ? 0 : configured.evidence,
    performance: performanceScored ? configured.performance : 0,
  };
  const sum = (w: typeof configured): number =>
    w.documentation + w.evidence + w.performance + w.hygiene;
  const total = sum(pillarWeights);
  // More than half of the configured weight unknown: the score is provisional.
  const provisional = total < sum(configured) / 2;
  const share = (pillar: keyof typeof pillarWeights): number =>
    total > 0 ? (100 * pillarWeights[pillar]) / total : 0;

  const deductions: Deduction[] = [];
  gaps.forEach((gap, i) => {
    const waiver = gapWaivers[i];
    const label = () => scoreText('documentation', { gap: gap.label });
    deductions.push(
      waiver
        ? { label: () => waivedLabel(label(), waiver), points: 0 }
        : { label, points: (share('documentation') * gap.weight) / 100 },
    );
  });
  if (evidence.value === null) {
    deductions.push({
      label: () => scoreText('evidenceUnknown', { why: evidence.label ?? scoreText('noData') }),
      points: 0,
    });
  } else if (evidence.label !== undefined) {
    const why = evidence.label;
    const label = () => scoreText('evidence', { why });
    deductions.push(
      evidenceWaiver
        ? { label: () => waivedLabel(label(), evidenceWaiver), points: 0 }
        : { label, points: share('evidence') * (1 - evidence.value) },
    );
  }
  if (performanceScored) {
    if (attained < 1) {
      const label = () =>
        scoreText('performance', {
          detail: performanceLabel(spec, judged, perSegment, attained, allMet),
        });
      deductions.push(
        performanceWaiver
          ? { label: () => waivedLabel(label(), performanceWaiver), points: 0 }
          : { label, points: share('performance') * (1 - performance) },
      );
    }
  } else {
    const why = (): ScoreText =>
      evidence.value === null
        ? (evidence.label ?? scoreText('noData'))
        : scoreText(
            spec === undefined
              ? 'noMetric'
              : !hasTarget(spec)
                ? 'noTarget'
                : evidence.metricValue === undefined || evidence.value === 0
                  ? 'noData'
                  : value === undefined
                    ? 'noValue'
                    : perSegmentData(evidence.metricValue)
                      ? 'noSegmentTarget'
                      : 'noDefaultTarget',
          );
    deductions.push({ label: () => scoreText('performanceUnknown', { why: why() }), points: 0 });
  }
  let hygieneLeft = 1;
  for (const finding of overlaps) {
    const cost = Math.min(HYGIENE_COST.get(finding.rule) ?? 0, hygieneLeft);
    hygieneLeft -= cost;
    deductions.push({
      label: () =>
        scoreText('hygiene', { rule: finding.rule, others: others(finding, touchpoint.id) }),
      points: share('hygiene') * cost,
    });
  }
  for (const finding of waivedOverlaps) {
    const label = () =>
      scoreText('hygiene', { rule: finding.rule, others: others(finding, touchpoint.id) });
    deductions.push({ label: () => waivedLabel(label(), finding), points: 0 });
  }

  // Round the score, then the deductions so that they add up to it (in tenths of a point).
  const exact = total > 0 ? 100 - deductions.reduce((acc, d) => acc + d.points, 0) : 0;
  let tenths = Math.max(0, Math.min(1000, Math.round(exact * 10 + 1e-9)));

  // The cap: an unusable owner (unless its finding is waived) or any open error.
  const status = ownerStatus(touchpoint, inventory);
  const unowned = status === 'missing' || status === 'placeholder';
  const ownerGap = gaps.findIndex((gap) => gap.field === 'owner');
  const ownerCaps = status !== 'ok' && ownerGap !== -1 && gapWaivers[ownerGap] === undefined;
  const capTenths = gradeDCapTenths(config.scoring.grades);
  if (!explain) {
    const caps =
      ownerCaps || findings.some((f) => f.severity === 'error' && f.touchpoint === touchpoint.id);
    return caps && tenths > capTenths ? capTenths : tenths;
  }
  const lost =
    total > 0
      ? apportion(
          deductions.map((d) => d.points * 10),
          1000 - tenths,
        )
      : [];
  const pillarPoints = pointsOf(
    {
      documentation,
      evidence: evidencePillar,
      performance: performanceScored ? performance : null,
      hygiene,
    },
    share,
    tenths,
  );
  const componentTexts: ScoreText[] = [scoreText('base')];
  const components: ScoreComponent[] = [{ label: 'base', points: 100 }];
  const addComponent = (label: ScoreText, points: number): void => {
    componentTexts.push(label);
    components.push({ label: englishScoreText(label), points });
  };
  if (total <= 0) addComponent(scoreText('noWeights'), -100);
  deductions.forEach((d, i) => {
    addComponent(d.label(), negate(lost[i] ?? 0));
  });

  const reasons: ScoreText[] = [];
  const reasonWords = new Set<string>();
  const addReason = (reason: ScoreText): void => {
    const words = englishScoreText(reason);
    if (reasonWords.has(words)) return;
    reasonWords.add(words);
    reasons.push(reason);
  };
  if (ownerCaps) {
    addReason(capReason(gaps[ownerGap]?.rule ?? '') ?? scoreText('capNoOwner'));
  }
  for (const finding of findings) {
    if (finding.severity !== 'error' || finding.touchpoint !== touchpoint.id) continue;
    addReason(
      finding.rule === 'schema/unknown-reference' && finding.field !== undefined
        ? scoreText('capUnknownField', { field: finding.field })
        : (capReason(finding.rule) ?? scoreText('capOpenError', { rule: finding.rule })),
    );
  }
  let cappedText: ScoreText | undefined;
  const [firstReason] = reasons;
  if (firstReason !== undefined && tenths > capTenths) {
    cappedText =
      reasons.length === 1
        ? firstReason
        : scoreText('capMore', { first: firstReason, more: reasons.length - 1 });
    addComponent(scoreText('capped', { why: cappedText }), negate(tenths - capTenths));
    tenths = capTenths;
  }
  const capped = cappedText === undefined ? undefined : englishScoreText(cappedText);
  const score = tenths / 10;

  // Maturity: the highest level whose checks pass together with every level below. Waivers
  // change what a finding costs, not the facts, so the levels read the facts.
  const checks: { pass: boolean; need: ScoreText | undefined }[] = [
    { pass: gaps.length === 0, need: joinNeeds(gaps.map((g) => g.need)) },
    { pass: evidence.value === EVIDENCE.fresh, need: evidence.need },
    { pass: allMet, need: targetNeed(input, judged, value) },
    {
      pass: overlaps.length === 0,
      need: scoreText('needResolve', {
        n: overlaps.length,
        rules: [...new Set(overlaps.map((f) => f.rule))],
      }),
    },
  ];
  let level = 0;
  while (level < checks.length && checks[level]?.pass === true) level++;
  const nextLevelText =
    level < checks.length
      ? scoreText('nextLevel', {
          level: level + 1,
          need: checks[level]?.need ?? scoreText('needs', { needs: [] }),
        })
      : undefined;
  const nextLevel = nextLevelText === undefined ? undefined : englishScoreText(nextLevelText);

  const segments = touchpointSegments(touchpoint, inventory).filter((s) => s !== ALL_SEGMENTS);
  const pillars: Pillars = {
    documentation: round3(documentation),
    evidence: evidencePillar,
    performance: performanceScored ? round3(performance) : null,
    hygiene: round3(hygiene),
  };
  const result: TouchpointScore = {
    id: touchpoint.id,
    name: touchpoint.name,
    ...(touchpoint.stage === undefined ? {} : { stage: touchpoint.stage }),
    ...(touchpoint.channel === undefined ? {} : { channel: touchpoint.channel }),
    ...(touchpoint.owner === undefined ? {} : { owner: touchpoint.owner }),
    segments,
    ...(touchpoint.sequence === undefined ? {} : { sequence: touchpoint.sequence }),
    score,
    grade: gradeFor(score, config.scoring.grades),
    provisional,
    ...(capped === undefined ? {} : { capped }),
    level,
    ...(nextLevel === undefined ? {} : { nextLevel }),
    pillars,
    pillarPoints,
    components,
    ...(spec === undefined
      ? {}
      : {
          metric: {
            name: spec.name,
            ...(value === undefined ? {} : { value: exactNumber(value) }),
            ...(spec.segmentTargets !== undefined
              ? { target: targetMapText(spec) }
              : target === undefined
                ? {}
                : {
                    target: target.text,
                    targetOp: target.op,
                    targetValue: exactNumber(target.value),
                  }),
            ...(spec.unit === undefined ? {} : { unit: spec.unit }),
            ...(performanceScored ? { attainment: round3(attained) } : {}),
            ...(perSegment ? { segments: judged.map(segmentAttainment) } : {}),
            ...(input.metrics === undefined ? {} : rowFacts(evidence.metricValue)),
          },
        }),
    findings: countBySeverity(findings),
    waived: waived.length,
    texts: {
      components: componentTexts,
      ...(cappedText === undefined ? {} : { capped: cappedText }),
      ...(nextLevelText === undefined ? {} : { nextLevel: nextLevelText }),
    },
  };
  return {
    score: result,
    documented: gaps.length === 0,
    hasData: evidence.value !== null && evidence.value > 0,
    unowned,
  };
}

/**
 * Each known pillar's points (its share × its value), in tenths apportioned so that they add up
 * to the rounded score before the cap; an unknown pillar is null.
 */
function pointsOf(
  values: Record<keyof PillarPoints, number | null>,
  share: (pillar: keyof PillarPoints) => number,
  tenths: number,
): PillarPoints {
  const names = ['documentation', 'evidence', 'performance', 'hygiene'] as const;
  const exact = names.map((name) => {
    const value = values[name];
    return value === null ? 0 : share(name) * value * 10;
  });
  const apportioned = apportion(exact, tenths);
  const points = (i: number): number => (apportioned[i] ?? 0) / 10;
  return {
    documentation: points(0),
    evidence: values.evidence === null ? null : points(1),
    performance: values.performance === null ? null : points(2),
    hygiene: points(3),
  };
}

/** The rows behind a metric: usable ones in the period, the others, and the latest date. */
function rowFacts(
  found: MetricValue | undefined,
): Pick<NonNullable<TouchpointScore['metric']>, 'rows' | 'rowsRejected' | 'latestDate'> {
  return {
    rows: found?.rows ?? 0,
    rowsRejected: unusedCount(found?.unused),
    ...(found?.latestDate === undefined ? {} : { latestDate: found.latestDate }),
  };
}

function evidenceOf(input: ScoreTouchpointInput): Evidence {
  const { touchpoint, metrics, config } = input;
  const name = touchpoint.metric?.name;
  if (metrics === undefined) {
    return {
      value: null,
      label: scoreText('noExports'),
      need:
        name === undefined
          ? scoreText('needProvideAny')
          : scoreText('needProvide', { metric: name }),
    };
  }
  let found: MetricValue | undefined;
  if (name !== undefined && name !== '') {
    found = lookupMetric(metrics, touchpoint.id, name);
  } else {
    // No declared metric: the freshest data the exports hold for the touchpoint.
    for (const candidate of input.values ?? []) {
      if (found === undefined || (candidate.latestDate ?? '9999') > (found.latestDate ?? '9999'))
        found = candidate;
    }
  }
  const asOf = input.asOf ?? metrics.asOf;
  if (found === undefined || found.rows === 0) {
    // Rows outside the period, empty cells and bad rows are no evidence (DESIGN §3). The finding
    // that says so (and whose waiver gives the points back) is no-data, or stale-data for rows
    // that are only too old.
    const rule =
      found !== undefined && explainedAsStale(found, asOf, config)
        ? 'gap/stale-data'
        : 'gap/no-data';
    return {
      value: EVIDENCE.none,
      label:
        found !== undefined
          ? scoreText('noUsableRows', { metric: found.metric })
          : name === undefined
            ? scoreText('noDataAny')
            : scoreText('noDataFor', { metric: name }),
      need:
        name === undefined
          ? scoreText('needExportAny', { touchpoint: touchpoint.id })
          : scoreText('needExport', { metric: name, touchpoint: touchpoint.id }),
      rule,
      ...(found === undefined ? {} : { metricValue: found }),
    };
  }
  // Undated exports are taken as current: there is nothing to call them stale by.
  if (found.latestDate === undefined || asOf === undefined)
    return { value: EVIDENCE.fresh, metricValue: found };
  const age = daysBetween(found.latestDate, asOf);
  if (age <= config.freshness) return { value: EVIDENCE.fresh, metricValue: found };
  return {
    value: EVIDENCE.stale,
    label: scoreText('stale', { metric: found.metric, latest: found.latestDate, age, asOf }),
    need: scoreText('needRefresh', {
      metric: found.metric,
      latest: found.latestDate,
      freshness: config.freshness,
    }),
    metricValue: found,
    rule: 'gap/stale-data',
  };
}

function targetNeed(
  input: ScoreTouchpointInput,
  judged: readonly TargetJudgement[],
  value: number | undefined,
): ScoreText {
  const spec = input.touchpoint.metric;
  if (spec === undefined) return scoreText('needMetric');
  const missed = judged.filter((j) => !j.met);
  if (missed.length > 0) return joinNeeds(missed.map((j) => moveTo(spec, j)));
  const metric = { metric: spec.name };
  if (!hasTarget(spec)) return scoreText('needTarget', metric);
  if (value === undefined) return scoreText('needValues', metric);
  return spec.target === undefined
    ? scoreText('needSegmentTarget', metric)
    : scoreText('needValues', metric);
}

/** What moving a metric to its target is called, by the target's comparison. */
const MOVES: Readonly<Record<Comparison, ScoreTextId>> = {
  '>=': 'raise',
  '>': 'raiseAbove',
  '==': 'bring',
  '<=': 'lower',
  '<': 'lowerBelow',
};

/** `raise open_rate from 20% to 40%`, `lower first_reply_hours for enterprise from 2 h to 1 h`. */
function moveTo(spec: MetricSpec, judged: TargetJudgement): ScoreText {
  const { target } = judged;
  return scoreText(MOVES[target.op], {
    metric: spec.name,
    ...(judged.segment === undefined
      ? {}
      : { segment: scoreText('forSegment', { segment: judged.segment }) }),
    from: formatValue(judged.value, spec),
    to: formatValue(target.value, spec),
  });
}

/**
 * What the performance deduction says: the value against its target, or with per-segment
 * targets the mean attainment and each segment that missed.
 */
function performanceLabel(
  spec: MetricSpec | undefined,
  judged: readonly TargetJudgement[],
  perSegment: boolean,
  attained: number,
  allMet: boolean,
): ScoreText {
  const one = (j: TargetJudgement): ScoreText =>
    scoreText('judged', {
      value: formatValue(j.value, spec),
      target: formatTarget(j.target, spec),
      attained: formatAttainment(j.attainment, j.met),
    });
  const metric = spec?.name ?? '';
  const [only] = judged;
  if (!perSegment && only !== undefined) return scoreText('single', { metric, judged: one(only) });
  const missed = judged
    .filter((j) => !j.met)
    .map((j) => scoreText('segmentJudged', { segment: j.segment ?? '', judged: one(j) }));
  return scoreText('perSegment', {
    metric,
    n: judged.length,
    attained: formatAttainment(attained, allMet),
    missed,
  });
}

/**
 * A per-segment target map as people read it, `enterprise <= 1h, smb <= 4h, default <= 48h`:
 * no one comparison stands for it, so the score gives no targetOp or targetValue.
 */
function targetMapText(spec: MetricSpec): string {
  const parts = (spec.segmentTargets ?? []).map(
    ({ segment, target }) => `${segment} ${target.text}`,
  );
  if (spec.target !== undefined) parts.push(`default ${spec.target.text}`);
  return parts.join(', ');
}

function perSegmentData(found: MetricValue | undefined): boolean {
  return found?.segments !== undefined && Object.keys(found.segments).length > 0;
}

function segmentAttainment(judged: TargetJudgement): SegmentAttainment {
  return {
    segment: judged.segment ?? '',
    value: exactNumber(judged.value),
    target: judged.target.text,
    targetOp: judged.target.op,
    targetValue: exactNumber(judged.target.value),
    attainment: round3(judged.attainment),
  };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Distinct ids a finding names, built once per finding: a density finding can name 17,000. */
const namedIds = new WeakMap<Finding, { list: string[]; set: Set<string> }>();

function others(finding: Finding, id: string): ScoreText {
  let named = namedIds.get(finding);
  if (!named) {
    const set = new Set(
      [finding.touchpoint, ...(finding.related ?? [])].filter((x): x is string => x !== undefined),
    );
    named = { list: [...set], set };
    namedIds.set(finding, named);
  }
  const total = named.list.length - (named.set.has(id) ? 1 : 0);
  if (total === 0) return scoreText('itself');
  const first: string[] = [];
  for (const x of named.list) {
    if (x === id) continue;
    first.push(`'${x}'`);
    if (first.length === 2) break;
  }
  return total > 2
    ? scoreText('othersMore', { ids: first, more: total - 2 })
    : scoreText('others', { ids: first });
}

/** Needs as one: `a`, `a and b`, `a, b and c`. */
function joinNeeds(needs: ScoreText[]): ScoreText {
  const [only] = needs;
  return needs.length === 1 && only !== undefined ? only : scoreText('needs', { needs });
}

function countBySeverity(findings: readonly Finding[]): TouchpointScore['findings'] {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

function negate(tenths: number): number {
  return tenths === 0 ? 0 : -tenths / 10;
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
