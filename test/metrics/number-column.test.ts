import { describe, expect, it } from 'vitest';
import { numberEvidence, numberWithMark } from '../../src/metrics/number-column.js';
import { durationSeconds, stripCurrency } from '../../src/metrics/parse-number.js';

describe('numberEvidence: what a cell says about its decimal mark', () => {
  it.each([
    ['12.5', '.'],
    ['0.546', '.'],
    ['121401.0', '.'],
    ['1,234.5', '.'],
    ['1,234,567', '.'],
    ['1e3', '.'],
    ['1,15', ','],
    ['99,88', ','],
    ['1.234,5', ','],
    ['16.647.000', ','],
    ['0,546', ','],
    ['2.546', 'either'],
    ['1,234', 'either'],
    ['874', 'neutral'],
    ['1 234', 'neutral'],
    ['-2.546', 'either'],
    ['1.2.3', 'none'],
    ['15.01.2026', 'none'],
    ['abc', 'none'],
    ['1,234.5.6', 'none'],
  ])('%j → %s', (text, evidence) => {
    expect(numberEvidence(text)).toBe(evidence);
  });
});

describe('numberWithMark', () => {
  it.each([
    ['2.546', ',', 2546],
    ['2.546', '.', 2.546],
    ['1,234', '.', 1234],
    ['1,234', ',', 1.234],
    ['1.234.567,89', ',', 1234567.89],
    ['-1 234,5', ',', -1234.5],
    ['12', ',', 12],
  ] as const)('%j with %j → %d', (text, mark, value) => {
    expect(numberWithMark(text, mark)).toBe(value);
  });
});

describe('currencies and durations', () => {
  it.each([
    ['US$ 0,00', '0,00'],
    ['€ 1.234,56', '1.234,56'],
    ['Rp 1.250.000', '1.250.000'],
    ['12,50 €', '12,50'],
    ['$1,234.56', '1,234.56'],
    ['USD 10', '10'],
    ['42', '42'],
  ])('%j → %j', (text, bare) => {
    expect(stripCurrency(text)).toBe(bare);
  });

  it.each([
    ['01:30:00', 5400],
    ['0:00:51', 51],
    ['12:00:00.5', 43200.5],
    ['1:30', NaN],
    ['1:75:00', NaN],
  ])('%j → %d seconds', (text, seconds) => {
    expect(durationSeconds(text)).toBe(seconds);
  });
});
