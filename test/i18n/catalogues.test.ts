import { describe, expect, it } from 'vitest';
import { VENDOR_NAMES_ID } from '../../src/i18n/display-names.js';
import { textKeys } from '../../src/i18n/fill-text.js';
import { UI_EN } from '../../src/i18n/ui-en.js';
import type { UiKey } from '../../src/i18n/ui-en.js';
import { UI_ID } from '../../src/i18n/ui-id.js';
import { VENDOR_PROFILES } from '../../src/metrics/vendors/profiles.js';

const sorted = (template: string): string[] => [...new Set(textKeys(template))].sort();

describe('UI strings', () => {
  it('every English UI string has an Indonesian one with the same placeholders', () => {
    const keys = Object.keys(UI_EN) as UiKey[];
    expect(Object.keys(UI_ID).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect({ key, placeholders: sorted(UI_ID[key]) }).toEqual({
        key,
        placeholders: sorted(UI_EN[key]),
      });
      expect(UI_ID[key], key).not.toBe('');
    }
  });
});

describe('vendor profile names', () => {
  it('every vendor profile has an Indonesian name, and no name is left without a profile', () => {
    expect(Object.keys(VENDOR_NAMES_ID).sort()).toEqual(VENDOR_PROFILES.map((p) => p.id).sort());
  });
});
