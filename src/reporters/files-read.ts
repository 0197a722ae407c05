import { ENGLISH } from '../i18n/locale.js';
import type { Locale } from '../i18n/locale.js';
import type { UiKey } from '../i18n/ui-en.js';
import type { ColumnDescription, DecidedBy, EncodingReason, FileDescription } from '../report.js';
import { visibleText } from '../text/visible-text.js';
import { reportPath } from './report-path.js';

const DECIDED: Readonly<Record<DecidedBy, UiKey>> = {
  evidence: 'read.byEvidence',
  file: 'read.byFile',
  config: 'read.byConfig',
  locale: 'read.byLocale',
  delimiter: 'read.byDelimiter',
  default: 'read.byDefault',
};

const ORDERS = { dmy: 'read.dmy', mdy: 'read.mdy', ymd: 'read.ymd' } as const;

/** The reasons the encoding detection gives (src/metrics/decode-text.ts), by UI string. */
const ENCODING_REASONS: Readonly<Record<EncodingReason, UiKey>> = {
  BOM: 'read.encBom',
  'encoding:': 'read.encConfig',
  'NUL in every other byte': 'read.encNul',
  'ASCII only so far': 'read.encAscii',
  'valid UTF-8': 'read.encUtf8',
  'mostly valid UTF-8': 'read.encMostlyUtf8',
  'not valid UTF-8': 'read.encNotUtf8',
  'not read': 'read.encNotRead',
};

function quoted(text: string): string {
  return JSON.stringify(text);
}

function column(described: ColumnDescription, l: Locale): string {
  const { by, sample } = described;
  let how: string;
  if (described.kind === 'date')
    how =
      described.order === undefined
        ? l.text('read.datesNoOrder')
        : l.text('read.dates', { order: l.text(ORDERS[described.order]) });
  else
    how =
      described.decimal === undefined
        ? l.text('read.numbersNoMark')
        : l.text('read.numbers', { mark: quoted(described.decimal) });
  if (by !== undefined) {
    const decided = l.text(DECIDED[by]);
    how += ` ${
      sample === undefined
        ? l.text('read.by', { by: decided })
        : l.text('read.bySample', { by: decided, sample: quoted(sample.text), line: sample.line })
    }`;
  }
  return l.text('read.column', { name: described.name, column: described.column, how });
}

function table(file: FileDescription, l: Locale): string[] {
  const parts: string[] = [];
  const { encoding, delimiter, header, skipped } = file;
  parts.push(
    l.text('read.encoding', {
      name: encoding.name,
      reason: l.text(ENCODING_REASONS[encoding.reason]),
    }),
  );
  if (delimiter !== undefined)
    parts.push(
      l.text(delimiter.by === 'separator-line' ? 'read.delimiterSep' : 'read.delimiter', {
        char: delimiter.char === '\t' ? l.text('read.tab') : quoted(delimiter.char),
      }),
    );
  if (header === undefined) parts.push(l.text('read.noHeader'));
  else {
    const data = { line: header.line, format: file.format ?? '', n: skipped.preamble };
    const key =
      skipped.preamble > 0
        ? header.by === 'config'
          ? 'read.headerConfigAfter'
          : 'read.headerAfter'
        : header.by === 'config'
          ? 'read.headerConfig'
          : 'read.header';
    parts.push(l.text(key, data));
  }
  const lines = [parts.join('; ')];
  if (file.section !== undefined)
    lines.push(
      l.text('read.section', { title: quoted(file.section.title), line: file.section.line }),
    );
  if (file.sections !== undefined)
    lines.push(l.text('read.sections', { titles: file.sections.map(quoted).join(', ') }));
  return lines;
}

function rows(file: FileDescription, l: Locale): string {
  const { rows: r, skipped } = file;
  const parts = [l.text('read.rowsRead', { n: r.read })];
  const values: string[] = [];
  if (r.inPeriod !== undefined) values.push(l.text('read.inPeriod', { n: r.inPeriod }));
  if (r.beforePeriod !== undefined && r.beforePeriod > 0)
    values.push(l.text('read.beforePeriod', { n: r.beforePeriod }));
  if (r.afterAsOf > 0) values.push(l.text('read.afterAsOf', { n: r.afterAsOf }));
  if (r.empty > 0) values.push(l.text('read.empty', { n: r.empty }));
  if (values.length > 0) parts.push(l.text('read.values', { values: values.join(', ') }));
  if (r.bad > 0) parts.push(l.text('read.bad', { n: r.bad }));
  if (skipped.headerRows > 0) parts.push(l.text('read.headerRows', { n: skipped.headerRows }));
  if (skipped.totals > 0) parts.push(l.text('read.totals', { n: skipped.totals }));
  if (file.ended !== undefined)
    parts.push(
      l.text(file.ended.by === 'totals' ? 'read.endedTotals' : 'read.endedSection', {
        line: file.ended.line,
      }),
    );
  if (file.dates !== undefined)
    parts.push(
      l.text('read.dateRange', { first: l.date(file.dates.first), last: l.date(file.dates.last) }),
    );
  return parts.join('; ');
}

/** How one file was read, line by line: the table, each date and number column, the rows. */
export function describeFileLines(file: FileDescription, locale: Locale = ENGLISH): string[] {
  return [
    ...table(file, locale),
    ...file.columns.map((c) => column(c, locale)),
    rows(file, locale),
  ];
}

/**
 * What `-v` prints: per metric export how it was read (encoding, delimiter, header, section,
 * each date and number column and how its convention was decided, rows used and left out).
 */
export function renderFilesRead(
  files: readonly FileDescription[],
  cwd: string,
  locale: Locale = ENGLISH,
): string {
  const out: string[] = [];
  for (const file of files) {
    out.push(locale.text('read.file', { file: reportPath(file.file, cwd) }));
    for (const line of describeFileLines(file, locale)) out.push(`  ${line}`);
  }
  return out.map((line) => `${visibleText(line, 'escape')}\n`).join('');
}
