import type { MetricSpec } from '../types.js';

function round(value: number): string {
  if (Number.isInteger(value)) return String(value);
  const abs = Math.abs(value);
  const rounded = abs >= 0.001 ? Math.round(value * 1000) / 1000 : Number(value.toPrecision(2));
  return String(rounded);
}

/**
 * A metric value for messages, in the way its target is written: `72%` for percent metrics and
 * for ratios whose target was written as a percent, `0.183` otherwise (at most three decimals).
 */
export function formatValue(value: number, spec: MetricSpec | undefined): string {
  if (spec?.unit === 'percent') return `${round(value)}%`;
  if (
    spec?.target?.text.includes('%') === true &&
    (spec.unit === 'ratio' || spec.target.value <= 1)
  ) {
    return `${round(value * 100)}%`;
  }
  return round(value);
}

/** Attainment as a whole percent; a miss never shows as 100%. */
export function formatAttainment(attainment: number, met: boolean): string {
  let percent = Math.round(attainment * 100);
  if (!met && percent >= 100) percent = 99;
  return `${percent}%`;
}
