import type { MetricSpec } from '../types.js';

function round(value: number, decimals: number): string {
  if (Number.isInteger(value)) return String(value);
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  // Keep two significant digits of tiny values rather than showing 0.
  return String(rounded === 0 ? Number(value.toPrecision(2)) : rounded);
}

/**
 * A metric value for messages, in the way its target is written: `72.5%` for percent metrics and
 * for ratios whose target was written as a percent, `0.183` otherwise (at most three decimals).
 */
export function formatValue(value: number, spec: MetricSpec | undefined): string {
  if (spec?.unit === 'percent') return `${round(value, 3)}%`;
  if (
    spec?.target?.text.includes('%') === true &&
    (spec.unit === 'ratio' || spec.target.value <= 1)
  ) {
    return `${round(value * 100, 3)}%`;
  }
  return round(value, 3);
}

/** Attainment as a whole percent; a miss never shows as 100%. */
export function formatAttainment(attainment: number, met: boolean): string {
  let percent = Math.round(attainment * 100);
  if (!met && percent >= 100) percent = 99;
  return `${percent}%`;
}
