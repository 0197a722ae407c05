import { formatTarget, formatValue } from '../shared/format-value.js';
import type { AuditReport, TouchpointScore } from '../report.js';
import { formatList } from '../shared/format.js';
import { ruleFamily, sortFamilies } from '../shared/rule-family.js';
import type { Finding, MetricSpec } from '../types.js';

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

/** A score as people read it: whole numbers stay whole, others get one decimal. */
export function formatScore(score: number | null | undefined): string {
  if (score === null || score === undefined) return '—';
  const rounded = Math.round(score * 10) / 10;
  return Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1);
}

/** A 0–100 coverage as a percentage. */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${formatScore(value)}%`;
}

/** When the report is evaluated: `as of 2026-11-15, period 2026-08-18 to 2026-11-15 (90 days)`. */
export function periodText(report: AuditReport): string {
  const p = report.period;
  if (p === undefined) return `as of ${report.asOf}`;
  return `as of ${p.asOf}, period ${p.since} to ${p.asOf} (${p.days} day${p.days === 1 ? '' : 's'})`;
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
export function metricValueText(metric: ScoredMetric): string {
  return metric.value === undefined ? '—' : formatValue(metric.value, specOf(metric));
}

/** A touchpoint's target for people, in the value's unit (`>= 35%`), or `—`. */
export function metricTargetText(metric: ScoredMetric): string {
  const spec = specOf(metric);
  if (spec.target !== undefined) return formatTarget(spec.target, spec);
  return metric.target ?? '—';
}

/** `6 open errors`, `1 open error`, `no open errors`: shown beside every headline grade. */
export function openErrorsText(count: number): string {
  if (count === 0) return 'no open errors';
  return `${count} open error${count === 1 ? '' : 's'}`;
}

/** What a provisional score means, for a footnote or a tooltip. */
export const PROVISIONAL_NOTE =
  'provisional: more than half of the weight behind the score has no data yet';

/** A family heading's count, from the report summary: `18`, `18 · 1 waived · 2 baselined`. */
export function familyCountText(report: AuditReport, family: string): string {
  const counts = report.summary.families[family] ?? { open: 0, waived: 0, baselined: 0 };
  return [
    String(counts.open),
    ...(counts.waived > 0 ? [`${counts.waived} waived`] : []),
    ...(counts.baselined > 0 ? [`${counts.baselined} baselined`] : []),
  ].join(' · ');
}

/** All findings' count, from the report summary: `27 · 1 waived`. */
export function findingsCountText(report: AuditReport): string {
  const f = report.summary.findings;
  return [
    String(f.error + f.warning + f.info),
    ...(f.waived > 0 ? [`${f.waived} waived`] : []),
    ...(f.baselined > 0 ? [`${f.baselined} baselined`] : []),
  ].join(' · ');
}

/** A report's title: `Touchpoint validation` for `validate`, `Touchpoint audit` otherwise. */
export function reportTitle(report: AuditReport): string {
  return report.command === 'validate' ? 'Touchpoint validation' : 'Touchpoint audit';
}

/**
 * What a validation checked, for people: `Validation: ownerless, schema and waiver rules;
 * gaps, overlaps and scores need touchpoint audit`. Undefined for other commands.
 */
export function validationText(report: AuditReport): string | undefined {
  if (report.command !== 'validate' || report.checked === undefined) return undefined;
  const families = sortFamilies(report.checked.families);
  return `Validation: ${formatList(families)} rules; gaps, overlaps and scores need touchpoint audit`;
}

/**
 * What an unparsed inventory file left out, said once, or undefined: `Not run (syn.yaml could
 * not be parsed): the scores and 7 rules that need the whole inventory`; `skippedRules` names
 * the rules.
 */
export function skippedText(
  report: AuditReport,
  path: (file: string) => string = (file) => file,
): string | undefined {
  const skipped = report.checked?.skipped;
  if (skipped === undefined) return undefined;
  const files = formatList(skipped.unparsed.map(path));
  const n = skipped.rules.length;
  const what = formatList([
    ...(skipped.scores ? ['the scores'] : []),
    ...(n > 0 ? [`${n} rule${n === 1 ? '' : 's'} that need the whole inventory`] : []),
  ]);
  return `Not run (${files} could not be parsed): ${what === '' ? 'nothing else' : what}`;
}

/** The rules an unparsed inventory file kept from running, each as `code` makes it, joined. */
export function skippedRules(report: AuditReport, code: (id: string) => string): string {
  return (report.checked?.skipped?.rules ?? []).map(code).join(', ');
}
