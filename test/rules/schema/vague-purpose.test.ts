import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/schema/vague-purpose.js';
import { entry, HEADER, validateText } from '../../helpers/validate-text.js';

describe('schema/vague-purpose', () => {
  it('runs in the validate phase', () => {
    expect(rule.meta.id).toBe('schema/vague-purpose');
    expect(rule.phase).toBe('validate');
  });

  it('reports a placeholder purpose', () => {
    expect(validateText(HEADER + entry({ purpose: 'TBD' }))).toEqual([
      "10:5 schema/vague-purpose purpose of touchpoint 'welcome-email' is a placeholder ('TBD'): write a sentence saying what it is for",
    ]);
  });

  it('accepts a sentence', () => {
    expect(validateText(HEADER + entry())).toEqual([]);
  });
});
