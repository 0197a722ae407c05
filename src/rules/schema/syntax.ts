import { defineRule } from '../rule.js';

export default defineRule<{ text: string }>()({
  phase: 'validate',
  meta: {
    id: 'schema/syntax',
    defaultSeverity: 'error',
    description:
      'The file is not readable YAML: a syntax error, tabs used for indentation, a duplicate key, an empty or binary file, or an alias bomb.',
    rationale:
      'Nothing in a file that does not parse can be checked, so every other rule is blind to it.',
    fix: 'Open the file at the reported line and column and correct the YAML; indent with spaces; keep each key once per mapping.',
    // Until the stage that finds these problems hands over typed facts, it writes the text.
    messages: { text: '{{text}}' },
  },
});
