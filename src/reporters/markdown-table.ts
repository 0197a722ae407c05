/**
 * Text for one GFM table cell: backslashes and `|` escaped, line breaks as `<br>`, and `<` as `&lt;`
 * so user text cannot open an HTML tag where Markdown is rendered (GitHub, step summaries).
 * Other characters stay as written, so the raw file reads well too.
 */
export function markdownCell(text: string): string {
  return text
    .replaceAll('<', '&lt;')
    .replaceAll('\\', '\\\\')
    .replaceAll('|', '\\|')
    .replace(/\r\n|\r|\n/g, '<br>');
}

/** Inline Markdown text outside tables (headings, list items): one line, specials escaped. */
export function markdownText(text: string): string {
  return text.replaceAll('<', '&lt;').replace(/\s*(?:\r\n|\r|\n)\s*/g, ' ');
}

export type Align = 'left' | 'right';

/** A GFM table; cells must already be escaped with `markdownCell`. */
export function markdownTable(header: string[], rows: string[][], align: Align[] = []): string {
  const rule = header.map((_, i) => (align[i] === 'right' ? '---:' : '---'));
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(rule), ...rows.map(line)].join('\n');
}
