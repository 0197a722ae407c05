/**
 * Text on one line: each line break, with the spaces around it and any blank lines, becomes
 * one space. Split rather than a `\s*\n\s*` regex, which backtracks quadratically over a long
 * run of spaces that holds no line break.
 */
export function oneLine(text: string): string {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length === 1) return text;
  const last = lines.length - 1;
  return lines
    .map((line, i) => (i === 0 ? line.trimEnd() : i === last ? line.trimStart() : line.trim()))
    .filter((line, i) => line !== '' || i === 0)
    .join(' ');
}
