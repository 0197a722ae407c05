import { describe, expect, it } from 'vitest';
import { observed } from '../../events/observed-harness.js';

describe('observed/not-sent', () => {
  it('a scheduled touchpoint no account of its segment received', () => {
    expect(observed([['a1', 'digest', '2025-01-01']])).toEqual([
      "observed/not-sent: 'call' is planned for enterprise but no account of that segment received it in the event logs (2025-01-01..2025-01-31)",
    ]);
  });
});
