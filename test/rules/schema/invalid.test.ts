import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/schema/invalid.js';
import { entry, HEADER, validateText } from '../../helpers/validate-text.js';

describe('schema/invalid', () => {
  it('is an error of the validate phase', () => {
    expect(rule.meta.id).toBe('schema/invalid');
    expect(rule.meta.defaultSeverity).toBe('error');
    expect(rule.phase).toBe('validate');
  });

  it('reports a missing required field at the entry', () => {
    expect(validateText(HEADER + entry({ metric: '' }))).toEqual([
      "8:5 schema/invalid touchpoint 'welcome-email' has no metric",
    ]);
  });

  it('reports a top level that is not a mapping', () => {
    expect(validateText('- just\n- a list\n')).toEqual([
      '1:1 schema/invalid the top level of an inventory file must be a mapping of keys (version, touchpoints, …)',
    ]);
  });

  it('accepts a complete touchpoint', () => {
    expect(validateText(HEADER + entry())).toEqual([]);
  });
});
