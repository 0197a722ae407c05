import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/schema/unknown-key.js';
import { entry, HEADER, validateText } from '../../helpers/validate-text.js';

describe('schema/unknown-key', () => {
  it('is an error of the validate phase', () => {
    expect(rule.meta.id).toBe('schema/unknown-key');
    expect(rule.meta.defaultSeverity).toBe('error');
    expect(rule.phase).toBe('validate');
  });

  it('reports a misspelt key with a suggestion, and a custom key with where it belongs', () => {
    expect(validateText(HEADER + entry() + '    chanel: email\n')).toEqual([
      "15:5 schema/unknown-key unknown key 'chanel' in touchpoint 'welcome-email' — did you mean 'channel'?",
    ]);
    expect(validateText(HEADER + entry() + '    budget: 100\n')).toEqual([
      "15:5 schema/unknown-key unknown key 'budget' in touchpoint 'welcome-email' (custom data goes under meta:)",
    ]);
  });

  it('accepts custom data under meta:', () => {
    expect(validateText(HEADER + entry() + '    meta: { budget: 100 }\n')).toEqual([]);
  });
});
