import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DayCache } from '../../src/events/day-cache.js';
import { parseDay } from '../../src/metrics/parse-date.js';

const digit = fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
const digits = (n: number): fc.Arbitrary<string> =>
  fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));
const near = fc.oneof(
  digit,
  fc.constantFrom('-', ':', 'T', 't', ' ', 'Z', '+', '.', 'x', '\u0661'),
);
/** Texts shaped like event timestamps, with every position sometimes wrong. */
const stamp = fc
  .tuple(
    fc.oneof(digits(4), fc.constantFrom('1899', '1900', '2999', '3000', '0000')),
    fc.oneof(digits(2), fc.constantFrom('01', '02', '12', '13', '00')),
    fc.oneof(digits(2), fc.constantFrom('28', '29', '30', '31', '32', '00')),
    fc.constantFrom('', 'T', ' ', ',', 'TT'),
    digits(2),
    digits(2),
    fc.constantFrom('', ':00', ':5', ':59.5'),
    fc.constantFrom('', 'Z', 'z', '+01:00', ' UTC', 'ZZ'),
  )
  .map(([y, m, d, sep, hh, mm, ss, zone]) =>
    sep === '' ? `${y}-${m}-${d}${zone}` : `${y}-${m}-${d}${sep}${hh}:${mm}${ss}${zone}`,
  );
const mutated = fc
  .tuple(stamp, fc.nat(25), near)
  .map(([text, at, c]) => text.slice(0, at) + c + text.slice(at + 1));

describe('the day cache of event timestamps', () => {
  it('gives exactly parseDay for timestamp-like and mutated texts, cached or not', () => {
    const cache = new DayCache();
    fc.assert(
      fc.property(fc.oneof(stamp, mutated, fc.string({ maxLength: 22 })), (text) => {
        expect(cache.day(text)).toBe(parseDay(text));
        expect(cache.day(text)).toBe(parseDay(text));
      }),
      { seed: 15, numRuns: 5_000 },
    );
  });

  it('reads the common shapes and refuses impossible dates', () => {
    const cache = new DayCache();
    expect(cache.day('2025-01-09T08:00:00Z')).toBe(20097);
    expect(cache.day('2025-01-09 08:00')).toBe(20097);
    expect(cache.day('2025-01-09')).toBe(20097);
    expect(cache.day('2025-02-29T08:00:00Z')).toBeNaN();
    expect(cache.day('2025-01-09T8:00:00Z')).toBe(20097);
    expect(cache.day('2025-01-09X08:00:00Z')).toBeNaN();
  });
});
