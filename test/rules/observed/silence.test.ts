import { describe, expect, it } from 'vitest';
import { observed } from '../../events/observed-harness.js';

describe('observed/silence', () => {
  it('names the accounts silent for longer than the limit, from the window start', () => {
    const everyDay = (account: string): [string, string, string][] =>
      Array.from({ length: 31 }, (_, i) => [
        account,
        i % 2 === 0 ? 'digest' : 'call',
        `2025-01-${String(i + 1).padStart(2, '0')}`,
      ]);
    const result = observed([...everyDay('a2'), ['a1', 'support', '2025-01-05']], 21);
    expect(result.filter((f) => f.startsWith('observed/silence'))).toEqual([
      'observed/silence: 1 of 2 enterprise accounts (50%) went longer than 21 days without a proactive touch; longest: a1 (30 days, 2025-01-01..2025-01-31)',
    ]);
  });
});
