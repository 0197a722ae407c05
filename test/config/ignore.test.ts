import { describe, expect, it } from 'vitest';
import { ignoreMatcher } from '../../src/config/ignore.js';

describe('ignoreMatcher', () => {
  it('is undefined without globs', () => {
    expect(ignoreMatcher([])).toBeUndefined();
  });

  it.each<[string, boolean]>([
    ['internal-test', true],
    ['.internal-test', false],
    ['.probe', true],
    ['promo', false],
  ])('%j ignored: %j', (id, expected) => {
    expect(ignoreMatcher(['internal-*', '*probe'])?.(id)).toBe(expected);
  });
});
