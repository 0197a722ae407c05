import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/schema/syntax.js';
import { entry, HEADER, validateText } from '../../helpers/validate-text.js';

describe('schema/syntax', () => {
  it('is an error of the validate phase', () => {
    expect(rule.meta.id).toBe('schema/syntax');
    expect(rule.meta.defaultSeverity).toBe('error');
    expect(rule.phase).toBe('validate');
  });

  it('reports YAML that does not parse, at its position', () => {
    expect(validateText('version: 1\ntouchpoints: [a, b\n')).toEqual([
      '3:1 schema/syntax YAML syntax error: flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
    expect(validateText('version: 1\njourney: b2c\njourney: b2b-saas\n')).toEqual([
      '3:1 schema/syntax duplicate key: a key may appear only once in a mapping',
    ]);
  });

  it('accepts well-formed YAML', () => {
    expect(validateText(HEADER + entry())).toEqual([]);
  });
});
