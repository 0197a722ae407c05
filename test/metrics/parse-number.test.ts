import { describe, expect, it } from 'vitest';
import { isMissingCell, parseNumber } from '../../src/metrics/parse-number.js';

describe('parseNumber', () => {
  it.each([
    // text, decimal comma file (`;` or tab), expected
    ['0.45', false, 0.45],
    ['-3', false, -3],
    ['+2', false, 2],
    ['.5', false, 0.5],
    ['1e3', false, 1000],
    ['1.234', false, 1.234],
    ['1,234', false, 1234],
    ['4,5', false, 4.5],
    ['1234,5', false, 1234.5],
    ['1,234.5', false, 1234.5],
    ['12,345,678', false, 12345678],
    ['2 500', false, 2500],
    ["1'234.5", false, 1234.5],
    ['\u22125', false, -5],
    ['0,45', true, 0.45],
    ['6,5', true, 6.5],
    ['1,234', true, 1.234],
    ['1.234,5', true, 1234.5],
    ['-1.234,5', true, -1234.5],
    ['1\u00a0234,5', true, 1234.5],
    ['1\u202f234,5', true, 1234.5],
    ['1.234.567', true, 1234567],
    ['0.72', true, 0.72],
    [',5', true, 0.5],
  ])('%j (decimal comma %s) → %d', (text, decimalComma, expected) => {
    expect(parseNumber(text, decimalComma)).toBe(expected);
  });

  it.each([
    ['abc', false],
    ['NaN', false],
    ['Infinity', false],
    ['0x10', false],
    ['1,23,456', false],
    ['1.234.5', true],
    ['12 34', false],
    ['1,5e3', true],
    ['--1', false],
  ])('%j (decimal comma %s) is not a number', (text, decimalComma) => {
    expect(parseNumber(text, decimalComma)).toBeNaN();
  });

  it.each([
    ['1e309', Infinity],
    ['-1e309', -Infinity],
  ])('%j overflows to %d', (text, expected) => {
    expect(parseNumber(text, false)).toBe(expected);
  });
});

describe('isMissingCell', () => {
  it.each(['', 'N/A', 'n/a', 'NA', '#N/A', 'null', 'NULL', 'none', '-', '–', '—'])(
    '%j is missing',
    (text) => {
      expect(isMissingCell(text)).toBe(true);
    },
  );
  it.each(['0', 'nan', 'n/a!', 'nothing'])('%j is not missing', (text) => {
    expect(isMissingCell(text)).toBe(false);
  });
});

describe('parseNumber fast path', () => {
  it('gives exactly what Number() gives for plain decimals, with either decimal mark', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 20_000; i++) {
      const int = String(next() % 10 ** (next() % 8));
      const frac = String(next()).slice(0, next() % 8);
      const sign = next() % 4 === 0 ? '-' : '';
      const text = frac === '' ? `${sign}${int}` : `${sign}${int}.${frac}`;
      expect(parseNumber(text, false)).toBe(Number(text));
      expect(parseNumber(text.replace('.', ','), true)).toBe(Number(text));
    }
  });
});
