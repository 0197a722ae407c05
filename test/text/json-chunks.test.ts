import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonChunks } from '../../src/text/json-chunks.js';

const HOSTILE_TEXT = [
  'line\nbreak\r\nand\rCR',
  '\u0000\u0001\u001b[2K\u007f\u009b',
  '\u2028\u2029 \u202e bidi',
  '"quoted" \\ back\\slash /',
  'emoji 😀 and a lone \ud800 surrogate \udfff',
  'Bahasa: Pelanggan baru — é ü ß 中文',
  '',
];

/** A value with everything JSON.stringify treats specially, at several depths. */
const hostileValue = {
  version: 1,
  'key\nwith "quotes"': HOSTILE_TEXT,
  empty: { array: [], object: {}, nested: [[], {}, [[]]] },
  numbers: [0, -0, 1.5e300, Number.NaN, Number.POSITIVE_INFINITY, -1],
  left: { undefinedMember: undefined, fn: () => 1, symbol: Symbol('s'), kept: null },
  holes: [undefined, () => 1, Symbol('s'), null, false],
  dated: { at: new Date(Date.UTC(2026, 11, 6)), inArray: [new Date(0)] },
  custom: { toJSON: () => ({ replaced: 'by toJSON\n' }) },
  noPrototype: Object.assign(Object.create(null) as object, { a: [1, { b: HOSTILE_TEXT }] }),
  findings: HOSTILE_TEXT.map((message, i) => ({
    rule: 'gap/no-data',
    message,
    data: { members: [message, i], deep: { deeper: [{ deepest: message }] } },
    location: { file: `${message}.yaml`, line: i + 1, column: 1 },
  })),
};

const joined = (value: unknown, levels: number): string => [...jsonChunks(value, levels)].join('');

describe('jsonChunks', () => {
  it('is JSON.stringify(value, null, 2) byte for byte at every split depth, on hostile values', () => {
    const expected = JSON.stringify(hostileValue, null, 2);
    for (let levels = 0; levels <= 8; levels++) {
      expect(joined(hostileValue, levels), `levels ${levels}`).toBe(expected);
    }
  });

  it('writes scalars, empty containers and values without JSON as JSON.stringify does', () => {
    for (const value of [null, 1, 'a\nb', true, [], {}, [[]], { a: {} }, new Date(0)]) {
      expect(joined(value, 3)).toBe(JSON.stringify(value, null, 2));
    }
    expect([...jsonChunks(undefined, 3)]).toEqual([]);
  });

  it('is JSON.stringify on generated values (seeded fast-check)', () => {
    fc.assert(
      fc.property(
        fc.anything({
          maxDepth: 5,
          withNullPrototype: true,
          withDate: true,
          withSparseArray: true,
          stringUnit: 'binary',
          key: fc.string({ unit: 'binary' }),
        }),
        fc.integer({ min: 0, max: 6 }),
        (value, levels) => {
          // A value with no JSON at all (undefined, a function) gives no chunk.
          expect(joined(value, levels)).toBe(
            (JSON.stringify(value, null, 2) as string | undefined) ?? '',
          );
        },
      ),
      { seed: 20261206, numRuns: 300 },
    );
  });

  it('splits the first levels member by member and keeps deeper values whole', () => {
    const value = { a: [{ b: [1, 2] }, 3], c: 'x' };
    expect([...jsonChunks(value, 2)]).toEqual([
      '{\n  "a": ',
      '[\n    ',
      '{\n      "b": [\n        1,\n        2\n      ]\n    }',
      ',\n    ',
      '3',
      '\n  ]',
      ',\n  "c": ',
      '"x"',
      '\n}',
    ]);
  });
});
