import type { Config } from '../config/config.js';
import { attainment, meetsTarget } from '../metrics/attainment.js';
import {
  exactNumber,
  formatAttainment,
  formatTarget,
  formatValue,
} from '../metrics/format-value.js';
import { lookupMetric } from '../metrics/lookup-metric.js';
import type { MetricsResult, MetricValue } from '../metrics/types.js';
import type { Pillars, ScoreComponent, TouchpointScore } from '../report.js';
import { ALL_SEGMENTS, touchpointSegments } from '../timeline/expand.js';
import { formatDayCount } from '../timeline/format.js';
import type { Finding, Inventory, Touchpoint } from '../types.js';
import { apportion } from './apportion.js';
import { documentationGaps, ownerStatus } from './documentation.js';
import { gradeDCapTenths, gradeFor } from './grade.js';

/** Rules whose findings cost hygiene points and block maturity level L4. */
export const OVERLAP_RULES: readonly string[] = [
  'overlap/collision',
  'overlap/density',
  'overlap/redundant',
];
/** Share of the hygiene pillar each overlap finding naming the touchpoint costs (4 empty it). */
export const HYGIENE_PENALTY = 0.25;
/** Evidence pillar values. */
export const EVIDENCE = { fresh: 1, stale: 0.5, none: 0 } as const;

export interface ScoreTouchpointInput {
  touchpoint: Touchpoint;
  inventory: Inventory;
  config: Config;
  metrics?: MetricsResult;
  /** Date freshness is measured against; without it, any dated row counts as fresh. */
  asOf?: string;
  /** Non-waived findings naming the touchpoint (as `touchpoint` or in `related`). */
  findings: readonly Finding[];
  /** Every metric value of this touchpoint, for touchpoints that declare no metric. */
  values?: readonly MetricValue[];
}

export interface ScoredTouchpoint {
  score: TouchpointScore;
  /** Every required field present and meaningful (documentation coverage). */
  documented: boolean;
  /** The exports hold rows for the touchpoint (data coverage). */
  hasData: boolean;
  /** Missing or placeholder owner (the `(unowned)` group). */
  unowned: boolean;
}

interface Evidence {
  value: number;
  /** Why it is not 1. */
  label?: string;
  /** What level L2 needs. */
  need?: string;
  metricValue?: MetricValue;
}

interface Deduction {
  label: string;
  /** Points lost, exact; 0 for a component that only explains. */
  points: number;
}

/**
 * Scores one touchpoint: the weighted mean of its pillars × 100, rounded to 0.1; a missing or
 * placeholder owner caps it at the top of grade D. Components start from `base 100` and list
 * every deduction in points, so they add up to the score exactly.
 */
export function scoreTouchpoint(input: ScoreTouchpointInput): ScoredTouchpoint {
  const { touchpoint, inventory, config, metrics, findings } = input;
  const weights = config.scoring.weights;
  const positive = (n: number): number => (Number.isFinite(n) && n > 0 ? n : 0);

  // Documentation.
  const gaps = documentationGaps(touchpoint, inventory, config);
  const documentation = 1 - gaps.reduce((sum, gap) => sum + gap.weight, 0) / 100;

  // Evidence.
  const evidence = evidenceOf(input);

  // Performance: only for touchpoints with a value and a target; no data counts under evidence.
  const spec = touchpoint.metric;
  const value = evidence.metricValue?.value;
  const target = spec?.target;
  const performanceScored = value !== undefined && target !== undefined;
  const performance = performanceScored ? attainment(value, target) : 0;

  // Hygiene.
  const overlaps = findings.filter((f) => OVERLAP_RULES.includes(f.rule));
  const hygiene = Math.max(0, 1 - overlaps.length * HYGIENE_PENALTY);

  const pillarWeights = {
    documentation: positive(weights.documentation),
    evidence: positive(weights.evidence),
    performance: performanceScored ? positive(weights.performance) : 0,
    hygiene: positive(weights.hygiene),
  };
  const total =
    pillarWeights.documentation +
    pillarWeights.evidence +
    pillarWeights.performance +
    pillarWeights.hygiene;
  const share = (pillar: keyof typeof pillarWeights): number =>
    total > 0 ? (100 * pillarWeights[pillar]) / total : 0;

  const deductions: Deduction[] = [];
  for (const gap of gaps) {
    deductions.push({
      label: `documentation: ${gap.label}`,
      points: (share('documentation') * gap.weight) / 100,
    });
  }
  if (evidence.label !== undefined) {
    deductions.push({
      label: `evidence: ${evidence.label}`,
      points: share('evidence') * (1 - evidence.value),
    });
  }
  if (performanceScored) {
    if (performance < 1) {
      const met = meetsTarget(value, target);
      deductions.push({
        label: `performance: ${spec?.name ?? ''} ${formatValue(value, spec)} vs target ${formatTarget(target, spec)} (${formatAttainment(performance, met)} attained)`,
        points: share('performance') * (1 - performance),
      });
    }
  } else {
    const reason =
      spec === undefined
        ? 'no metric'
        : target === undefined
          ? 'no target'
          : evidence.metricValue === undefined
            ? 'no data'
            : 'no value in the period';
    deductions.push({
      label: `performance: not scored (${reason}; its weight goes to the other pillars)`,
      points: 0,
    });
  }
  let hygieneLeft = 1;
  for (const finding of overlaps) {
    const cost = Math.min(HYGIENE_PENALTY, hygieneLeft);
    hygieneLeft -= cost;
    deductions.push({
      label: `hygiene: ${finding.rule} with ${others(finding, touchpoint.id)}`,
      points: share('hygiene') * cost,
    });
  }

  // Round the score, then the deductions so that they add up to it (in tenths of a point).
  const exact = total > 0 ? 100 - deductions.reduce((sum, d) => sum + d.points, 0) : 0;
  let tenths = Math.max(0, Math.min(1000, Math.round(exact * 10 + 1e-9)));
  const lost =
    total > 0
      ? apportion(
          deductions.map((d) => d.points * 10),
          1000 - tenths,
        )
      : [];
  const components: ScoreComponent[] = [{ label: 'base', points: 100 }];
  if (total <= 0) components.push({ label: 'no scoring weights configured', points: -100 });
  deductions.forEach((d, i) => components.push({ label: d.label, points: negate(lost[i] ?? 0) }));

  const status = ownerStatus(touchpoint, inventory);
  const unowned = status === 'missing' || status === 'placeholder';
  const capTenths = gradeDCapTenths(config.scoring.grades);
  let capped: string | undefined;
  if (unowned && tenths > capTenths) {
    capped = 'no owner';
    components.push({ label: 'capped: no owner', points: negate(tenths - capTenths) });
    tenths = capTenths;
  }
  const score = tenths / 10;

  // Maturity: the highest level whose checks pass together with every level below.
  const checks: { pass: boolean; need: string }[] = [
    { pass: gaps.length === 0, need: joinNeeds(gaps.map((g) => g.need)) },
    { pass: evidence.value === EVIDENCE.fresh, need: evidence.need ?? '' },
    { pass: performanceScored && meetsTarget(value, target), need: targetNeed(input, value) },
    {
      pass: overlaps.length === 0,
      need: `resolve ${overlaps.length} overlap finding${overlaps.length === 1 ? '' : 's'} (${[...new Set(overlaps.map((f) => f.rule))].join(', ')})`,
    },
  ];
  let level = 0;
  while (level < checks.length && checks[level]?.pass === true) level++;
  const nextLevel =
    level < checks.length ? `to reach L${level + 1}: ${checks[level]?.need ?? ''}` : undefined;

  const segments = touchpointSegments(touchpoint, inventory).filter((s) => s !== ALL_SEGMENTS);
  const pillars: Pillars = {
    documentation: round3(documentation),
    evidence: evidence.value,
    performance: round3(performance),
    hygiene: round3(hygiene),
  };
  const result: TouchpointScore = {
    id: touchpoint.id,
    name: touchpoint.name,
    ...(touchpoint.stage === undefined ? {} : { stage: touchpoint.stage }),
    ...(touchpoint.channel === undefined ? {} : { channel: touchpoint.channel }),
    ...(touchpoint.owner === undefined ? {} : { owner: touchpoint.owner }),
    segments,
    score,
    grade: gradeFor(score, config.scoring.grades),
    ...(capped === undefined ? {} : { capped }),
    level,
    ...(nextLevel === undefined ? {} : { nextLevel }),
    pillars,
    components,
    ...(spec === undefined
      ? {}
      : {
          metric: {
            name: spec.name,
            ...(value === undefined ? {} : { value: exactNumber(value) }),
            ...(target === undefined
              ? {}
              : {
                  target: target.text,
                  targetOp: target.op,
                  targetValue: exactNumber(target.value),
                }),
            ...(spec.unit === undefined ? {} : { unit: spec.unit }),
            ...(performanceScored ? { attainment: round3(performance) } : {}),
          },
        }),
    findings: countBySeverity(findings),
  };
  return {
    score: result,
    documented: gaps.length === 0,
    hasData:
      metrics !== undefined &&
      (evidence.metricValue !== undefined || (input.values?.length ?? 0) > 0),
    unowned,
  };
}

function evidenceOf(input: ScoreTouchpointInput): Evidence {
  const { touchpoint, metrics, config } = input;
  const name = touchpoint.metric?.name;
  if (metrics === undefined) {
    return {
      value: EVIDENCE.none,
      label: 'no metric exports given',
      need: `provide ${name ?? 'metric'} data (audit with --metrics)`,
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
  if (found === undefined) {
    return {
      value: EVIDENCE.none,
      label: `no data for ${name ?? 'any metric'}`,
      need: `export ${name ?? 'metric'} data for '${touchpoint.id}'`,
    };
  }
  const asOf = input.asOf ?? metrics.asOf;
  // Undated exports are taken as current: there is nothing to call them stale by.
  if (found.latestDate === undefined || asOf === undefined)
    return { value: EVIDENCE.fresh, metricValue: found };
  const age = daysBetween(found.latestDate, asOf);
  if (age <= config.freshness) return { value: EVIDENCE.fresh, metricValue: found };
  return {
    value: EVIDENCE.stale,
    label: `${found.metric} data stale (latest ${found.latestDate}, ${formatDayCount(age)} before ${asOf})`,
    need: `refresh ${found.metric} data (latest row ${found.latestDate} is older than ${formatDayCount(config.freshness)})`,
    metricValue: found,
  };
}

function targetNeed(input: ScoreTouchpointInput, value: number | undefined): string {
  const spec = input.touchpoint.metric;
  if (spec === undefined) return 'define a success metric with a target';
  const target = spec.target;
  if (target === undefined) return `set a target for ${spec.name}`;
  if (value === undefined) return `report ${spec.name} values inside the period`;
  const verb =
    target.op === '>=' || target.op === '>' ? 'raise' : target.op === '==' ? 'bring' : 'lower';
  const strict = target.op === '>' ? 'above ' : target.op === '<' ? 'below ' : '';
  return `${verb} ${spec.name} from ${formatValue(value, spec)} to ${strict}${formatValue(target.value, spec)}`;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function others(finding: Finding, id: string): string {
  const ids = [finding.touchpoint, ...(finding.related ?? [])].filter(
    (x): x is string => x !== undefined && x !== id,
  );
  const unique = [...new Set(ids)];
  if (unique.length === 0) return 'itself';
  const named = unique.slice(0, 2).map((x) => `'${x}'`);
  return unique.length > 2
    ? `${named.join(', ')} and ${unique.length - 2} more`
    : named.join(' and ');
}

function joinNeeds(needs: string[]): string {
  if (needs.length <= 1) return needs.join('');
  return `${needs.slice(0, -1).join(', ')} and ${needs[needs.length - 1] ?? ''}`;
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
