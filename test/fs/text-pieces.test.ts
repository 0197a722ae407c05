import { describe, expect, it } from 'vitest';
import { textPieces } from '../../src/fs/text-pieces.js';

describe('textPieces', () => {
  it('joins consecutive chunks into pieces of at most the limit, in order', () => {
    expect([...textPieces(['ab', 'cd', 'e', 'fghi', 'j'], 4)]).toEqual(['abcd', 'e', 'fghi', 'j']);
  });

  it('keeps a chunk longer than the limit whole, so no character is cut', () => {
    expect([...textPieces(['a', '😀😀😀', 'b'], 2)]).toEqual(['a', '😀😀😀', 'b']);
  });

  it('gives plain text as one piece and nothing for no chunks', () => {
    expect([...textPieces('a long text', 2)]).toEqual(['a long text']);
    expect([...textPieces([], 2)]).toEqual([]);
  });

  it('never yields a piece over the limit from chunks under it (100,000 chunks)', () => {
    const chunks = Array.from({ length: 100_000 }, (_, i) => 'x'.repeat(i % 37));
    const pieces = [...textPieces(chunks, 1000)];
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThanOrEqual(1000);
    expect(pieces.join('')).toBe(chunks.join(''));
  });
});
