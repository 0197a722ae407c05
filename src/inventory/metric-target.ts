import type { Comparison, MetricTarget, Unit } from '../types.js';

const TARGET = /^\s*(>=|<=|==|>|<|=)?\s*([+-]?(?:\d+(?:\.\d+)?|\.\d+))\s*(%?)\s*$/;

/**
 * Parses a metric target: `">= 0.9"`, `"<= 4"`, `"90%"` or a bare number (meaning `>=`).
 * A percent target is a fraction (0.9) unless the metric's unit is `percent` (90).
 */
export function parseTarget(raw: unknown, unit: Unit | undefined): MetricTarget | undefined {
  if (typeof raw === 'number') {
    return Number.isFinite(raw) ? { op: '>=', value: raw, text: `>= ${raw}` } : undefined;
  }
  if (typeof raw !== 'string') return undefined;
  const match = TARGET.exec(raw);
  if (!match) return undefined;
  const op: Comparison =
    match[1] === undefined ? '>=' : match[1] === '=' ? '==' : (match[1] as Comparison);
  let value = Number(match[2]);
  if (match[3] === '%' && unit !== 'percent') value /= 100;
  if (!Number.isFinite(value)) return undefined;
  return { op, value, text: raw.trim() };
}
