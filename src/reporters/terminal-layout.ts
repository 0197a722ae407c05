import type { ChalkInstance } from 'chalk';
import { visibleText } from '../text/visible-text.js';
import type { Named } from './names.js';

/** `Customer Success (cs)` with the id dimmed, on one line (line breaks in names are shown). */
export function terminalLabel(c: ChalkInstance, named: Named): string {
  const id = visibleText(named.id);
  return named.name === undefined ? id : `${visibleText(named.name)} ${c.dim(`(${id})`)}`;
}
