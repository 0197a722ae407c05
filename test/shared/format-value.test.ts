import { describe, expect, it } from 'vitest';
import { exactNumber, formatValue, significant } from '../../src/shared/format-value.js';
import type { MetricSpec, Unit } from '../../src/types.js';

const spec = (unit?: Unit, target?: string): MetricSpec => ({
  name: 'm',
  ...(unit === undefined ? {} : { unit }),
  ...(target === undefined ? {} : { target: { op: '>=', value: 0.9, text: target } }),
});

describe('numbers for people', () => {
  it.each([
    [0.29000000000000004, 'ratio', '29%'],
    [0.0762, 'ratio', '7.62%'],
    [1, 'ratio', '100%'],
    [85.41666666666667, 'percent', '85.4%'],
    [1.408, 'hours', '1 h 24 min'],
    [2, 'hours', '2 h'],
    [0.4, 'hours', '24 min'],
    [90, 'minutes', '1 h 30 min'],
    [12.5, 'minutes', '12 min 30 s'],
    [45, 'seconds', '45 s'],
    [12.6, 'count', '13'],
    [3.25, 'days', '3.25 days'],
    [1, 'days', '1 day'],
    [32.444, 'score', '32.4'],
  ] as const)('%s in %s is %s', (value, unit, text) => {
    expect(formatValue(value, spec(unit))).toBe(text);
  });

  it('without a unit: three significant digits, or a percentage when the target is one', () => {
    expect(formatValue(32.444, spec())).toBe('32.4');
    expect(formatValue(0.854166, spec(undefined, '>= 90%'))).toBe('85.4%');
    expect(formatValue(1234.5, spec())).toBe('1235');
  });

  it('never prints float noise or exponents', () => {
    expect(significant(0.000012345)).toBe('0.0000123');
    expect(significant(-0.0001)).toBe('-0.0001');
    expect(exactNumber(0.1 + 0.2)).toBe(0.3);
    expect(exactNumber(85.41666666666667)).toBe(85.4166666667);
  });
});
