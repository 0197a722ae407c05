import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/schema/unknown-reference.js';
import { entry, HEADER, validateText } from '../../helpers/validate-text.js';

describe('schema/unknown-reference', () => {
  it('is an error of the validate phase', () => {
    expect(rule.meta.id).toBe('schema/unknown-reference');
    expect(rule.meta.defaultSeverity).toBe('error');
    expect(rule.phase).toBe('validate');
  });

  it('reports a stage outside the journey, with a suggestion', () => {
    expect(validateText(HEADER + entry({ stage: 'onbording' }))).toEqual([
      "9:5 schema/unknown-reference stage 'onbording' of touchpoint 'welcome-email' is not a stage of the b2b-saas journey — did you mean 'onboarding'?",
    ]);
  });

  it('reports an unknown channel, and accepts a known one', () => {
    expect(validateText(HEADER + entry({ channel: 'fax' }))).toEqual([
      "11:5 schema/unknown-reference channel 'fax' of touchpoint 'welcome-email' is not a known channel (add custom channels under channels: in the config)",
    ]);
    expect(validateText(HEADER + entry({ channel: 'in-app' }))).toEqual([]);
  });
});
