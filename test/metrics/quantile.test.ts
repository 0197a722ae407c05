import { describe, expect, it } from 'vitest';
import {
  EXACT_VALUES,
  QuantileSketch,
  RELATIVE_ACCURACY,
} from '../../src/metrics/mapping/quantile.js';

describe('QuantileSketch', () => {
  it('is exact (spreadsheet interpolation) up to EXACT_VALUES values', () => {
    const sketch = new QuantileSketch();
    for (const v of [7, 1, 3, 5]) sketch.add(v);
    expect(sketch.quantile(0.5)).toBe(4);
    expect(sketch.quantile(0.9)).toBeCloseTo(6.4, 12);
    expect(new QuantileSketch().quantile(0.5)).toBeUndefined();
  });

  it('stays within its relative accuracy past them, for any order of values', () => {
    const sketch = new QuantileSketch();
    const n = EXACT_VALUES * 50;
    // 1..n shuffled deterministically (a multiplicative permutation modulo a prime-ish n+1).
    for (let i = 0; i < n; i++) sketch.add(((i * 7919) % n) + 1);
    const median = sketch.quantile(0.5) ?? NaN;
    const p90 = sketch.quantile(0.9) ?? NaN;
    expect(Math.abs(median - n / 2) / (n / 2)).toBeLessThanOrEqual(RELATIVE_ACCURACY + 1e-4);
    expect(Math.abs(p90 - 0.9 * n) / (0.9 * n)).toBeLessThanOrEqual(RELATIVE_ACCURACY + 1e-4);
  });

  it('merges sketches and keeps zeros and negatives in order', () => {
    const a = new QuantileSketch();
    const b = new QuantileSketch();
    for (let i = 0; i < 2000; i++) a.add(i % 2 === 0 ? 0 : -5);
    for (let i = 0; i < 10; i++) b.add(100);
    a.merge(b);
    expect(a.count).toBe(2010);
    expect(a.quantile(0.25)).toBeCloseTo(-5, 1);
    expect(a.quantile(0.75)).toBe(0);
    expect(a.quantile(1)).toBeCloseTo(100, 0);
  });
});
