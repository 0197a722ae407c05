import { defineRule } from '../rule.js';

export default defineRule<{ text: string }>()({
  phase: 'validate',
  meta: {
    id: 'schema/unknown-key',
    defaultSeverity: 'error',
    description: 'A key the schema does not know, usually a typo (`ownr:` for `owner:`).',
    rationale:
      'A misspelt key silently drops the value it was meant to set, so a typo must never pass.',
    fix: 'Use the suggested key, or move custom data under `meta:`.',
    // Until the stage that finds these problems hands over typed facts, it writes the text.
    messages: { text: '{{text}}' },
  },
});
