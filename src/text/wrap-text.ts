import Table from 'cli-table3';

/** cli-table3 characters for a table without borders, indented by `indent` spaces. */
export function borderless(indent = 2): Record<string, string> {
  return {
    top: '',
    'top-mid': '',
    'top-left': '',
    'top-right': '',
    bottom: '',
    'bottom-mid': '',
    'bottom-left': '',
    'bottom-right': '',
    left: ' '.repeat(indent),
    'left-mid': '',
    mid: '',
    'mid-mid': '',
    right: '',
    'right-mid': '',
    middle: '  ',
  };
}

/** Per line rather than /[ \t]+$/gm, which backtracks quadratically on long runs of spaces. */
export function trimLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');
}

/** Where a long id or path may break: after one of these. */
const BREAK_AFTER = /(?<=[-_/.:,])/u;

const GRAPHEMES = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** A text's user-perceived characters (an emoji with its modifiers is one). */
function graphemes(text: string): string[] {
  return Array.from(GRAPHEMES.segment(text), (part) => part.segment);
}

/** One word in lines of at most `width` characters, broken after `-`, `_`, `/`, `.` where it can. */
function breakWord(word: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const part of word.split(BREAK_AFTER)) {
    if (graphemes(line).length + graphemes(part).length <= width) {
      line += part;
      continue;
    }
    if (line !== '') lines.push(line);
    const chars = graphemes(part);
    while (chars.length > width) lines.push(chars.splice(0, width).join(''));
    line = chars.join('');
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

/**
 * `text` with every word longer than `width` broken over lines, so that cli-table3, which
 * wraps between words, never has to cut one with `…` (an id or a path cut short is lost
 * information). Characters (graphemes) count one column each; a word holding an ANSI escape (colour is
 * added after this) is left whole.
 */
export function breakLongWords(text: string, width: number): string {
  if (width < 1) return text;
  return text
    .split(/(\s+)/u)
    .map((token) =>
      graphemes(token).length <= width || token.includes('\u001b') || /\s/u.test(token)
        ? token
        : breakWord(token, width),
    )
    .join('');
}

/**
 * `text` word-wrapped into lines of at most `width` columns, each indented by `indent`
 * spaces and the lines after the first by `hang` more (a hanging indent); its own line breaks
 * stay. cli-table3 does the wrapping, so ANSI colour and wide characters count as a terminal
 * shows them; a word longer than the room is broken over lines (see {@link breakLongWords}).
 */
export function wrapText(text: string, width: number, indent = 0, hang = 0): string[] {
  if (text === '') return [''];
  const lines = wrapColumns([text], [width - indent - hang], indent);
  return lines.map((line, i) => (i === 0 || hang === 0 ? line : `${' '.repeat(hang)}${line}`));
}

/**
 * Cells side by side in columns of the given widths (two spaces apart, the first indented by
 * `indent`), each cell word-wrapped in its own column: a label beside its wrapped value.
 */
export function wrapColumns(
  cells: readonly string[],
  widths: readonly number[],
  indent = 0,
): string[] {
  const table = new Table({
    chars: borderless(indent),
    colWidths: widths.map((w) => Math.max(1, w)),
    wordWrap: true,
    wrapOnWordBoundary: true,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
  });
  table.push(cells.map((cell, i) => breakLongWords(cell, widths[i] ?? 1)));
  return trimLines(table.toString()).split('\n');
}
