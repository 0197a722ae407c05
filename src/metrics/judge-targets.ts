import { compareText } from '../shared/compare-text.js';
import { DEFAULT_TARGET_KEY, type MetricSpec, type MetricTarget } from '../types.js';
import { attainment, meetsTarget } from './attainment.js';
import type { MetricValue } from './types.js';

/** A value judged against the target that applies to it. */
export interface TargetJudgement {
  /** The segment as the exports name it; undefined for the pooled value. */
  segment?: string;
  value: number;
  target: MetricTarget;
  /** The key of the target map that gave the target (`enterprise`, `default`); undefined for one target. */
  targetKey?: string;
  /** 0–1, see `attainment`. */
  attainment: number;
  met: boolean;
}

/** Segment names compare like ids in exports: case, spaces, dashes and underscores aside. */
function segmentKey(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

function judge(
  value: number,
  target: MetricTarget,
  segment?: string,
  targetKey?: string,
): TargetJudgement {
  const judged: TargetJudgement = {
    value,
    target,
    attainment: attainment(value, target),
    met: meetsTarget(value, target),
  };
  if (segment !== undefined) judged.segment = segment;
  if (targetKey !== undefined) judged.targetKey = targetKey;
  return judged;
}

/**
 * The values of a touchpoint's metric that are judged, each against its target. A single
 * target judges the pooled value, as it always has. A per-segment target map judges each
 * segment the exports name (sorted) against its own entry, or `default` for a segment the map
 * does not name; a segment with neither is not judged. Data without segments is pooled and
 * judged against `default`.
 */
export function judgeTargets(
  spec: MetricSpec | undefined,
  found: MetricValue | undefined,
): TargetJudgement[] {
  if (spec === undefined || found === undefined) return [];
  const segmentTargets = spec.segmentTargets;
  const segments = found.segments;
  if (segmentTargets === undefined || segments === undefined) {
    if (found.value === undefined || spec.target === undefined) return [];
    const key = segmentTargets === undefined ? undefined : DEFAULT_TARGET_KEY;
    return [judge(found.value, spec.target, undefined, key)];
  }
  const named = new Map(segmentTargets.map((entry) => [segmentKey(entry.segment), entry]));
  const judged: TargetJudgement[] = [];
  const names = Object.keys(segments).sort(compareText);
  for (const segment of names) {
    const observed = segments[segment];
    if (observed === undefined) continue;
    const own = named.get(segmentKey(segment));
    const target = own?.target ?? spec.target;
    if (observed.value === undefined || target === undefined) continue;
    judged.push(judge(observed.value, target, segment, own?.segment ?? DEFAULT_TARGET_KEY));
  }
  return judged;
}

/**
 * The attainment the performance pillar scores: every judged segment counts the same, so a
 * missed enterprise target is not outweighed by many small-customer tickets. Undefined when
 * nothing was judged.
 */
export function meanAttainment(judged: readonly TargetJudgement[]): number | undefined {
  if (judged.length === 0) return undefined;
  return judged.reduce((sum, j) => sum + j.attainment, 0) / judged.length;
}
