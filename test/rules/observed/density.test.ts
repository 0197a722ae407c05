import { describe, expect, it } from 'vitest';
import { observed, weekly } from '../../events/observed-harness.js';

describe('observed/density', () => {
  it('a steady weekly account raises nothing', () => {
    expect(observed(weekly('a1'))).toEqual([]);
  });

  it('more than 3 non-transactional touches in 7 days; transactional ones are exempt', () => {
    expect(
      observed([
        ...weekly('a1'),
        ['a1', 'digest', '2025-01-09'],
        ['a1', 'call', '2025-01-11'],
        ['a1', 'receipt', '2025-01-12'],
        ['a1', 'digest', '2025-01-13'],
        ...weekly('a2'),
        ['a2', 'receipt', '2025-01-09'],
        ['a2', 'receipt', '2025-01-11'],
        ['a2', 'receipt', '2025-01-13'],
      ]),
    ).toEqual([
      'observed/density: 1 of 2 enterprise accounts (50%) received more than 3 proactive touches in 7 days; most: a1 (4 touches, first on 2025-01-13)',
    ]);
  });
});
