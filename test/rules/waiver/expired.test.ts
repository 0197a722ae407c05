import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/config/config.js';
import rule from '../../../src/rules/waiver/expired.js';
import { entry, HEADER, validateText } from '../../helpers/validate-text.js';

// validateText audits as of 2026-11-15; the entry's placeholder owner gives a finding to waive.
function withWaiver(expires: string) {
  const config = defaultConfig();
  config.file = 'touchpoint.config.yaml';
  config.waivers = [
    {
      rule: 'ownerless/placeholder-owner',
      touchpoint: 'welcome-email',
      reason: 'The new team starts in spring.',
      expires,
      location: { file: 'touchpoint.config.yaml', line: 4, column: 5 },
    },
  ];
  return validateText(HEADER + entry({ owner: 'TBD' }), config);
}

describe('waiver/expired', () => {
  it('is a warning of the validate phase', () => {
    expect(rule.meta.id).toBe('waiver/expired');
    expect(rule.meta.defaultSeverity).toBe('warning');
    expect(rule.phase).toBe('validate');
  });

  it('reports a waiver past its date, whose finding counts again', () => {
    expect(withWaiver('2026-01-31')).toEqual([
      "12:5 ownerless/placeholder-owner 'welcome-email' has a placeholder owner 'TBD'",
      "4:5 waiver/expired the waiver for ownerless/placeholder-owner on 'welcome-email' expired on 2026-01-31 and no longer applies",
    ]);
  });

  it('is silent while the waiver holds', () => {
    expect(withWaiver('2027-06-30')).toEqual([
      "12:5 ownerless/placeholder-owner 'welcome-email' has a placeholder owner 'TBD'",
    ]);
  });
});
