import type { ColumnDescription, DecidedBy, FileDescription } from '../report.js';
import { visibleText } from '../text/visible-text.js';
import { reportPath } from './report-path.js';

const DECIDED: Readonly<Record<DecidedBy, string>> = {
  evidence: 'its values',
  file: 'other columns of the file',
  config: 'the sources: entry',
  locale: 'locale:',
  delimiter: 'the delimiter',
  default: 'default, ambiguous',
};

const ORDERS = { dmy: 'day first', mdy: 'month first', ymd: 'year first' } as const;

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function quoted(text: string): string {
  return JSON.stringify(text);
}

function column(described: ColumnDescription): string {
  const { by, sample } = described;
  let how: string;
  if (described.kind === 'date')
    how =
      described.order === undefined
        ? 'dates, no day/month order needed'
        : `dates ${ORDERS[described.order]}`;
  else
    how =
      described.decimal === undefined
        ? 'numbers, no decimal mark seen'
        : `numbers, decimal ${quoted(described.decimal)}`;
  if (by !== undefined) {
    const at = sample === undefined ? '' : `: ${quoted(sample.text)} at line ${sample.line}`;
    how += ` (by ${DECIDED[by]}${at})`;
  }
  return `${described.name} (column ${described.column}): ${how}`;
}

function table(file: FileDescription): string[] {
  const parts: string[] = [];
  const { encoding, delimiter, header, skipped } = file;
  parts.push(`encoding ${encoding.name} (${encoding.reason})`);
  if (delimiter !== undefined)
    parts.push(
      `delimiter ${delimiter.char === '\t' ? 'tab' : quoted(delimiter.char)}${delimiter.by === 'separator-line' ? ' (sep= line)' : ''}`,
    );
  if (header === undefined) parts.push('no header found');
  else {
    const where = header.by === 'config' ? ' (header:)' : '';
    const before =
      skipped.preamble > 0 ? `, after ${count(skipped.preamble, 'preamble line')}` : '';
    parts.push(`header line ${header.line}${where}${before}, ${file.format ?? ''} format`);
  }
  const lines = [parts.join('; ')];
  if (file.section !== undefined)
    lines.push(`section ${quoted(file.section.title)} (title at line ${file.section.line})`);
  if (file.sections !== undefined)
    lines.push(`sections found: ${file.sections.map(quoted).join(', ')}`);
  return lines;
}

function rows(file: FileDescription): string {
  const { rows: r, skipped } = file;
  const parts = [`${count(r.read, 'row')} read`];
  const values: string[] = [];
  if (r.inPeriod !== undefined) values.push(`${r.inPeriod} in the period`);
  if (r.beforePeriod !== undefined && r.beforePeriod > 0)
    values.push(`${r.beforePeriod} before it`);
  if (r.afterAsOf > 0) values.push(`${r.afterAsOf} after the as-of date`);
  if (r.empty > 0) values.push(`${r.empty} empty or N/A`);
  if (values.length > 0) parts.push(`values: ${values.join(', ')}`);
  if (r.bad > 0) parts.push(count(r.bad, 'bad row'));
  if (skipped.headerRows > 0)
    parts.push(`${count(skipped.headerRows, 'extra header row')} skipped`);
  if (skipped.totals > 0) parts.push(`${count(skipped.totals, 'totals row')} left out`);
  if (file.ended !== undefined)
    parts.push(
      `nothing read after line ${file.ended.line} (${file.ended.by === 'totals' ? 'the totals row ends the table' : 'the next section'})`,
    );
  if (file.dates !== undefined) parts.push(`dates ${file.dates.first}..${file.dates.last}`);
  return parts.join('; ');
}

/** How one file was read, line by line: the table, each date and number column, the rows. */
export function describeFileLines(file: FileDescription): string[] {
  return [...table(file), ...file.columns.map(column), rows(file)];
}

/**
 * What `-v` prints: per metric export how it was read (encoding, delimiter, header, section,
 * each date and number column and how its convention was decided, rows used and left out).
 */
export function renderFilesRead(files: readonly FileDescription[], cwd: string): string {
  const out: string[] = [];
  for (const file of files) {
    out.push(`read ${reportPath(file.file, cwd)}`);
    for (const line of describeFileLines(file)) out.push(`  ${line}`);
  }
  return out.map((line) => `${visibleText(line, 'escape')}\n`).join('');
}
