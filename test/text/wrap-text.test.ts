import { describe, expect, it } from 'vitest';
import { breakLongWords, wrapText } from '../../src/text/wrap-text.js';

describe('breakLongWords', () => {
  it.each([
    ['short words stay', 'a b-c d', 5, 'a b-c d'],
    [
      'an id breaks after hyphens',
      'whatsapp-order-confirmation',
      22,
      'whatsapp-order-\nconfirmation',
    ],
    [
      'a path after slashes',
      'examples/b2b-saas/metrics/x.csv',
      12,
      'examples/\nb2b-saas/\nmetrics/x.\ncsv',
    ],
    ['a word without breaks is split at the width', 'abcdefghij', 4, 'abcd\nefgh\nij'],
    [
      'only the long word of a sentence breaks',
      'see aaaa-bbbb-cccc now',
      10,
      'see aaaa-bbbb-\ncccc now',
    ],
    [
      'a coloured word is left whole',
      '\u001b[2maaaa-bbbb-cccc\u001b[22m',
      5,
      '\u001b[2maaaa-bbbb-cccc\u001b[22m',
    ],
    ['an emoji counts as one', '👍🏽👍🏽👍🏽', 2, '👍🏽👍🏽\n👍🏽'],
  ])('%s', (_what, text, width, expected) => {
    expect(breakLongWords(text, width)).toBe(expected);
  });

  it('lets wrapText keep every character of a word longer than the line', () => {
    expect(wrapText('id: checkout-experience-for-returning-members', 20)).toEqual([
      'id:',
      'checkout-experience-',
      'for-returning-',
      'members',
    ]);
  });
});
