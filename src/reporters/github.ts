import type { AuditReport } from '../report.js';
import type { Finding, Severity } from '../types.js';
import {
  formatLocation,
  formatPercent,
  formatScore,
  isActive,
  openErrorsText,
  periodText,
  reportTitle,
  severityWord,
  skippedRules,
  skippedText,
} from './finding-facts.js';
import { ENGLISH } from '../i18n/locale.js';
import type { Locale } from '../i18n/locale.js';
import {
  markdownCell,
  markdownCode,
  markdownLabel,
  markdownTable,
  markdownText,
} from './markdown-table.js';
import { reportNames } from './names.js';
import { comparisonText, headlineChange } from './comparison.js';
import { reportPath } from './report-path.js';
import { oneLine } from '../text/one-line.js';
import { visibleStrings, visibleText } from '../text/visible-text.js';
import type { Reporter, ReporterContext } from './types.js';

/**
 * GitHub shows at most 10 error, 10 warning and 10 notice annotations per step (and 50 per
 * job); the rest of the workflow commands are silently dropped. Source: actions/toolkit,
 * docs/problem-matchers.md, "Limitations".
 */
export const ANNOTATIONS_PER_TYPE = 10;
/** Rows of the step summary's findings table; the summary must stay far below GitHub's 1 MiB. */
export const SUMMARY_MAX_FINDINGS = 100;

type Command = 'error' | 'warning' | 'notice';
const COMMANDS: Record<Severity, Command> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escapes a workflow command's message exactly like `@actions/core` (`escapeData`). */
export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Escapes a workflow command property like `@actions/core` (`escapeProperty`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

function annotation(finding: Finding, ctx: ReporterContext): string {
  const { line, column, endLine, endColumn } = finding.location;
  const props: [string, string][] = [['file', reportPath(finding.location.file, ctx.cwd)]];
  props.push(['line', String(line)]);
  const lastLine = endLine ?? line;
  props.push(['endLine', String(lastLine)]);
  // GitHub ignores or misplaces columns on multi-line ranges, so they go only on one line.
  if (lastLine === line) {
    props.push(['col', String(column)]);
    if (endColumn !== undefined) props.push(['endColumn', String(endColumn)]);
  }
  const title =
    finding.touchpoint === undefined ? finding.rule : `${finding.rule} (${finding.touchpoint})`;
  props.push(['title', title]);
  const properties = props.map(([key, value]) => `${key}=${escapeProperty(value)}`).join(',');
  return `::${COMMANDS[finding.severity]} ${properties}::${escapeData(finding.message)}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * GitHub Actions workflow commands, one annotation per finding that still counts (waived and
 * baselined findings are not annotated). At most 10 annotations of each type are emitted, as
 * GitHub drops the rest; when any are left out, a `::notice::` says how many (it takes one of
 * the 10 notice slots) and the left-out findings are listed as plain log lines in a group.
 * User text reaches the log with control characters as visible escapes, and every value in a
 * workflow command is escaped, so no name or path can start a command of its own.
 */
export const githubReporter: Reporter = (input, ctx) => {
  const report = visibleStrings(input, 'keep');
  const active = report.findings.filter(isActive);
  const totals: Record<Command, number> = { error: 0, warning: 0, notice: 0 };
  for (const finding of active) totals[COMMANDS[finding.severity]]++;
  const overflow = Object.values(totals).some((n) => n > ANNOTATIONS_PER_TYPE);
  const limits: Record<Command, number> = {
    error: ANNOTATIONS_PER_TYPE,
    warning: ANNOTATIONS_PER_TYPE,
    notice: overflow ? ANNOTATIONS_PER_TYPE - 1 : ANNOTATIONS_PER_TYPE,
  };
  const used: Record<Command, number> = { error: 0, warning: 0, notice: 0 };
  const lines: string[] = [];
  const leftOut: Finding[] = [];
  for (const finding of active) {
    const command = COMMANDS[finding.severity];
    if (used[command] < limits[command]) {
      used[command]++;
      lines.push(annotation(finding, ctx));
    } else {
      leftOut.push(finding);
    }
  }
  if (leftOut.length > 0) {
    const parts = (['error', 'warning', 'notice'] as const)
      .map((c) => [c, totals[c] - used[c]] as const)
      .filter(([, n]) => n > 0)
      .map(([c, n]) => `${n} ${c}`);
    const message =
      `${plural(leftOut.length, 'finding')} not annotated (${parts.join(', ')}): GitHub shows at most ` +
      `${ANNOTATIONS_PER_TYPE} annotations of each type per step. The full list is in this log and in the job summary.`;
    lines.push(`::notice title=${escapeProperty('touchpoint-audit')}::${escapeData(message)}`);
    lines.push(`::group::${escapeData(`Findings not annotated (${leftOut.length})`)}`);
    for (const finding of leftOut) {
      // "- " keeps the runner from reading a line as a command (it trims leading spaces only);
      // one line each, as a line break in a path or name would start a line of its own.
      const where = formatLocation(finding, reportPath(finding.location.file, ctx.cwd));
      const message = oneLine(finding.message);
      lines.push(visibleText(`- ${where} ${finding.severity} ${message} [${finding.rule}]`));
    }
    lines.push('::endgroup::');
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
};

function summaryCounts(report: AuditReport, loc: Locale): string {
  const f = report.summary.findings;
  const heads = [
    'gh.headErrors',
    'gh.headWarnings',
    'gh.headInfo',
    'gh.headWaived',
    'gh.headBaselined',
  ] as const;
  return markdownTable(
    heads.map((key) => loc.text(key)),
    [[f.error, f.warning, f.info, f.waived, f.baselined].map(String)],
    ['right', 'right', 'right', 'right', 'right'],
  );
}

/**
 * Markdown for `$GITHUB_STEP_SUMMARY` (the CLI appends it when the variable is set): the
 * score, the finding counts and the findings that still count, capped at
 * `SUMMARY_MAX_FINDINGS` rows, plus stale baseline entries.
 */
export function renderGithubSummary(input: AuditReport, ctx: ReporterContext): string {
  const report = visibleStrings(input, 'keep');
  const loc = ctx.locale ?? ENGLISH;
  const out: string[] = [];
  const name =
    report.inventory.name === undefined ? '' : `: ${markdownText(report.inventory.name)}`;
  out.push(
    `## ${reportTitle(report, loc)}${name}`,
    '',
    loc.text('gh.evaluated', { period: periodText(report, loc) }),
    '',
  );
  const skipped = skippedText(report, (file) => reportPath(file, ctx.cwd), loc);
  if (skipped !== undefined)
    out.push(`${markdownText(skipped)}: ${skippedRules(report, (id) => markdownCode(id))}.`, '');
  const s = report.summary;
  if (s.score !== null) {
    out.push(
      loc.text('gh.score', {
        score: formatScore(s.score, loc),
        grade: s.grade ?? '—',
        provisional: s.provisional === true ? loc.text('gh.provisional') : '',
        errors: openErrorsText(s.openErrors, loc),
        documentation: formatPercent(s.documentationCoverage, loc),
        data: formatPercent(s.dataCoverage, loc),
      }),
      '',
    );
  }
  const comparison = report.comparison;
  if (comparison !== undefined) {
    const f = comparison.findings;
    out.push(
      `${comparisonText(loc).title}: ${markdownText(headlineChange(comparison, loc))} · ${comparisonText(loc).counts(f.fixed.length, f.new.length, f.stillOpen)}.`,
      '',
    );
  }
  out.push(summaryCounts(report, loc), '');
  const active = report.findings.filter(isActive);
  if (active.length === 0) {
    out.push(loc.text('gh.nothing'), '');
  } else {
    out.push(`### ${loc.text('gh.toActOn', { n: active.length })}`, '');
    const names = reportNames(report);
    const rows = active
      .slice(0, SUMMARY_MAX_FINDINGS)
      .map((f) => [
        severityWord(f.severity, loc),
        markdownCode(f.rule, 'cell'),
        f.touchpoint === undefined ? '' : markdownLabel(names.touchpoint(f.touchpoint)),
        markdownCell(loc.message(f)),
        markdownCell(formatLocation(f, reportPath(f.location.file, ctx.cwd))),
      ]);
    const heads = [
      loc.text('md.headSeverity'),
      loc.text('md.headRule'),
      loc.text('summary.headTouchpoint'),
      loc.text('gh.headMessage'),
      loc.text('md.headLocation'),
    ];
    out.push(markdownTable(heads, rows), '');
    if (active.length > SUMMARY_MAX_FINDINGS) {
      out.push(loc.text('gh.more', { n: active.length - SUMMARY_MAX_FINDINGS }), '');
    }
  }
  const stale = report.baseline?.stale ?? [];
  if (stale.length > 0) {
    out.push(
      `### ${loc.text('gh.stale', { n: stale.length })}`,
      '',
      loc.text('gh.staleNote'),
      '',
      ...stale.map(
        (e) =>
          `- ${markdownCode(e.rule)}${e.touchpoint === undefined ? '' : loc.text('md.staleOn', { touchpoint: markdownText(e.touchpoint) })}`,
      ),
      '',
    );
  }
  return out.join('\n');
}
