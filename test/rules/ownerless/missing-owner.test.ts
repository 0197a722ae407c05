import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/ownerless/missing-owner.js';
import { inventory, tp } from '../../timeline/factory.js';
import { runRule } from '../../timeline/harness.js';

describe('ownerless/missing-owner', () => {
  it('has its id and runs in validate', () => {
    expect(rule.meta.id).toBe('ownerless/missing-owner');
    expect(rule.meta.defaultSeverity).toBe('error');
    expect(rule.phase).toBe('validate');
  });

  it.each([
    ['an owner', 'cs'],
    ['a placeholder owner (another rule)', 'TBD'],
    ['an empty owner (another rule)', ''],
  ])('accepts %s', (_name, owner) => {
    expect(runRule(rule, inventory({ touchpoints: [tp({ id: 'a', owner })] }))).toEqual([]);
  });

  it('reports each touchpoint without an owner once, at the entry', () => {
    const inv = inventory({
      touchpoints: [
        tp({ id: 'a' }),
        tp({ id: 'b', owner: undefined }),
        tp({ id: 'c', owner: undefined }),
      ],
    });
    expect(runRule(rule, inv)).toEqual([
      {
        message: "'b' has no owner",
        location: { file: 'touchpoints.yaml', line: 20, column: 5, path: 'touchpoints[1]' },
        touchpoint: 'b',
        field: 'owner',
      },
      {
        message: "'c' has no owner",
        location: { file: 'touchpoints.yaml', line: 30, column: 5, path: 'touchpoints[2]' },
        touchpoint: 'c',
        field: 'owner',
      },
    ]);
  });
});
