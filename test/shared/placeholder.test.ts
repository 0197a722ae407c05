import { describe, expect, it } from 'vitest';
import { isPlaceholder } from '../../src/shared/placeholder.js';

describe('isPlaceholder', () => {
  it.each([
    '',
    '  ',
    'TBD',
    'tbd',
    ' Unknown ',
    'N/A',
    'n/a',
    'none',
    'NONE',
    '-',
    '—',
    '?',
    '???',
    '...',
    'todo',
    'TBA',
  ])('%j is a placeholder', (text) => {
    expect(isPlaceholder(text)).toBe(true);
  });

  it.each(['cs', 'Customer Success', 'marketing-ops', 'ana', 'x-team', 'tbd-team'])(
    '%j is not a placeholder',
    (text) => {
      expect(isPlaceholder(text)).toBe(false);
    },
  );
});
