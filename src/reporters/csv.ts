import { stringify } from 'csv-stringify/sync';

import type { AuditReport, GroupScore, Scores } from '../report.js';
import { isActive } from './finding-facts.js';
import { reportPath } from './report-path.js';
import type { Reporter, ReporterContext, ScorecardGrouping } from './types.js';

export const SCORECARD_COLUMNS = [
  'id',
  'name',
  'stage',
  'channel',
  'owner',
  'segments',
  'score',
  'grade',
  'level',
  'metric',
  'value',
  'target',
  'attainment',
  'errors',
  'warnings',
  'infos',
  // Added after the first columns, so that their positions stay what they were.
  'target_op',
  'target_value',
  'unit',
  'last_data_date',
  'rows_used',
  'rows_rejected',
  'documentation_points',
  'evidence_points',
  'performance_points',
  'hygiene_points',
  'cap',
  'waived',
  'next_level_needs',
] as const;

export const GROUP_COLUMNS = [
  'id',
  'score',
  'grade',
  'touchpoints',
  'documentation_coverage',
  'data_coverage',
] as const;

/** `validate -f csv`: one row per finding that still counts. */
export const FINDING_COLUMNS = [
  'rule',
  'severity',
  'touchpoint',
  'file',
  'line',
  'column',
  'message',
] as const;

type Cell = string | number | undefined;

/**
 * A line of a cell that a spreadsheet would run: one starting with `=`, `+`, `-`, `@`, tab or
 * carriage return (OWASP "CSV injection"), or with their full-width forms, which some
 * spreadsheet locales read as the ASCII ones. Every line counts, not only the first: a reader
 * that ignores quoting (or a paste of one line) sees each line as the start of a cell.
 */
const FORMULA_LINE = /(^|\r\n|\r|\n)(?=[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/g;

/**
 * Neutralises spreadsheet formulas: every line of a text cell that starts like a formula gets
 * a leading `'`, so Excel, LibreOffice and Google Sheets show it as text instead of running it.
 * Numbers stay numbers, negative ones included.
 */
export function neutraliseFormula(cell: Cell): Cell {
  if (typeof cell !== 'string') return cell;
  return cell.replace(FORMULA_LINE, "$1'");
}

/**
 * CSV text of rows (RFC 4180): CRLF record delimiters, a cell quoted when it holds a delimiter,
 * a quote, or any CR or LF (csv-stringify quotes only the record delimiter itself once one is
 * given, so a bare LF in a name would start a new spreadsheet row), and every text cell
 * neutralised against formula injection. Every CSV format goes through here.
 */
export function csvText(rows: readonly (readonly Cell[])[]): string {
  return stringify(
    rows.map((row) => row.map(neutraliseFormula)),
    {
      record_delimiter: 'windows',
      quote_record_delimiter: true,
      eof: true,
      cast: { number: (value) => String(value) },
    },
  );
}

const GROUPS: Record<
  Exclude<ScorecardGrouping, 'touchpoint'>,
  Exclude<keyof Scores, 'touchpoints'>
> = {
  stage: 'stages',
  owner: 'owners',
  channel: 'channels',
  segment: 'segments',
  sequence: 'sequences',
};

function touchpointRows(report: AuditReport): Cell[][] {
  return (report.scores?.touchpoints ?? []).map((t) => [
    t.id,
    t.name,
    t.stage,
    t.channel,
    t.owner,
    t.segments.join(' '),
    t.score,
    t.grade,
    t.level,
    t.metric?.name,
    t.metric?.value,
    t.metric?.target,
    t.metric?.attainment,
    t.findings.error,
    t.findings.warning,
    t.findings.info,
    t.metric?.targetOp,
    t.metric?.targetValue,
    t.metric?.unit,
    t.metric?.latestDate,
    t.metric?.rows,
    t.metric?.rowsRejected,
    t.pillarPoints.documentation,
    t.pillarPoints.evidence ?? undefined,
    t.pillarPoints.performance ?? undefined,
    t.pillarPoints.hygiene,
    t.capped,
    t.waived,
    t.nextLevel,
  ]);
}

/** A percent (to 0.1) as the fraction a spreadsheet formats: 85.7 → 0.857; empty for none. */
function fraction(percent: number | null): number | undefined {
  return percent === null ? undefined : Math.round(percent * 10) / 1000;
}

function findingRows(report: AuditReport, ctx: ReporterContext): Cell[][] {
  return report.findings
    .filter(isActive)
    .map((f) => [
      f.rule,
      f.severity,
      f.touchpoint,
      reportPath(f.location.file, ctx.cwd),
      f.location.line,
      f.location.column,
      f.message,
    ]);
}

function groupRows(groups: readonly GroupScore[]): Cell[][] {
  return groups.map((g) => [
    g.id,
    g.score,
    g.grade,
    g.touchpoints,
    fraction(g.documentationCoverage),
    fraction(g.dataCoverage),
  ]);
}

/**
 * For `validate`, the findings as CSV (`FINDING_COLUMNS`). Otherwise the scorecard as CSV (RFC
 * 4180): UTF-8 without BOM, a header row, CRLF record delimiters, fields quoted only when needed
 * (see `csvText`). One row per touchpoint, or per group with `--by`. Segments are joined with a
 * space (ids never contain one). Attainment and coverage are fractions 0–1 (the JSON's coverage
 * is percent). Empty cells for values that do not exist (no metric data, no owner, an unknown
 * pillar). Text cells are neutralised against formula injection.
 */
export const csvReporter: Reporter = (report, ctx) => {
  // A validation has no scores: its CSV is the findings (waived and baselined ones left out).
  if (report.command === 'validate')
    return csvText([[...FINDING_COLUMNS], ...findingRows(report, ctx)]);
  const header: readonly string[] = ctx.by === 'touchpoint' ? SCORECARD_COLUMNS : GROUP_COLUMNS;
  const rows =
    ctx.by === 'touchpoint'
      ? touchpointRows(report)
      : groupRows(report.scores?.[GROUPS[ctx.by]] ?? []);
  return csvText([[...header], ...rows]);
};
