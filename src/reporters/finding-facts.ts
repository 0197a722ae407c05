import { formatTarget, formatValue } from '../shared/format-value.js';
import type { AuditReport, TouchpointScore } from '../report.js';
import { familyTitle, ruleFamily, sortFamilies } from '../shared/rule-family.js';
import type { Action } from '../report.js';
import type { Finding, MetricSpec, Severity } from '../types.js';
import { isUiKey } from '../i18n/ui-en.js';
import { ENGLISH } from '../i18n/locale.js';
import type { Locale } from '../i18n/locale.js';

/** Whether a finding still counts: neither waived nor covered by the baseline. */
export function isActive(finding: Finding): boolean {
  return finding.waived === undefined && finding.baselined !== true;
}

/** Findings grouped by family, in report order; the findings keep their order. */
export function findingsByFamily(findings: readonly Finding[]): [string, Finding[]][] {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const family = ruleFamily(finding.rule);
    const list = groups.get(family) ?? [];
    list.push(finding);
    groups.set(family, list);
  }
  return sortFamilies(groups.keys()).map((family) => [family, groups.get(family) ?? []]);
}

/** `file:line:column`, or `file:line:column-endLine:endColumn` for a range. */
export function formatLocation(finding: Pick<Finding, 'location'>, file: string): string {
  const { line, column, endLine, endColumn } = finding.location;
  const start = `${file}:${line}:${column}`;
  if (endLine === undefined || endColumn === undefined) return start;
  return endLine === line ? `${start}-${endColumn}` : `${start}-${endLine}:${endColumn}`;
}

/** A score as people read it: whole numbers stay whole, others get one decimal (`85,4` in id). */
export function formatScore(score: number | null | undefined, loc: Locale = ENGLISH): string {
  if (score === null || score === undefined) return '—';
  const rounded = Math.round(score * 10) / 10;
  return loc.number(Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1));
}

/** A 0–100 coverage as a percentage. */
export function formatPercent(value: number | null | undefined, loc: Locale = ENGLISH): string {
  return value === null || value === undefined ? '—' : `${formatScore(value, loc)}%`;
}

/** When the report is evaluated: `as of 2026-11-15, period 2026-08-18 to 2026-11-15 (90 days)`. */
export function periodText(report: AuditReport, loc: Locale = ENGLISH): string {
  const p = report.period;
  if (p === undefined) return loc.text('facts.asOf', { asOf: loc.date(report.asOf) });
  return loc.text('facts.period', {
    asOf: loc.date(p.asOf),
    since: loc.date(p.since),
    days: p.days,
  });
}

type ScoredMetric = NonNullable<TouchpointScore['metric']>;

function specOf(metric: ScoredMetric): MetricSpec {
  const spec: MetricSpec = { name: metric.name };
  if (metric.unit !== undefined) spec.unit = metric.unit;
  if (
    metric.target !== undefined &&
    metric.targetOp !== undefined &&
    metric.targetValue !== undefined
  )
    spec.target = { op: metric.targetOp, value: metric.targetValue, text: metric.target };
  return spec;
}

/** A touchpoint's metric value for people, in its unit (`29%`, `1 h 24 min`), or `—`. */
export function metricValueText(metric: ScoredMetric, loc: Locale = ENGLISH): string {
  return metric.value === undefined
    ? '—'
    : unitWords(loc, formatValue(metric.value, specOf(metric)));
}

/** A touchpoint's target for people, in the value's unit (`>= 35%`), or `—`. */
export function metricTargetText(metric: ScoredMetric, loc: Locale = ENGLISH): string {
  const spec = specOf(metric);
  if (spec.target !== undefined) return unitWords(loc, formatTarget(spec.target, spec));
  return metric.target ?? '—';
}

/** A value the English formats wrote (`1 h 24 min`, `2.5 days`) in the locale's words and marks. */
function unitWords(loc: Locale, english: string): string {
  if (loc.lang === 'en') return english;
  return loc
    .numbersIn(english)
    .replace(/ days?\b/g, ' hari')
    .replace(/ h\b/g, ' jam')
    .replace(/ min\b/g, ' menit')
    .replace(/ s\b/g, ' detik');
}

/** `6 open errors`, `1 open error`, `no open errors`: shown beside every headline grade. */
export function openErrorsText(count: number, loc: Locale = ENGLISH): string {
  if (count === 0) return loc.text('facts.noOpenErrors');
  return loc.text('facts.openErrors', { n: count });
}

/** What a provisional score means, for a footnote or a tooltip. */
export const PROVISIONAL_NOTE = ENGLISH.text('facts.provisional');

/** A family heading's count, from the report summary: `18`, `18 · 1 waived · 2 baselined`. */
export function familyCountText(
  report: AuditReport,
  family: string,
  loc: Locale = ENGLISH,
): string {
  const counts = report.summary.families[family] ?? { open: 0, waived: 0, baselined: 0 };
  return [
    String(counts.open),
    ...(counts.waived > 0 ? [loc.text('facts.waived', { n: counts.waived })] : []),
    ...(counts.baselined > 0 ? [loc.text('facts.baselined', { n: counts.baselined })] : []),
  ].join(' · ');
}

/** All findings' count, from the report summary: `27 · 1 waived`. */
export function findingsCountText(report: AuditReport, loc: Locale = ENGLISH): string {
  const f = report.summary.findings;
  return [
    String(f.error + f.warning + f.info),
    ...(f.waived > 0 ? [loc.text('facts.waived', { n: f.waived })] : []),
    ...(f.baselined > 0 ? [loc.text('facts.baselined', { n: f.baselined })] : []),
  ].join(' · ');
}

/** A report's title: `Touchpoint validation` for `validate`, `Touchpoint audit` otherwise. */
export function reportTitle(report: AuditReport, loc: Locale = ENGLISH): string {
  return loc.text(report.command === 'validate' ? 'facts.titleValidation' : 'facts.titleAudit');
}

/**
 * What a validation checked, for people: `Validation: ownerless, schema and waiver rules;
 * gaps, overlaps and scores need touchpoint audit`. Undefined for other commands.
 */
export function validationText(report: AuditReport, loc: Locale = ENGLISH): string | undefined {
  if (report.command !== 'validate' || report.checked === undefined) return undefined;
  const families = sortFamilies(report.checked.families);
  return loc.text('facts.validation', { families: loc.list(families) });
}

/**
 * What an unparsed inventory file left out, said once, or undefined: `Not run (syn.yaml could
 * not be parsed): the scores and 7 rules that need the whole inventory`; `skippedRules` names
 * the rules.
 */
export function skippedText(
  report: AuditReport,
  path: (file: string) => string = (file) => file,
  loc: Locale = ENGLISH,
): string | undefined {
  const skipped = report.checked?.skipped;
  if (skipped === undefined) return undefined;
  const files = loc.list(skipped.unparsed.map(path));
  const n = skipped.rules.length;
  const what = loc.list([
    ...(skipped.scores ? [loc.text('facts.skippedScores')] : []),
    ...(n > 0 ? [loc.text('facts.skippedRules', { n })] : []),
  ]);
  return loc.text('facts.skipped', {
    files,
    what: what === '' ? loc.text('facts.skippedNothing') : what,
  });
}

/** A family's heading in the locale ("Overlaps", "Tumpang tindih"), or its id when unknown. */
export function familyName(family: string, loc: Locale = ENGLISH): string {
  const key = `family.${family}`;
  return isUiKey(key) ? loc.text(key) : familyTitle(family);
}

/** A severity word: `error`, `warning` (`peringatan`), `info`. */
export function severityWord(severity: Severity, loc: Locale = ENGLISH): string {
  return loc.text(`severity.${severity}`);
}

/**
 * A finding's message in the locale (`ctx.locale`). An action's message is its first finding's:
 * the finding is found by rule and place, so its message id and facts can be worded again.
 */
export function actionMessage(report: AuditReport, action: Action, loc: Locale = ENGLISH): string {
  if (loc.lang === 'en') return action.message;
  const { file, line, column } = action.location;
  const finding = report.findings.find(
    (f) =>
      f.rule === action.rule &&
      f.touchpoint === action.touchpoint &&
      f.location.file === file &&
      f.location.line === line &&
      f.location.column === column,
  );
  return finding === undefined ? action.message : loc.message(finding);
}

/** The rules an unparsed inventory file kept from running, each as `code` makes it, joined. */
export function skippedRules(report: AuditReport, code: (id: string) => string): string {
  return (report.checked?.skipped?.rules ?? []).map(code).join(', ');
}
