import type { AuditReport } from '../report.js';
import type { Finding } from '../types.js';
import { ruleFamily, sortFamilies } from '../shared/rule-family.js';
import { formatLocation, isActive } from './finding-facts.js';
import { reportPath } from './report-path.js';
import type { Reporter, ReporterContext } from './types.js';
import { escapeXmlAttribute as attr, escapeXmlText as text } from './xml-escape.js';

/** Test case holding the findings that are about the inventory as a whole, not a touchpoint. */
export const INVENTORY_TESTCASE = '(inventory)';

function checkedTouchpoints(report: AuditReport): string[] {
  const ids = (report.scores?.touchpoints ?? []).map((t) => t.id);
  const known = new Set(ids);
  const extra = new Set<string>();
  for (const finding of report.findings) {
    if (finding.touchpoint !== undefined && !known.has(finding.touchpoint)) {
      extra.add(finding.touchpoint);
    }
  }
  return [...ids, ...[...extra].sort()];
}

/** Findings that fail a test case: errors and warnings that are neither waived nor baselined. */
function fails(finding: Finding): boolean {
  return isActive(finding) && finding.severity !== 'info';
}

function describeFinding(finding: Finding, ctx: ReporterContext): string {
  const where = formatLocation(finding, reportPath(finding.location.file, ctx.cwd));
  const lines = [`${finding.severity} ${finding.rule} at ${where}`, finding.message];
  if (finding.related !== undefined && finding.related.length > 0) {
    lines.push(`related: ${finding.related.join(', ')}`);
  }
  if (finding.waived !== undefined) {
    const until = finding.waived.expires === undefined ? '' : ` (until ${finding.waived.expires})`;
    lines.push(`waived${until}: ${finding.waived.reason}`);
  }
  if (finding.baselined === true) lines.push('in the baseline');
  return lines.join('\n');
}

interface Suite {
  xml: string[];
  tests: number;
  failures: number;
}

function suiteFor(
  family: string,
  touchpoints: readonly string[],
  findings: readonly Finding[],
  ctx: ReporterContext,
): Suite {
  const byCase = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = finding.touchpoint ?? INVENTORY_TESTCASE;
    byCase.set(key, [...(byCase.get(key) ?? []), finding]);
  }
  const cases: string[] = [];
  let failures = 0;
  for (const name of [...touchpoints, INVENTORY_TESTCASE]) {
    const own = byCase.get(name) ?? [];
    const head = `    <testcase name="${attr(name)}" classname="touchpoint-audit.${attr(family)}"`;
    if (own.length === 0) {
      cases.push(`${head}/>`);
      continue;
    }
    const body: string[] = [];
    const failing = own.filter(fails);
    if (failing.length > 0) failures++;
    for (const finding of failing) {
      body.push(
        `      <failure message="${attr(finding.message)}" type="${attr(finding.rule)}">${text(describeFinding(finding, ctx))}</failure>`,
      );
    }
    const other = own.filter((f) => !fails(f));
    if (other.length > 0) {
      const out = other.map((f) => describeFinding(f, ctx)).join('\n\n');
      body.push(`      <system-out>${text(out)}</system-out>`);
    }
    cases.push(`${head}>`, ...body, '    </testcase>');
  }
  const tests = touchpoints.length + 1;
  return {
    tests,
    failures,
    xml: [
      `  <testsuite name="${attr(family)}" tests="${tests}" failures="${failures}" errors="0" skipped="0">`,
      ...cases,
      '  </testsuite>',
    ],
  };
}

/**
 * JUnit XML for CI test reports: one `<testsuite>` per rule family, one `<testcase>` per
 * touchpoint checked plus `(inventory)` for findings about no touchpoint in particular. Each
 * error or warning becomes a `<failure>` (a test case may hold several); info findings and
 * waived or baselined ones are listed in the test case's `<system-out>` and do not fail it.
 */
export const junitReporter: Reporter = (report, ctx) => {
  const touchpoints = checkedTouchpoints(report);
  // The families that ran (a validation has no gap suite), else every family in the catalogue.
  const ran = report.checked?.families;
  const families = sortFamilies([
    ...(ran ?? ctx.rules.map((r) => ruleFamily(r.id))),
    ...report.findings.map((f) => ruleFamily(f.rule)),
  ]);
  const suites = families.map((family) =>
    suiteFor(
      family,
      touchpoints,
      report.findings.filter((f) => ruleFamily(f.rule) === family),
      ctx,
    ),
  );
  const tests = suites.reduce((n, s) => n + s.tests, 0);
  const failures = suites.reduce((n, s) => n + s.failures, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attr(report.tool.name)}" tests="${tests}" failures="${failures}" errors="0" skipped="0">`,
    ...suites.flatMap((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n');
};
