import { defaultConfig } from '../../src/config/config.js';
import type { Config } from '../../src/config/config.js';
import { parseInventoryTexts } from '../../src/inventory/load-inventory.js';
import type { LoadedInventory } from '../../src/inventory/load-inventory.js';
import { validateInventory } from '../../src/validate.js';
import { recordFindings } from '../rules/produced-findings.js';

/** `line:column rule message` for each finding, the form the validation tests compare. */
export function validateText(text: string, config: Config = defaultConfig()): string[] {
  const loaded = parseInventoryTexts([{ file: 'inventory.yaml', text }]);
  const findings = recordFindings(validateInventory(loaded, { config, asOf: '2026-11-15' }));
  return findings.map((f) => `${f.location.line}:${f.location.column} ${f.rule} ${f.message}`);
}

export function loadText(text: string): LoadedInventory {
  return parseInventoryTexts([{ file: 'inventory.yaml', text }]);
}

/** A valid inventory header; append touchpoints to it. */
export const HEADER = `version: 1
journey: b2b-saas
segments: [enterprise, smb]
lifecycle: { contract-start: 0d, go-live: 14d, renewal: 365d }
owners:
  - id: cs
touchpoints:
`;

/** A valid touchpoint entry (7 lines) with overridable fields, indented for HEADER. */
export function entry(fields: Record<string, string> = {}): string {
  const base: Record<string, string> = {
    id: 'welcome-email',
    stage: 'onboarding',
    purpose: 'Welcome new users and show the first three steps.',
    channel: 'email',
    owner: 'cs',
    timing: '{ anchor: go-live, at: 1d }',
    metric: '{ name: open_rate, target: ">= 0.4", unit: ratio }',
    ...fields,
  };
  return Object.entries(base)
    .filter(([, value]) => value !== '')
    .map(([key, value], index) => `${index === 0 ? '  - ' : '    '}${key}: ${value}`)
    .join('\n')
    .concat('\n');
}
