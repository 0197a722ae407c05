import { describe, expect, it } from 'vitest';
import { observed, weekly } from '../../events/observed-harness.js';

describe('observed/collision', () => {
  it('two touches of one account on the same day: the pair, once', () => {
    expect(observed([...weekly('a1'), ['a1', 'call', '2025-01-15']])).toEqual([
      "observed/collision: 1 account (100%) received both 'call' and 'digest' inside the collision window, 1 time in all; first: a1 on 2025-01-15",
    ]);
  });
});
