import { describe, expect, it } from 'vitest';
import { closestId } from '../../src/shared/closest-id.js';

const ids = ['welcome-email', 'kickoff-call', 'qbr', 'renewal-reminder', 'renewal-call'];

describe('closestId', () => {
  it.each([
    ['welcome-mail', 'welcome-email'],
    ['Welcome-Email', 'welcome-email'],
    ['kickof-call', 'kickoff-call'],
    ['renewal-cal', 'renewal-call'],
    ['qbrs', 'qbr'],
    ['xyz', undefined],
    ['black-friday-teaser', undefined],
    ['__proto__', undefined],
  ])('%j → %j', (id, expected) => {
    expect(closestId(id, ids)).toBe(expected);
  });
});
