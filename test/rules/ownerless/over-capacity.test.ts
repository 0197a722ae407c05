import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/ownerless/over-capacity.js';
import { inventory, tp } from '../../timeline/factory.js';
import { runRule } from '../../timeline/harness.js';

const touchpoints = [
  tp({ id: 'a', owner: 'cs' }),
  tp({ id: 'b', owner: 'cs' }),
  tp({ id: 'c', owner: 'cs' }),
  tp({ id: 'd', owner: 'marketing' }),
  tp({ id: 'e', owner: undefined }),
];

describe('ownerless/over-capacity', () => {
  it('has its id and runs in validate', () => {
    expect(rule.meta.id).toBe('ownerless/over-capacity');
    expect(rule.meta.defaultSeverity).toBe('warning');
    expect(rule.phase).toBe('validate');
  });

  it.each([
    ['no roster', undefined],
    ['no capacity', [{ id: 'cs' }]],
    ['a count equal to the capacity', [{ id: 'cs', capacity: 3 }]],
    ['an owner with no touchpoints', [{ id: 'sales', capacity: 0 }]],
  ])('accepts %s', (_name, owners) => {
    expect(runRule(rule, inventory({ owners, touchpoints }))).toEqual([]);
  });

  it('reports each owner over capacity at its roster entry', () => {
    const owners = [
      { id: 'cs', capacity: 2 },
      { id: 'marketing', capacity: 0 },
      { id: 'support', capacity: 1 },
    ];
    expect(runRule(rule, inventory({ owners, touchpoints }))).toEqual([
      {
        message: "owner 'cs' carries 3 touchpoints, more than its capacity of 2",
        location: { file: 'touchpoints.yaml', line: 3, column: 5 },
        field: 'owners.cs.capacity',
      },
      {
        message: "owner 'marketing' carries 1 touchpoint, more than its capacity of 0",
        location: { file: 'touchpoints.yaml', line: 4, column: 5 },
        field: 'owners.marketing.capacity',
      },
    ]);
  });
});
