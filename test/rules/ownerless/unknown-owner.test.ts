import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/ownerless/unknown-owner.js';
import { inventory, tp } from '../../timeline/factory.js';
import { runRule } from '../../timeline/harness.js';

const roster = [{ id: 'cs' }, { id: 'marketing' }, { id: 'support' }];

describe('ownerless/unknown-owner', () => {
  it('has its id and runs in validate', () => {
    expect(rule.meta.id).toBe('ownerless/unknown-owner');
    expect(rule.meta.defaultSeverity).toBe('error');
    expect(rule.phase).toBe('validate');
  });

  it('accepts any owner without a roster', () => {
    expect(runRule(rule, inventory({ touchpoints: [tp({ id: 'a', owner: 'whoever' })] }))).toEqual(
      [],
    );
  });

  it.each([['cs'], ['support'], ['TBD'], [''], [undefined]])(
    'accepts %j with a roster (placeholders and missing owners have their own rules)',
    (owner) => {
      expect(
        runRule(rule, inventory({ owners: roster, touchpoints: [tp({ id: 'a', owner })] })),
      ).toEqual([]);
    },
  );

  it.each([
    ['cx', "owner 'cx' of 'a' is not in the owners roster; did you mean 'cs'?"],
    ['markting', "owner 'markting' of 'a' is not in the owners roster; did you mean 'marketing'?"],
    ['CS', "owner 'CS' of 'a' is not in the owners roster; did you mean 'cs'?"],
    ['cs-team', "owner 'cs-team' of 'a' is not in the owners roster; did you mean 'cs'?"],
    ['finance', "owner 'finance' of 'a' is not in the owners roster"],
  ])('reports %j', (owner, message) => {
    expect(
      runRule(rule, inventory({ owners: roster, touchpoints: [tp({ id: 'a', owner })] })),
    ).toEqual([
      {
        message,
        location: { file: 'touchpoints.yaml', line: 14, column: 12, path: 'touchpoints[0].owner' },
        touchpoint: 'a',
        field: 'owner',
      },
    ]);
  });

  it('treats an empty roster as a roster', () => {
    expect(
      runRule(rule, inventory({ owners: [], touchpoints: [tp({ id: 'a', owner: 'cs' })] })).map(
        (r) => r.message,
      ),
    ).toEqual(["owner 'cs' of 'a' is not in the owners roster"]);
  });
});
