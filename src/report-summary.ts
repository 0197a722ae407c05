import { compareText } from './shared/compare-text.js';
import { ruleFamily } from './shared/rule-family.js';
import { BUILTIN_CHANNELS } from './config/config.js';
import type { Config } from './config/config.js';
import { REPORT_VERSION } from './report.js';
import type { AuditReport, Checked } from './report.js';
import type { RunPlan } from './rules/run-plan.js';
import type { Finding, Inventory } from './types.js';
import { TOOL_VERSION } from './version.js';

export function countFindings(findings: readonly Finding[]): AuditReport['summary']['findings'] {
  const counts = { error: 0, warning: 0, info: 0, waived: 0, baselined: 0 };
  for (const finding of findings) {
    if (finding.waived) counts.waived++;
    else if (finding.baselined) counts.baselined++;
    else counts[finding.severity]++;
  }
  return counts;
}

/** Error-severity findings not waived; a baseline changes what fails CI, not the verdict. */
export function countOpenErrors(findings: readonly Finding[]): number {
  return findings.filter((f) => f.severity === 'error' && f.waived === undefined).length;
}

/** Per family: findings that count, waived ones and baselined ones — every heading's numbers. */
export function countFamilies(findings: readonly Finding[]): AuditReport['summary']['families'] {
  const families: AuditReport['summary']['families'] = {};
  for (const finding of findings) {
    const family = ruleFamily(finding.rule);
    const counts = (families[family] ??= { open: 0, waived: 0, baselined: 0 });
    if (finding.waived) counts.waived++;
    else if (finding.baselined) counts.baselined++;
    else counts.open++;
  }
  return Object.fromEntries(Object.entries(families).sort(([a], [b]) => compareText(a, b)));
}

export function countByFamily(findings: readonly Finding[]): Record<string, number> {
  const byFamily: Record<string, number> = {};
  for (const finding of findings) {
    if (finding.waived || finding.baselined) continue;
    const family = ruleFamily(finding.rule);
    byFamily[family] = (byFamily[family] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(byFamily).sort(([a], [b]) => compareText(a, b)));
}

/** What a run checked, for the report: its families, and what it skipped (scores too, if `scores`). */
export function checkedOf(plan: RunPlan, scores: boolean): Checked {
  if (plan.unparsed.length === 0) return { families: [...plan.families] };
  return {
    families: [...plan.families],
    skipped: { rules: [...plan.skipped], scores, unparsed: [...plan.unparsed] },
  };
}

/** The parts of a report every command shares. */
export function baseReport(
  command: AuditReport['command'],
  inventory: Inventory,
  config: Config,
  findings: Finding[],
  when: { asOf: string; period?: AuditReport['period']; checked?: Checked },
): AuditReport {
  const report: AuditReport = {
    version: REPORT_VERSION,
    tool: { name: 'touchpoint-audit', version: TOOL_VERSION },
    command,
    asOf: when.asOf,
    ...(when.period === undefined ? {} : { period: when.period }),
    inventory: {
      files: [...inventory.files],
      touchpoints: inventory.touchpoints.length,
      stages: [...inventory.journey.stages],
      segments: [...inventory.segments],
      channels: [...BUILTIN_CHANNELS, ...config.channels],
    },
    ...(when.checked === undefined ? {} : { checked: when.checked }),
    summary: {
      score: null,
      grade: null,
      provisional: null,
      openErrors: countOpenErrors(findings),
      documentationCoverage: null,
      dataCoverage: null,
      findings: countFindings(findings),
      byFamily: countByFamily(findings),
      families: countFamilies(findings),
    },
    findings,
  };
  if (inventory.name !== undefined) report.inventory.name = inventory.name;
  if (inventory.scope !== undefined) report.inventory.scope = [...inventory.scope.stages];
  if (inventory.owners !== undefined) {
    report.inventory.owners = inventory.owners.map(({ id, name, contact }) => ({
      id,
      ...(name === undefined ? {} : { name }),
      ...(contact === undefined ? {} : { contact }),
    }));
  }
  return report;
}
