import { describe, expect, it } from 'vitest';
import { parseUntil } from '../../src/inventory/until.js';

describe('parseUntil', () => {
  it.each([
    ['180d', { offset: 180 }],
    ['-2w', { offset: -14 }],
    ['renewal', { anchor: 'renewal' }],
    ['go-live', { anchor: 'go-live' }],
    ['go-live+90d', { anchor: 'go-live', offset: 90 }],
    ['renewal-30d', { anchor: 'renewal', offset: -30 }],
    ['trial-end+P1W', { anchor: 'trial-end', offset: 7 }],
    ['day-3', { anchor: 'day-3' }],
    ['trial-7d-reminder', { anchor: 'trial-7d-reminder' }],
  ])('%s', (text, until) => {
    expect(parseUntil(text)).toEqual(until);
  });
});
