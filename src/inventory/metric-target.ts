import {
  DEFAULT_TARGET_KEY,
  type Comparison,
  type MetricTarget,
  type SegmentTarget,
  type Unit,
} from '../types.js';

// Matched against the trimmed text, with no two `\s*` next to each other: `"1"` + 50,000
// spaces + `"x"` made `\s*(%?)\s*$` backtrack quadratically (52 s).
const TARGET = /^(?:(>=|<=|==|>|<|=)\s*)?([+-]?(?:\d+(?:\.\d+)?|\.\d+))(?:\s*(%|min|h|d|w))?$/;

/** Seconds in one unit of a time metric, and in one unit of a duration written in a target. */
const UNIT_SECONDS: Partial<Record<Unit, number>> = {
  seconds: 1,
  minutes: 60,
  hours: 3600,
  days: 86400,
};
const SUFFIX_SECONDS: Record<string, number> = { min: 60, h: 3600, d: 86400, w: 604800 };

/**
 * Parses a metric target: `">= 0.9"`, `"<= 4"`, `"90%"`, a bare number (meaning `>=`), or a
 * duration (`"<= 1h"`, `"< 30min"`) for a metric in seconds, minutes, hours or days, converted
 * to that unit. A percent target is a fraction (0.9) unless the metric's unit is `percent` (90).
 * A duration target on a metric without a time unit is undefined: the schema reports it.
 */
export function parseTarget(raw: unknown, unit: Unit | undefined): MetricTarget | undefined {
  if (typeof raw === 'number') {
    return Number.isFinite(raw) ? { op: '>=', value: raw, text: `>= ${raw}` } : undefined;
  }
  if (typeof raw !== 'string') return undefined;
  const match = TARGET.exec(raw.trim());
  if (!match) return undefined;
  const op: Comparison =
    match[1] === undefined ? '>=' : match[1] === '=' ? '==' : (match[1] as Comparison);
  let value = Number(match[2]);
  const suffix = match[3];
  if (suffix === '%' && unit !== 'percent') value /= 100;
  else if (suffix !== undefined && suffix !== '%') {
    const perUnit = unit === undefined ? undefined : UNIT_SECONDS[unit];
    const perSuffix = SUFFIX_SECONDS[suffix];
    if (perUnit === undefined || perSuffix === undefined) return undefined;
    value = (value * perSuffix) / perUnit;
  }
  if (!Number.isFinite(value)) return undefined;
  return { op, value, text: raw.trim() };
}

/** A metric's targets: the one target, or a per-segment map's `default` and its segments. */
export interface MetricTargets {
  target?: MetricTarget;
  segmentTargets?: SegmentTarget[];
}

/**
 * Parses `metric.target`: one target, or a map of segment ids to targets
 * (`{ enterprise: "<= 1h", smb: "<= 24h", default: "<= 48h" }`) whose `default` applies to
 * every other segment and to data without segments. Unparsable entries are left out (the
 * schema reports them).
 */
export function parseTargets(raw: unknown, unit: Unit | undefined): MetricTargets {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    const target = parseTarget(raw, unit);
    return target === undefined ? {} : { target };
  }
  const targets: MetricTargets = {};
  const segmentTargets: SegmentTarget[] = [];
  for (const [segment, text] of Object.entries(raw as Record<string, unknown>)) {
    const target = parseTarget(text, unit);
    if (target === undefined) continue;
    if (segment === DEFAULT_TARGET_KEY) targets.target = target;
    else segmentTargets.push({ segment, target });
  }
  // The map form is kept even with only `default`: the data is then judged per segment.
  targets.segmentTargets = segmentTargets;
  return targets;
}
