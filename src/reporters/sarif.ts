import { fingerprint } from '../baseline/fingerprint.js';
import type { AuditReport } from '../report.js';
import type { Finding, RuleMeta, Severity } from '../types.js';
import { ruleFamily } from '../shared/rule-family.js';
import { reportPath } from './report-path.js';
import { jsonChunks } from '../text/json-chunks.js';
import type { ChunkedReporter, Reporter, ReporterContext } from './types.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const TOOL_INFORMATION_URI = 'https://www.npmjs.com/package/touchpoint-audit';
/** The `partialFingerprints` key; bump the version if `fingerprint()` ever changes. */
export const FINGERPRINT_KEY = 'touchpointFingerprint/v1';

/** Levels of the log written member by member: the log, `runs`, the run, its `results`. */
const SPLIT_LEVELS = 4;

type SarifLevel = 'error' | 'warning' | 'note';

const LEVELS: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

/** `overlap/collision` → `OverlapCollision`: SARIF wants a readable rule name. */
function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== '')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

function sarifRule(meta: RuleMeta): Record<string, unknown> {
  const text = `${meta.description}\n\nWhy: ${meta.rationale}\n\nHow to fix: ${meta.fix}`;
  const markdown = `**${meta.id}**: ${meta.description}\n\n**Why it matters.** ${meta.rationale}\n\n**How to fix.** ${meta.fix}`;
  return {
    id: meta.id,
    name: ruleName(meta.id),
    shortDescription: { text: meta.description },
    fullDescription: { text: `${meta.description} ${meta.rationale}` },
    help: { text, markdown },
    defaultConfiguration: { level: LEVELS[meta.defaultSeverity] },
    properties: { tags: ['touchpoint-audit', ruleFamily(meta.id)] },
  };
}

/** A placeholder for a rule id the catalogue does not know, so every result has a rule. */
function unknownRuleMeta(id: string, severity: Severity): RuleMeta {
  return {
    id,
    defaultSeverity: severity,
    description: `Findings of rule ${id}.`,
    rationale: 'This rule is not in the catalogue given to the reporter.',
    fix: `Run \`touchpoint explain ${id}\`.`,
    messages: {},
  };
}

/**
 * A relative path as a URI reference: each segment %-encoded, and `:` `?` `#` encoded too so
 * a name like `a:b.csv` is not read as a scheme and `#2.csv` not as a fragment.
 */
export function pathToUri(path: string): string {
  return path
    .split('/')
    .map((segment) =>
      encodeURIComponent(segment).replace(
        /[!'()*]/g,
        (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
      ),
    )
    .join('/');
}

function region(finding: Finding): Record<string, number> {
  const { line, column, endLine, endColumn } = finding.location;
  const result: Record<string, number> = {
    startLine: Math.max(1, line),
    startColumn: Math.max(1, column),
    endLine: Math.max(line, endLine ?? line),
  };
  // Without an end column SARIF's default is "to the end of the line", which is what we mean.
  if (endColumn !== undefined) result.endColumn = Math.max(1, endColumn);
  return result;
}

/**
 * One fingerprint per result. Code scanning treats results with equal fingerprints as one
 * alert, but a baseline fingerprint may occur several times (two bad rows for one touchpoint);
 * the 2nd, 3rd … occurrence in file order gets `:2`, `:3` …, as CodeQL numbers its line hashes.
 */
function resultFingerprints(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const print = fingerprint(finding);
    const occurrence = (seen.get(print) ?? 0) + 1;
    seen.set(print, occurrence);
    return occurrence === 1 ? print : `${print}:${occurrence.toString()}`;
  });
}

function sarifResult(
  finding: Finding,
  print: string,
  ruleIndex: number,
  ctx: ReporterContext,
  withBaseline: boolean,
): Record<string, unknown> {
  const result: Record<string, unknown> = {
    ruleId: finding.rule,
    ruleIndex,
    level: LEVELS[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: {
            uri: pathToUri(reportPath(finding.location.file, ctx.cwd)),
            uriBaseId: '%SRCROOT%',
          },
          region: region(finding),
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: print },
  };
  if (withBaseline) result.baselineState = finding.baselined === true ? 'unchanged' : 'new';
  if (finding.waived !== undefined) {
    const suppression: Record<string, unknown> = {
      kind: 'external',
      status: 'accepted',
      justification: finding.waived.reason,
    };
    if (finding.waived.expires !== undefined) {
      suppression.properties = { expires: finding.waived.expires };
    }
    result.suppressions = [suppression];
  }
  const properties: Record<string, unknown> = {
    messageId: finding.messageId,
    data: finding.data,
  };
  if (finding.touchpoint !== undefined) properties.touchpoint = finding.touchpoint;
  if (finding.related !== undefined && finding.related.length > 0) {
    properties.related = finding.related;
  }
  if (finding.field !== undefined) properties.field = finding.field;
  result.properties = properties;
  return result;
}

/** Builds the SARIF log as an object (exported for tests and library users). */
export function sarifLog(report: AuditReport, ctx: ReporterContext): Record<string, unknown> {
  const metas = new Map<string, RuleMeta>();
  for (const meta of ctx.rules) metas.set(meta.id, meta);
  for (const finding of report.findings) {
    if (!metas.has(finding.rule))
      metas.set(finding.rule, unknownRuleMeta(finding.rule, finding.severity));
  }
  const ids = [...metas.keys()].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const withBaseline = report.baseline !== undefined;
  const prints = resultFingerprints(report.findings);
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: TOOL_INFORMATION_URI,
            rules: ids.map((id) => sarifRule(metas.get(id) ?? unknownRuleMeta(id, 'warning'))),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: report.findings.map((finding, i) =>
          sarifResult(finding, prints[i] ?? '', index.get(finding.rule) ?? 0, ctx, withBaseline),
        ),
      },
    ],
  };
}

/**
 * SARIF 2.1.0 for GitHub code scanning: one run, every rule of the catalogue with its
 * descriptions and help, one result per finding with a relative `%SRCROOT%` URI, a 1-based
 * region, `partialFingerprints` from the baseline fingerprint (numbered when it repeats),
 * `suppressions` for waived findings and `baselineState` when a baseline was applied.
 */
export const sarifChunks: ChunkedReporter = function* (report, ctx) {
  yield* jsonChunks(sarifLog(report, ctx), SPLIT_LEVELS);
  yield '\n';
};

/** The SARIF log as one string (for library users; the CLI writes `sarifChunks`). */
export const sarifReporter: Reporter = (report, ctx) => [...sarifChunks(report, ctx)].join('');
