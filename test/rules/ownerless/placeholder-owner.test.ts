import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/ownerless/placeholder-owner.js';
import { inventory, tp } from '../../timeline/factory.js';
import { runRule } from '../../timeline/harness.js';

describe('ownerless/placeholder-owner', () => {
  it('has its id and runs in validate', () => {
    expect(rule.meta.id).toBe('ownerless/placeholder-owner');
    expect(rule.meta.defaultSeverity).toBe('error');
    expect(rule.phase).toBe('validate');
  });

  it.each([['cs'], ['Customer Success'], ['tbd-team']])('accepts %j', (owner) => {
    expect(runRule(rule, inventory({ touchpoints: [tp({ id: 'a', owner })] }))).toEqual([]);
  });

  it('ignores a missing owner (missing-owner reports it)', () => {
    expect(runRule(rule, inventory({ touchpoints: [tp({ id: 'a', owner: undefined })] }))).toEqual(
      [],
    );
  });

  it.each([
    ['TBD', "'a' has a placeholder owner 'TBD'"],
    ['unknown', "'a' has a placeholder owner 'unknown'"],
    ['N/A', "'a' has a placeholder owner 'N/A'"],
    ['None', "'a' has a placeholder owner 'None'"],
    ['-', "'a' has a placeholder owner '-'"],
    ['?', "'a' has a placeholder owner '?'"],
    ['', "'a' has an empty owner"],
    ['   ', "'a' has an empty owner"],
  ])('reports %j at the owner field', (owner, message) => {
    expect(runRule(rule, inventory({ touchpoints: [tp({ id: 'a', owner })] }))).toEqual([
      {
        message,
        location: { file: 'touchpoints.yaml', line: 14, column: 12, path: 'touchpoints[0].owner' },
        touchpoint: 'a',
        field: 'owner',
      },
    ]);
  });
});
