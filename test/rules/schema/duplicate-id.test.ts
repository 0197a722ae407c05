import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/schema/duplicate-id.js';
import { entry, HEADER, validateText } from '../../helpers/validate-text.js';

describe('schema/duplicate-id', () => {
  it('is an error of the validate phase', () => {
    expect(rule.meta.id).toBe('schema/duplicate-id');
    expect(rule.meta.defaultSeverity).toBe('error');
    expect(rule.phase).toBe('validate');
  });

  it('reports the second use of an id, pointing at the first', () => {
    expect(validateText(HEADER + entry() + entry())).toEqual([
      "15:9 schema/duplicate-id touchpoint id 'welcome-email' is used twice (first at inventory.yaml:8)",
    ]);
  });

  it('accepts distinct ids', () => {
    expect(validateText(HEADER + entry() + entry({ id: 'day-3-email' }))).toEqual([]);
  });
});
