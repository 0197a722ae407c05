import { defineRule } from '../rule.js';

/** The facts of a file that does not parse (src/yaml/yaml-source.ts). */
export interface SyntaxData {
  /** The deepest nesting, or the most nodes aliases may add (tooDeep, aliasBomb). */
  limit?: number;
  /** The YAML parser's own words (syntaxError, unreadable). */
  detail?: string;
}

export default defineRule<SyntaxData>()({
  phase: 'validate',
  meta: {
    id: 'schema/syntax',
    defaultSeverity: 'error',
    description:
      'The file is not readable YAML: a syntax error, tabs used for indentation, a duplicate key, an empty or binary file, or an alias bomb.',
    rationale:
      'Nothing in a file that does not parse can be checked, so every other rule is blind to it.',
    fix: 'Open the file at the reported line and column and correct the YAML; indent with spaces; keep each key once per mapping.',
    // src/yaml/yaml-source.ts finds these problems and hands over the message id and facts.
    messages: {
      binary: 'the file is binary, not YAML text',
      notUtf8: 'the file is not valid UTF-8 text',
      duplicateKey: 'duplicate key: a key may appear only once in a mapping',
      tabIndent: 'tabs are not allowed as indentation in YAML; indent with spaces',
      tooDeep: 'the YAML nests deeper than {{limit}} levels',
      syntaxError: 'YAML syntax error: {{detail|uncapitalized}}',
      empty: 'the file is empty: expected a YAML mapping',
      aliasBomb:
        'aliases expand the file by more than {{limit|number}} nodes: it looks like an alias bomb',
      unreadable: 'the YAML could not be read: {{detail}}',
    },
  },
});
