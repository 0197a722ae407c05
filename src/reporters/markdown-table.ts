import { oneLine } from '../text/one-line.js';
import type { Named } from './names.js';

/** Where user text goes in Markdown: a GFM table cell, or one line of text (heading, list item). */
export type MarkdownPlace = 'cell' | 'line';

/**
 * The one escaping of user text for every Markdown output (the report and the GitHub step
 * summary), so a name renders as the text it is:
 * - `[` and `]` are backslash-escaped: no link, image (tracking pixel), reference or footnote
 *   can form, whatever follows (`[x](javascript:…)`, `![](http://…)`);
 * - `<` becomes `&lt;`: no HTML tag, comment or `<http://…>` autolink can open;
 * - `|` is escaped, so a cell cannot end early and shift the columns of a table;
 * - backslashes and backticks are escaped, so user text can neither cancel these escapes nor
 *   open a code span that swallows them;
 * - line breaks become `<br>` in a cell and a space on a line.
 * Other characters stay as written, so the raw file reads well too. Control characters are
 * made visible before this (`visibleStrings`). A bare `https://…` in a name stays text in the
 * file; GitHub shows it as the plain link it is.
 */
export function escapeMarkdown(text: string, place: MarkdownPlace): string {
  const escaped = text.replace(/[\\`[\]|]/g, '\\$&').replaceAll('<', '&lt;');
  return place === 'cell' ? escaped.replace(/\r\n|\r|\n/g, '<br>') : oneLine(escaped);
}

/** User text for one GFM table cell (`escapeMarkdown` in a cell). */
export function markdownCell(text: string): string {
  return escapeMarkdown(text, 'cell');
}

/** User text on one line outside tables: headings, list items (`escapeMarkdown` on a line). */
export function markdownText(text: string): string {
  return escapeMarkdown(text, 'line');
}

/**
 * User text as an inline code span: literal inside, so only the fence needs care. The fence is
 * one backtick longer than the longest run in the text (padded with a space when the text
 * starts or ends with one); line breaks become spaces; in a cell, `|` is escaped, as GFM splits
 * cells before it reads code spans (a backslash right before a `|` then shows doubled).
 */
export function markdownCode(text: string, place: MarkdownPlace = 'line'): string {
  if (text === '') return '';
  const flat = oneLine(text);
  // GFM reads `\\x` pairs before splitting cells: the backslashes before a `|` are doubled
  // so that the added one still escapes it.
  const body =
    place === 'cell'
      ? flat.replace(/(\\*)\|/g, (_, slashes: string) => `${slashes}${slashes}\\|`)
      : flat;
  let longest = 0;
  for (const run of body.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

export type Align = 'left' | 'right';

/** A GFM table; cells must already be escaped with `markdownCell` or `markdownCode`. */
export function markdownTable(header: string[], rows: string[][], align: Align[] = []): string {
  const rule = header.map((_, i) => (align[i] === 'right' ? '---:' : '---'));
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(rule), ...rows.map(line)].join('\n');
}

/** A name people read with its id beside it as code: `Kickoff call (`kickoff-call`)`. */
export function markdownLabel(named: Named, place: MarkdownPlace = 'cell'): string {
  return named.name === undefined
    ? markdownCode(named.id, place)
    : `${escapeMarkdown(named.name, place)} (${markdownCode(named.id, place)})`;
}
