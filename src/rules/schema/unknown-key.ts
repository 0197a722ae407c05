import { defineRule } from '../rule.js';

import type { SchemaEntry } from './invalid.js';

/** The facts of an unknown key (src/schema/translate-errors.ts). */
export interface UnknownKeyData extends SchemaEntry {
  /** The key as written. */
  key: string;
  /** The field of the entry holding the key (`timing`), absent for the entry's own keys. */
  field?: string;
  /** The closest key the schema knows there. */
  suggestion?: string;
}

export default defineRule<UnknownKeyData>()({
  phase: 'validate',
  meta: {
    id: 'schema/unknown-key',
    defaultSeverity: 'error',
    description: 'A key the schema does not know, usually a typo (`ownr:` for `owner:`).',
    rationale:
      'A misspelt key silently drops the value it was meant to set, so a typo must never pass.',
    fix: 'Use the suggested key, or move custom data under `meta:`.',
    // src/schema/translate-errors.ts finds these problems and hands over the facts.
    messages: {
      inEntry: "unknown key '{{key}}' in {{entry|subject}} (custom data goes under meta:)",
      inEntrySuggest: "unknown key '{{key}}' in {{entry|subject}} — did you mean '{{suggestion}}'?",
      inField:
        "unknown key '{{key}}' in {{field}} of {{entry|subject}} (custom data goes under meta:)",
      inFieldSuggest:
        "unknown key '{{key}}' in {{field}} of {{entry|subject}} — did you mean '{{suggestion}}'?",
    },
  },
});
