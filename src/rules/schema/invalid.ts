import { defineRule } from '../rule.js';

export default defineRule<{ text: string }>()({
  phase: 'validate',
  meta: {
    id: 'schema/invalid',
    defaultSeverity: 'error',
    description:
      'An entry breaks the inventory schema: a required field (purpose, timing, channel, metric…) is missing, a value has the wrong type, a duration or target cannot be read, or a timing mixes shapes.',
    rationale:
      'Good practice requires every touchpoint to have a purpose, deliberate timing, a channel, an owner and a success metric; without them it cannot be audited or improved.',
    fix: 'Add the missing field or correct the value as the message says; `touchpoint schema inventory` prints the full schema.',
    // Until the stage that finds these problems hands over typed facts, it writes the text.
    messages: { text: '{{text}}' },
  },
});
