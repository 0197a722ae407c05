import { defineRule } from '../rule.js';

export default defineRule<{ text: string }>()({
  phase: 'validate',
  meta: {
    id: 'schema/duplicate-id',
    defaultSeverity: 'error',
    description:
      'Two touchpoints (or two owners) share an id, in one file or across the merged files.',
    rationale:
      'Ids join touchpoints to their metric exports; a shared id makes every join and score ambiguous.',
    fix: 'Give one of the entries a new, unique id (and rename it in the metric exports too).',
    // Until the stage that finds these problems hands over typed facts, it writes the text.
    messages: { text: '{{text}}' },
  },
});
