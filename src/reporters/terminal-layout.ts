import type { ChalkInstance } from 'chalk';
import { visibleText } from '../text/visible-text.js';
import type { Named } from './names.js';

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

/** `Customer Success (cs)` with the id dimmed, on one line (line breaks in names are shown). */
export function terminalLabel(c: ChalkInstance, named: Named): string {
  const id = visibleText(named.id);
  return named.name === undefined ? id : `${visibleText(named.name)} ${c.dim(`(${id})`)}`;
}
