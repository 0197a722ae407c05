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

/**
 * `text` word-wrapped into lines of at most `width` columns, each indented by `indent`
 * spaces and the lines after the first by `hang` more (a hanging indent); its own line breaks
 * stay. cli-table3 does the wrapping, so ANSI colour and wide characters count as a terminal
 * shows them; a word longer than the room is cut with `…`.
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
  table.push([...cells]);
  return trimLines(table.toString()).split('\n');
}
