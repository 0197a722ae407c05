import { escapeHtml as esc } from './html-escape.js';

/**
 * Gives each `<td>` of a row its column's name (`data-label`), which a table reflowed into
 * cards (narrow screens, print) shows before the value, since its header row is hidden then.
 */
export function labelCells(labels: readonly string[], cells: readonly string[]): string {
  return cells
    .map((cell, i) => {
      const label = labels[i];
      return label === undefined || label === '' || !cell.startsWith('<td')
        ? cell
        : `<td data-label="${esc(label)}"${cell.slice(3)}`;
    })
    .join('');
}

/**
 * Turns the tables matched by `selector` into one card per row, side by side where 300 px
 * cards fit: the header row hidden, each cell on its own line after its label, empty cells
 * left out.
 */
function reflowRules(selector: string): string {
  const s = (part: string): string =>
    selector
      .split(', ')
      .map((t) => `${t}${part}`)
      .join(', ');
  return [
    `${s('')}, ${s(' tr')}, ${s(' td')}, ${s(' tbody th')} { display: block; width: auto; }`,
    `${s(' tbody')} { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(300px, 100%), 1fr)); gap: 8px; }`,
    `${s(' thead')} { display: none; }`,
    `${s(' tr')} { border: 1px solid var(--line); border-radius: 8px; padding: 6px 10px; break-inside: avoid; min-width: 0; }`,
    `${s(' td')}, ${s(' tbody th')} { border: none; padding: 2px 0; text-align: left; min-width: 0; }`,
    `${s(' td[data-label]::before')} { content: attr(data-label) ": "; color: var(--muted); font-size: 0.8rem; font-weight: 600; }`,
    `${s(' td:empty')} { display: none; }`,
  ].join('\n');
}

/**
 * Wide tables become cards where they would not fit: the scorecard (14 columns) below 1,100 px,
 * the other many-column tables below 760 px. Print uses the page's width, so on A4 or Letter
 * portrait both reflow and no column is cut off.
 */
export const REFLOW_STYLE = `
@media (max-width: 1100px) {
${reflowRules('table.reflow-wide')}
}
@media (max-width: 760px) {
${reflowRules('table.reflow')}
}
`;
