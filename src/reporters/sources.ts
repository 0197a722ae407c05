import { vendorName } from '../i18n/display-names.js';
import { ENGLISH } from '../i18n/locale.js';
import type { Locale } from '../i18n/locale.js';
import type { UiKey } from '../i18n/ui-en.js';
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

const STATUS_TEXT: Record<ExportExamination['status'], UiKey> = {
  mapped: 'sources.mapped',
  table: 'sources.table',
  vendor: 'sources.vendorUnmapped',
  unknown: 'sources.unknown',
};

function number(value: number | null, l: Locale): string {
  return value === null ? '—' : l.number(significant(value));
}

function valueLines(values: readonly ExaminedValue[], l: Locale): string[] {
  if (values.length === 0) return [l.text('sources.valuesNone')];
  const shown = values.slice(0, VALUES_SHOWN);
  const idWidth = Math.max(...shown.map((v) => v.touchpoint.length));
  const metricWidth = Math.max(...shown.map((v) => v.metric.length));
  const lines = [l.text('sources.values')];
  for (const v of shown) {
    const segments = Object.entries(v.segments ?? {})
      .map(([name, s]) => `${name} ${number(s.value, l)}`)
      .join(', ');
    lines.push(
      `  ${v.touchpoint.padEnd(idWidth)}  ${v.metric.padEnd(metricWidth)}  ${number(v.value, l)} (${l.text('sources.rows', { n: v.rows })})${segments === '' ? '' : `; ${segments}`}`,
    );
  }
  if (values.length > shown.length)
    lines.push(`  ${l.text('sources.more', { n: values.length - shown.length })}`);
  return lines;
}

function renderText(
  examination: ExportExamination,
  cwd: string,
  width: number,
  l: Locale,
): string[] {
  const lines = [reportPath(examination.file, cwd)];
  const body: string[] = [];
  if (examination.vendor !== undefined)
    body.push(
      l.text('sources.vendor', {
        name: vendorName(l.lang, examination.vendor.id, examination.vendor.name),
        id: examination.vendor.id,
      }),
    );
  body.push(l.text(STATUS_TEXT[examination.status]));
  if (examination.description !== undefined)
    body.push(...describeFileLines(examination.description, l));
  const entry: string[] = [];
  if (examination.yaml !== undefined) {
    entry.push(l.text('sources.entry'));
    entry.push(
      ...examination.yaml
        .trimEnd()
        .split('\n')
        .map((line) => `  ${line}`),
    );
  }
  const values = valueLines(examination.values, l);
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
 * carries the same for scripts (always English: the locale words the text format only).
 */
export function renderSources(
  examinations: readonly ExportExamination[],
  format: SourcesFormat,
  cwd: string,
  width = 100,
  locale: Locale = ENGLISH,
): string {
  if (format === 'json') return `${JSON.stringify({ files: examinations }, null, 2)}\n`;
  const blocks = examinations.map((examination) =>
    renderText(examination, cwd, width, locale).join('\n'),
  );
  return `${blocks.join('\n\n')}\n`;
}
