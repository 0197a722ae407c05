import { describe, expect, it } from 'vitest';
import { observed, weekly } from '../../events/observed-harness.js';

describe('observed/unplanned', () => {
  it('an id the inventory does not have, with a close inventory id', () => {
    expect(observed([...weekly('a1'), ['a1', 'digets', '2025-01-02']])).toEqual([
      "observed/unplanned: 'digets' was sent 1 time (first on 2025-01-02) but is not in the inventory (did you mean 'digest'?)",
    ]);
  });
});
