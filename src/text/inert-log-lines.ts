/**
 * Text that a CI runner will not execute: GitHub Actions reads any log line whose first
 * non-blank characters are `::` as a workflow command (`::add-mask::`, `::error::`,
 * `::stop-commands::`), so a human report printed in a job log, where user text can begin a
 * line (a file heading, a wrapped table cell), has the first `:` of such a line shown as the
 * visible escape `\x3a`. Only the line start matters; `::` elsewhere is plain text.
 */
export function inertLogLines(text: string): string {
  // [ \t]* rather than \s*: it must not run across line breaks (quadratic on blank lines).
  return text.replace(/^([ \t]*):(?=:)/gm, '$1\\x3a');
}
