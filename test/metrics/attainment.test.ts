import { describe, expect, it } from 'vitest';
import { attainment, meetsTarget } from '../../src/metrics/attainment.js';
import type { Comparison } from '../../src/types.js';

const t = (op: Comparison, value: number) => ({ op, value, text: `${op} ${value}` });

describe('attainment and meetsTarget', () => {
  it.each([
    // op, target, value, meets, attainment
    ['>=', 0.35, 0.35, true, 1],
    ['>=', 0.35, 0.5, true, 1],
    ['>=', 0.4, 0.1, false, 0.25],
    ['>=', 0.3, 0.1 + 0.2, true, 1],
    ['>=', 10, 0, false, 0],
    ['>=', 10, -5, false, 0],
    ['>=', 0, -1, false, 0],
    ['>=', 0, 0, true, 1],
    ['>', 10, 10, false, 1],
    ['>', 10, 5, false, 0.5],
    ['>', 10, 11, true, 1],
    ['<=', 4, 8, false, 0.5],
    ['<=', 4, 4, true, 1],
    ['<=', 4, 2, true, 1],
    ['<=', 0, 3, false, 0],
    ['<=', 4, 0, true, 1],
    ['<', 4, 4, false, 1],
    ['<', 4, 16, false, 0.25],
    ['==', 100, 100, true, 1],
    ['==', 100, 90, false, 0.9],
    ['==', 100, 110, false, 0.9],
    ['==', 100, 250, false, 0],
    ['==', 0, 0, true, 1],
    ['==', 0, 1, false, 0],
    ['>=', 0.5, NaN, false, 0],
    ['>=', 0.5, Infinity, false, 0],
  ] as const)('%s %d with %d: meets %s, attainment %d', (op, target, value, meets, expected) => {
    expect(meetsTarget(value, t(op, target))).toBe(meets);
    expect(attainment(value, t(op, target))).toBeCloseTo(expected, 12);
  });
});
