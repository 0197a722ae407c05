import type { ColumnDescription, DecidedBy, FileDescription } from '../report.js';
import type { DateColumn } from './date-column.js';
import type { EncodingChoice } from './decode-text.js';
import type { NumberColumn } from './number-column.js';
import { formatDay } from './parse-date.js';
import type { Dialect } from './sniff.js';
import type { FileRead } from './types.js';

/**
 * What the row decoder knows about a file's table once the file is read: where the header and
 * section were, what was not data, and how each date and number column was read.
 */
export interface TableFacts {
  format?: FileDescription['format'];
  header?: FileDescription['header'];
  section?: FileDescription['section'];
  sections: string[];
  preamble: number;
  headerRows: number;
  totals: number;
  ended?: FileDescription['ended'];
  columns: ColumnDescription[];
}

/** How a date column's day/month order was read; no order when no value needed one. */
export function describeDateColumn(
  name: string,
  index: number,
  column: DateColumn,
): ColumnDescription {
  const described: ColumnDescription = { name, column: index + 1, kind: 'date' };
  const { order, decidedBy } = column;
  if (column.numeric === 0 || order === undefined || decidedBy === undefined) return described;
  described.order = order;
  described.by = decidedBy;
  const sample = column.sample();
  if (sample !== undefined) described.sample = sample;
  return described;
}

/** How a number column's decimal mark was read; no mark when no value had one. */
export function describeNumberColumn(column: NumberColumn): ColumnDescription {
  const described: ColumnDescription = {
    name: column.name,
    column: column.index + 1,
    kind: 'number',
  };
  const { mark, decidedBy } = column;
  if (mark === undefined || decidedBy === undefined) return described;
  described.decimal = mark;
  described.by = decidedBy satisfies DecidedBy;
  if (column.decidedAt !== undefined) described.sample = column.decidedAt;
  return described;
}

export interface DescribeInput {
  file: string;
  encoding: EncodingChoice;
  /** Undefined for an empty file. */
  dialect?: Dialect;
  /** Undefined when the file held no records (empty). */
  table?: TableFacts;
  read: FileRead;
  /** The period was given (`--since`, `--as-of`): values inside it are counted. */
  bounded: boolean;
}

/** How one metric export was read, from what the single pass over it collected. */
export function describeFile(input: DescribeInput): FileDescription {
  const { file, encoding, dialect, table, read } = input;
  const rows: FileDescription['rows'] = {
    read: read.rows,
    ...(input.bounded ? { inPeriod: read.inPeriod, beforePeriod: read.used - read.inPeriod } : {}),
    afterAsOf: read.afterAsOf,
    empty: read.skipped,
    bad: read.bad,
  };
  const optional = <K extends keyof FileDescription>(key: K, value: FileDescription[K]) =>
    value === undefined ? {} : { [key]: value };
  return {
    file,
    encoding: { name: encoding.encoding, by: encoding.by, reason: encoding.reason },
    ...optional(
      'delimiter',
      dialect === undefined
        ? undefined
        : { char: dialect.delimiter, by: dialect.separatorLine ? 'separator-line' : 'evidence' },
    ),
    ...optional('format', table?.format),
    ...optional('header', table?.header),
    ...optional('section', table?.section),
    ...optional(
      'sections',
      table !== undefined && table.sections.length > 0 ? table.sections : undefined,
    ),
    columns: table?.columns ?? [],
    skipped: {
      preamble: table?.preamble ?? 0,
      headerRows: table?.headerRows ?? 0,
      totals: table?.totals ?? 0,
    },
    ...optional('ended', table?.ended),
    rows,
    ...optional(
      'dates',
      read.firstDay === undefined || read.lastDay === undefined
        ? undefined
        : { first: formatDay(read.firstDay), last: formatDay(read.lastDay) },
    ),
  };
}
