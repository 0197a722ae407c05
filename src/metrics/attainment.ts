import type { MetricTarget } from '../types.js';

/** Relative tolerance for `==` targets, so 0.1 + 0.2 meets `== 0.3`. */
const EQUAL_TOLERANCE = 1e-9;

function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= EQUAL_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

/** Whether `value` satisfies the target's comparison. */
export function meetsTarget(value: number, target: MetricTarget): boolean {
  if (!Number.isFinite(value) || !Number.isFinite(target.value)) return false;
  switch (target.op) {
    case '>=':
      return value >= target.value || nearlyEqual(value, target.value);
    case '>':
      return value > target.value;
    case '<=':
      return value <= target.value || nearlyEqual(value, target.value);
    case '<':
      return value < target.value;
    case '==':
      return nearlyEqual(value, target.value);
  }
}

function clamp01(x: number): number {
  if (Number.isNaN(x)) return 0;
  return Math.min(1, Math.max(0, x));
}

/**
 * How close `value` comes to the target, from 0 to 1 (1 = met).
 *
 * Direction-aware and proportional: `value / target` for `>=` and `>` targets, `target / value`
 * for `<=` and `<` targets, capped at 1. An `==` target is met by an exact match (within a
 * relative 1e-9) and otherwise scores `1 - |value - target| / |target|`, so being 10% off an
 * exact target costs 10%. Where a ratio is meaningless (a zero or negative target or value) the
 * result is all or nothing: 1 when the target is met, 0 when it is not.
 */
export function attainment(value: number, target: MetricTarget): number {
  if (meetsTarget(value, target)) return 1;
  if (!Number.isFinite(value) || !Number.isFinite(target.value)) return 0;
  const t = target.value;
  switch (target.op) {
    case '>=':
    case '>':
      return t > 0 && value >= 0 ? clamp01(value / t) : 0;
    case '<=':
    case '<':
      return t > 0 && value > 0 ? clamp01(t / value) : 0;
    case '==':
      return t !== 0 ? clamp01(1 - Math.abs(value - t) / Math.abs(t)) : 0;
  }
}
