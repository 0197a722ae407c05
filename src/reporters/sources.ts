import type { ExaminedValue, ExportExamination } from '../report.js';
import { significant } from '../shared/format-value.js';
import { visibleText } from '../text/visible-text.js';
import { wrapText } from '../text/wrap-text.js';
import { describeFileLines } from './files-read.js';
import { reportPath } from './report-path.js';

/** Output formats of `touchpoint sources`. */
export const SOURCES_FORMATS = ['text', 'json'] as const;
export type SourcesFormat = (typeof SOURCES_FORMATS)[number];

/** Values listed per file in the text format; JSON lists them all. */
const VALUES_SHOWN = 20;

const STATUS_TEXT: Record<ExportExamination['status'], string> = {
  mapped: 'read through the config’s sources: entries',
  table: 'read as the long or wide format (no sources: entry needed)',
  vendor: 'not mapped yet: the entry below maps it',
  unknown: 'not read: no format, sources: entry or vendor profile matches its header',
};

function number(value: number | null): string {
  return value === null ? '—' : significant(value);
}

function valueLines(values: readonly ExaminedValue[]): string[] {
  if (values.length === 0) return ['values: none'];
  const shown = values.slice(0, VALUES_SHOWN);
  const idWidth = Math.max(...shown.map((v) => v.touchpoint.length));
  const metricWidth = Math.max(...shown.map((v) => v.metric.length));
  const lines = ['values:'];
  for (const v of shown) {
    const segments = Object.entries(v.segments ?? {})
      .map(([name, s]) => `${name} ${number(s.value)}`)
      .join(', ');
    lines.push(
      `  ${v.touchpoint.padEnd(idWidth)}  ${v.metric.padEnd(metricWidth)}  ${number(v.value)} (${String(v.rows)} ${v.rows === 1 ? 'row' : 'rows'})${segments === '' ? '' : `; ${segments}`}`,
    );
  }
  if (values.length > shown.length)
    lines.push(`  … ${String(values.length - shown.length)} more (-f json lists them all)`);
  return lines;
}

function renderText(examination: ExportExamination, cwd: string, width: number): string[] {
  const lines = [reportPath(examination.file, cwd)];
  const body: string[] = [];
  if (examination.vendor !== undefined)
    body.push(`vendor ${examination.vendor.name} (${examination.vendor.id})`);
  body.push(STATUS_TEXT[examination.status]);
  if (examination.description !== undefined)
    body.push(...describeFileLines(examination.description));
  const entry: string[] = [];
  if (examination.yaml !== undefined) {
    entry.push('suggested entry (--write adds it to the config):');
    entry.push(
      ...examination.yaml
        .trimEnd()
        .split('\n')
        .map((line) => `  ${line}`),
    );
  }
  const values = valueLines(examination.values);
  // Each line wraps under its own indentation, two columns further in; the YAML entry stays
  // as it is, to be copied.
  const wrap = (line: string) => {
    const indent = 2 + line.length - line.trimStart().length;
    return wrapText(visibleText(line.trimStart(), 'escape'), width, indent, 2);
  };
  return [
    ...lines.map((line) => visibleText(line, 'escape')),
    ...body.flatMap(wrap),
    ...entry.map((line) => visibleText(`  ${line}`, 'escape')),
    ...values.flatMap(wrap),
  ];
}

/**
 * What `touchpoint sources` prints: per export the vendor, how it is read, the `sources:` entry
 * it needs and the values that entry gives, wrapped to `width` columns (default 100); JSON
 * carries the same for scripts.
 */
export function renderSources(
  examinations: readonly ExportExamination[],
  format: SourcesFormat,
  cwd: string,
  width = 100,
): string {
  if (format === 'json') return `${JSON.stringify({ files: examinations }, null, 2)}\n`;
  const blocks = examinations.map((examination) => renderText(examination, cwd, width).join('\n'));
  return `${blocks.join('\n\n')}\n`;
}
