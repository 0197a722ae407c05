import { representativeTarget, type MetricSpec, type MetricTarget, type Unit } from '../types.js';

/**
 * A number to three significant digits for people, without exponents or float noise:
 * 32.444 → 32.4, 0.0762 → 0.0762, 1234.5 → 1235 (whole numbers keep every digit).
 */
export function significant(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 10 ** digits) return String(Math.round(value));
  const rounded = Number(value.toPrecision(digits));
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** A number for machines: exact, but without binary float noise (12 significant digits). */
export function exactNumber(value: number): number {
  return Number.isFinite(value) ? Number(value.toPrecision(12)) : value;
}

function duration(totalSeconds: number): string {
  const sign = totalSeconds < 0 ? '-' : '';
  const seconds = Math.abs(Math.round(totalSeconds));
  if (seconds < 60) return `${sign}${seconds} s`;
  if (seconds < 3600) {
    const m = Math.floor(seconds / 60);
    const s = seconds % 60;
    return `${sign}${m} min${s === 0 ? '' : ` ${s} s`}`;
  }
  const minutes = Math.round(seconds / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${sign}${h} h${m === 0 ? '' : ` ${m} min`}`;
}

/** Seconds per unit, for the units people read as durations. */
const DURATION_SECONDS: Partial<Record<Unit, number>> = { hours: 3600, minutes: 60, seconds: 1 };

/**
 * A metric value (or target) for people, by the metric's unit: ratios as percentages
 * (0.29 → 29%), percents with a % sign, hours, minutes and seconds as durations
 * (1.408 h → 1 h 24 min), counts as whole numbers, days with their unit, and anything else
 * to three significant digits. Without a unit, a target written as a percent (`>= 90%`) makes
 * the value a percentage too.
 */
export function formatValue(value: number, spec: MetricSpec | undefined): string {
  const unit = spec?.unit;
  const seconds = unit === undefined ? undefined : DURATION_SECONDS[unit];
  if (seconds !== undefined) return duration(value * seconds);
  switch (unit) {
    case 'percent':
      return `${significant(value)}%`;
    case 'ratio':
      return `${significant(value * 100)}%`;
    case 'count':
      return String(Math.round(value));
    case 'days':
      return `${significant(value)} day${significant(value) === '1' ? '' : 's'}`;
    case 'score':
    case undefined:
      break;
  }
  const target = representativeTarget(spec);
  if (unit === undefined && target?.text.includes('%') === true && target.value <= 1)
    return `${significant(value * 100)}%`;
  return significant(value);
}

/** A target for people, in its metric's unit: `>= 35%`, `<= 1 h`. */
export function formatTarget(target: MetricTarget, spec: MetricSpec | undefined): string {
  return `${target.op} ${formatValue(target.value, spec)}`;
}

/** Attainment as a whole percent; a miss never shows as 100%. */
export function formatAttainment(attainment: number, met: boolean): string {
  let percent = Math.round(attainment * 100);
  if (!met && percent >= 100) percent = 99;
  return `${percent}%`;
}
