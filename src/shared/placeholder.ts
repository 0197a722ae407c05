const PLACEHOLDERS = new Set([
  'tbd',
  'tba',
  'tbc',
  'todo',
  'to do',
  'unknown',
  'n/a',
  'na',
  'none',
  'nobody',
  'null',
  'nil',
  'unassigned',
  'xxx',
]);

// Only dashes, question marks, dots, underscores or stars: `-`, `?`, `—`, `...`, `???`.
const PUNCTUATION_ONLY = /^[-–—?.…_*\s]*$/u;

/**
 * Whether a value is a stand-in rather than real content: empty, `TBD`, `unknown`, `n/a`,
 * `none`, `-`, `?` and the like, case-insensitive.
 */
export function isPlaceholder(text: string): boolean {
  const value = text.trim().toLowerCase();
  return PUNCTUATION_ONLY.test(value) || PLACEHOLDERS.has(value);
}
