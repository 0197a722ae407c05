import { describe, expect, it } from 'vitest';
import { editDistance, maxSuggestionDistance, suggest } from '../../src/shared/suggest.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['cs', 'cs', 0],
    ['kitten', 'sitting', 3],
    ['onbaording', 'onboarding', 1],
    ['ca', 'ac', 1],
    ['email', 'emial', 1],
    ['sms', 'smss', 1],
    ['video-call', 'videocall', 1],
    ['abc', 'xyz', 3],
  ])('%j → %j is %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });
});

describe('maxSuggestionDistance', () => {
  it.each([
    ['c', 1],
    ['cs', 1],
    ['sales', 1],
    ['marketing', 3],
    ['customer-success', 5],
  ])('%j allows %i edits', (word, expected) => {
    expect(maxSuggestionDistance(word)).toBe(expected);
  });
});

describe('suggest', () => {
  const owners = ['cs', 'marketing', 'sales', 'support'];

  it.each<[string, string[], string | undefined]>([
    ['cx', owners, 'cs'],
    ['CS', owners, 'cs'],
    ['markting', owners, 'marketing'],
    ['marekting', owners, 'marketing'],
    ['salse', owners, 'sales'],
    ['suport', owners, 'support'],
    ['finance', owners, undefined],
    ['', owners, undefined],
    ['   ', owners, undefined],
    ['cs', [], undefined],
    ['onbaording', ['awareness', 'onboarding', 'adoption'], 'onboarding'],
    ['e-mail', ['email', 'sms'], 'email'],
    ['xyz', ['abc'], undefined],
    ['cs-team', owners, 'cs'],
    ['Support_Tier2', owners, 'support'],
    ['email-newsletter', ['sms', 'email'], 'email'],
    ['team', owners, undefined],
    ['cs', ['cs-team'], undefined],
  ])('%j among %j → %j', (word, candidates, expected) => {
    expect(suggest(word, candidates)).toBe(expected);
  });

  // Touchpoint ids and lifecycle anchors (gap/undocumented-touchpoint, observed/unplanned,
  // events.accounts.lifecycle) go through the same suggest().
  const ids = ['welcome-email', 'kickoff-call', 'qbr', 'renewal-reminder', 'renewal-call'];
  it.each<[string, string | undefined]>([
    ['welcome-mail', 'welcome-email'],
    ['Welcome-Email', 'welcome-email'],
    ['kickof-call', 'kickoff-call'],
    ['kikcoff-call', 'kickoff-call'],
    ['qrb', 'qbr'],
    ['renewal-reminder-v2x', 'renewal-reminder'],
    ['renewal-cal', 'renewal-call'],
    ['qbrs', 'qbr'],
    ['xyz', undefined],
    ['black-friday-teaser', undefined],
    ['__proto__', undefined],
    ['golive', 'go-live'],
  ])('touchpoint id %j → %j', (id, expected) => {
    expect(suggest(id, [...ids, 'contract-start', 'go-live', 'renewal'])).toBe(expected);
  });

  it('prefers the closest candidate over the first one', () => {
    expect(suggest('salesz', ['sale', 'sales'])).toBe('sales');
  });

  it('breaks ties by candidate order', () => {
    expect(suggest('cat', ['bat', 'cot'])).toBe('bat');
    expect(suggest('cat', ['cot', 'bat'])).toBe('cot');
  });

  it('accepts any iterable', () => {
    expect(suggest('smss', new Set(['sms', 'email']))).toBe('sms');
  });
});
