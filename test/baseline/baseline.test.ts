import { describe, expect, it } from 'vitest';

import {
  applyBaseline,
  createBaseline,
  fingerprint,
  parseBaseline,
  serializeBaseline,
} from '../../src/baseline/index.js';
import { InputError } from '../../src/errors.js';
import type { Finding } from '../../src/types.js';

function finding(partial: Partial<Finding> & Pick<Finding, 'rule'>): Finding {
  return {
    severity: 'error',
    message: 'something',
    messageId: 'x',
    data: {},
    location: { file: 'touchpoints.yaml', line: 1, column: 1 },
    ...partial,
  };
}

const collision = finding({
  rule: 'overlap/collision',
  touchpoint: 'qbr',
  related: ['renewal-reminder', 'health-check'],
  message: 'qbr and renewal-reminder land on day 335 for enterprise',
  location: { file: 'touchpoints.yaml', line: 40, column: 5 },
});
const missingOwner = finding({
  rule: 'ownerless/missing-owner',
  touchpoint: 'nps-survey',
  field: 'owner',
  location: { file: 'touchpoints.yaml', line: 80, column: 5 },
});
const badRow = finding({
  rule: 'metrics/bad-row',
  severity: 'warning',
  location: { file: 'metrics/a.csv', line: 7, column: 1 },
});

describe('fingerprint', () => {
  it('is 16 lowercase hex digits', () => {
    expect(fingerprint(collision)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('ignores position, message, severity and the order of related ids', () => {
    const moved = {
      ...collision,
      severity: 'warning' as const,
      message: 'qbr and renewal-reminder land on day 300 for enterprise',
      location: { file: 'other.yaml', line: 400, column: 9, endLine: 401, endColumn: 3 },
      related: ['health-check', 'renewal-reminder'],
    };
    expect(fingerprint(moved)).toBe(fingerprint(collision));
  });

  it.each([
    ['rule', { rule: 'overlap/density' }],
    ['touchpoint', { touchpoint: 'kickoff' }],
    ['field', { field: 'owner' }],
    ['related', { related: ['renewal-reminder'] }],
  ])('changes with the %s', (_name, change) => {
    expect(fingerprint({ ...collision, ...change })).not.toBe(fingerprint(collision));
  });

  it('does not confuse a missing touchpoint with an empty one', () => {
    expect(fingerprint({ rule: 'gap/silence' })).not.toBe(
      fingerprint({ rule: 'gap/silence', touchpoint: '' }),
    );
  });

  it('is stable across versions (golden value)', () => {
    expect(
      fingerprint({ rule: 'ownerless/missing-owner', touchpoint: 'nps-survey', field: 'owner' }),
    ).toBe(fingerprint(missingOwner));
    expect(fingerprint(missingOwner)).toBe('cbfeee4dbb8c6f19');
  });
});

describe('createBaseline', () => {
  it('sorts entries, sorts related ids, skips waived findings and keeps duplicates', () => {
    const waived = finding({ rule: 'gap/silence', waived: { reason: 'seasonal' } });
    const baseline = createBaseline([missingOwner, badRow, collision, waived, badRow]);
    expect(baseline).toEqual({
      version: 1,
      tool: 'touchpoint-audit',
      entries: [
        { fingerprint: fingerprint(badRow), rule: 'metrics/bad-row' },
        { fingerprint: fingerprint(badRow), rule: 'metrics/bad-row' },
        {
          fingerprint: fingerprint(collision),
          rule: 'overlap/collision',
          touchpoint: 'qbr',
          related: ['health-check', 'renewal-reminder'],
        },
        {
          fingerprint: fingerprint(missingOwner),
          rule: 'ownerless/missing-owner',
          touchpoint: 'nps-survey',
          field: 'owner',
        },
      ],
    });
  });

  it('gives byte-identical text for the same findings in any order', () => {
    const a = serializeBaseline(createBaseline([missingOwner, badRow, collision]));
    const b = serializeBaseline(createBaseline([collision, missingOwner, badRow]));
    expect(a).toBe(b);
    expect(a.endsWith('}\n')).toBe(true);
  });

  it('round-trips through parseBaseline', () => {
    const baseline = createBaseline([missingOwner, badRow, collision]);
    expect(parseBaseline(serializeBaseline(baseline), 'b.json')).toEqual(baseline);
  });
});

describe('parseBaseline', () => {
  it.each([
    ['{', 'b.json: not a valid baseline: invalid JSON ('],
    ['[]', 'b.json: not a valid baseline: expected a JSON object'],
    [
      '{"version":2,"entries":[]}',
      'b.json: not a valid baseline: unsupported version 2 (expected 1)',
    ],
    ['{"entries":[]}', 'b.json: not a valid baseline: unsupported version undefined (expected 1)'],
    [
      '{"version":1,"tool":"eslint","entries":[]}',
      'b.json: not a valid baseline: "tool" must be "touchpoint-audit"',
    ],
    ['{"version":1}', 'b.json: not a valid baseline: "entries" must be an array'],
    ['{"version":1,"entries":[3]}', 'b.json: not a valid baseline: entries[0]: must be an object'],
    [
      '{"version":1,"entries":[{"fingerprint":"0123456789abcdef"}]}',
      'b.json: not a valid baseline: entries[0]: "rule" must be a non-empty string',
    ],
    [
      '{"version":1,"entries":[{"rule":"gap/silence","fingerprint":"xyz"}]}',
      'b.json: not a valid baseline: entries[0]: "fingerprint" must be 16 lowercase hex digits',
    ],
    [
      '{"version":1,"entries":[{"rule":"gap/silence","touchpoint":7}]}',
      'b.json: not a valid baseline: entries[0]: "touchpoint" must be a string',
    ],
    [
      '{"version":1,"entries":[{"rule":"gap/silence","related":"a"}]}',
      'b.json: not a valid baseline: entries[0]: "related" must be an array of strings',
    ],
  ])('rejects %s with a one-line InputError', (text, message) => {
    let caught: unknown;
    try {
      parseBaseline(text, 'b.json');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InputError);
    const { message: actual, exitCode } = caught as InputError;
    expect(actual.startsWith(message)).toBe(true);
    expect(actual).not.toContain('\n');
    expect(exitCode).toBe(2);
  });

  it('derives a missing fingerprint from the entry, like a finding', () => {
    const parsed = parseBaseline(
      '\uFEFF{"version":1,"entries":[{"rule":"ownerless/missing-owner","touchpoint":"nps-survey","field":"owner"}]}',
      'b.json',
    );
    expect(parsed.entries).toEqual([
      {
        fingerprint: fingerprint(missingOwner),
        rule: 'ownerless/missing-owner',
        touchpoint: 'nps-survey',
        field: 'owner',
      },
    ]);
  });
});

describe('applyBaseline', () => {
  it('marks known findings, leaves new ones and reports fixed ones as stale', () => {
    const baseline = createBaseline([collision, missingOwner]);
    const newProblem = finding({
      rule: 'ownerless/placeholder-owner',
      touchpoint: 'qbr',
      field: 'owner',
    });
    const movedCollision = {
      ...collision,
      location: { file: 'touchpoints.yaml', line: 99, column: 5 },
    };
    const input = [movedCollision, newProblem];
    const result = applyBaseline(input, baseline);
    expect(result.findings).toEqual([{ ...movedCollision, baselined: true }, newProblem]);
    expect(result.stale).toEqual([
      {
        fingerprint: fingerprint(missingOwner),
        rule: 'ownerless/missing-owner',
        touchpoint: 'nps-survey',
      },
    ]);
    expect(input[0]).not.toHaveProperty('baselined');
  });

  it('lets a fingerprint listed N times cover at most N findings', () => {
    const baseline = createBaseline([badRow, badRow]);
    const result = applyBaseline([badRow, badRow, badRow], baseline);
    expect(result.findings.map((f) => f.baselined)).toEqual([true, true, undefined]);
    expect(result.stale).toEqual([]);
  });

  it('reports each unmatched duplicate entry as stale', () => {
    const baseline = createBaseline([badRow, badRow, badRow]);
    const result = applyBaseline([badRow], baseline);
    expect(result.findings.map((f) => f.baselined)).toEqual([true]);
    expect(result.stale).toEqual([
      { fingerprint: fingerprint(badRow), rule: 'metrics/bad-row' },
      { fingerprint: fingerprint(badRow), rule: 'metrics/bad-row' },
    ]);
  });
});
