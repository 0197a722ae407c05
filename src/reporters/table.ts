import { Chalk } from 'chalk';
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { AuditReport, Grade, GroupScore } from '../report.js';
import type { Finding, Severity } from '../types.js';
import { CADENCE_HEADERS, cadenceRows, observedWindowText } from './observed-cadence.js';
import {
  familyCountText,
  metricTargetText,
  metricValueText,
  openErrorsText,
  periodText,
  PROVISIONAL_NOTE,
  skippedText,
  validationText,
} from './finding-facts.js';
import { inertLogLines } from '../text/inert-log-lines.js';
import { visibleStrings, visibleText } from '../text/visible-text.js';
import type { Reporter, ReporterContext } from './types.js';

const FAMILY_TITLES: [string, string][] = [
  ['schema', 'Schema'],
  ['gap', 'Gaps'],
  ['overlap', 'Overlaps'],
  ['ownerless', 'Ownerless'],
  ['metrics', 'Metric exports'],
  ['waiver', 'Waivers'],
];

function severityLabel(c: ChalkInstance, finding: Finding): string {
  if (finding.waived) return c.dim('waived');
  if (finding.baselined) return c.dim('baseline');
  const colours: Record<Severity, (text: string) => string> = {
    error: c.red,
    warning: c.yellow,
    info: c.blue,
  };
  return colours[finding.severity](finding.severity);
}

function gradeLabel(c: ChalkInstance, grade: Grade | null, text: string): string {
  if (grade === null) return text;
  if (grade === 'A' || grade === 'B') return c.green(text);
  if (grade === 'C') return c.yellow(text);
  return c.red(text);
}

const BORDERLESS = {
  top: '',
  'top-mid': '',
  'top-left': '',
  'top-right': '',
  bottom: '',
  'bottom-mid': '',
  'bottom-left': '',
  'bottom-right': '',
  left: '  ',
  'left-mid': '',
  mid: '',
  'mid-mid': '',
  right: '',
  'right-mid': '',
  middle: '  ',
};

/** ESLint-style: a file heading, then `line:col  severity  message  rule` rows. */
function findingsTable(c: ChalkInstance, findings: readonly Finding[], width: number): string {
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    const list = byFile.get(finding.location.file) ?? [];
    list.push(finding);
    byFile.set(finding.location.file, list);
  }
  const parts: string[] = [];
  for (const [file, list] of byFile) {
    const ruleWidth = Math.min(32, Math.max(...list.map((f) => f.rule.length)) + 2);
    const table = new Table({
      chars: BORDERLESS,
      colWidths: [8, 8, Math.max(30, width - 2 - 8 - 2 - 8 - 2 - 2 - ruleWidth), ruleWidth],
      wordWrap: true,
      wrapOnWordBoundary: true,
      style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
    });
    for (const finding of list) {
      const { line, column } = finding.location;
      const message = finding.waived
        ? `${finding.message} (waived: ${finding.waived.reason})`
        : finding.message;
      table.push([
        c.dim(`${line}:${column}`),
        severityLabel(c, finding),
        message,
        c.dim(finding.rule),
      ]);
    }
    // Per line rather than /[ \t]+$/gm, which backtracks quadratically on long runs of spaces.
    const rows = table
      .toString()
      .split('\n')
      .map((line) => line.trimEnd());
    parts.push(c.underline(visibleText(file)), rows.join('\n'));
  }
  return parts.join('\n');
}

function groupTable(c: ChalkInstance, title: string, groups: readonly GroupScore[]): string {
  const table = new Table({
    head: [title, 'Score', 'Grade', 'Touchpoints'].map((h) => c.bold(h)),
    colAligns: ['left', 'right', 'center', 'right'],
    style: { head: [], border: [], compact: true },
  });
  for (const group of groups) {
    table.push([
      group.id,
      `${group.score.toFixed(1)}${group.provisional ? '*' : ''}`,
      gradeLabel(c, group.grade, group.grade),
      String(group.touchpoints),
    ]);
  }
  const note = groups.some((g) => g.provisional) ? `\n${c.dim(`* ${PROVISIONAL_NOTE}`)}` : '';
  return table.toString() + note;
}

const GROUP_TITLES = {
  stage: 'Stage',
  owner: 'Owner',
  channel: 'Channel',
  segment: 'Segment',
} as const;

/** `scorecard` in a terminal: one row per touchpoint, or per group with `--by`. */
function scorecardTable(c: ChalkInstance, report: AuditReport, ctx: ReporterContext): string {
  const scores = report.scores;
  if (!scores) return '';
  if (ctx.by !== 'touchpoint') {
    const groups = {
      stage: scores.stages,
      owner: scores.owners,
      channel: scores.channels,
      segment: scores.segments,
    }[ctx.by];
    return groupTable(c, GROUP_TITLES[ctx.by], groups);
  }
  // Fits 100 columns: stage and channel sit under the id, and the metric column wraps.
  const fixed = [26, 12, 9, 7, 10];
  const metricWidth = Math.max(24, (ctx.width ?? 100) - fixed.reduce((sum, w) => sum + w, 0) - 7);
  const table = new Table({
    head: ['Touchpoint', 'Owner', 'Score', 'Level', 'Metric: value / target', 'Findings'].map((h) =>
      c.bold(h),
    ),
    colWidths: [26, 12, 9, 7, metricWidth, 10],
    colAligns: ['left', 'left', 'right', 'center', 'left', 'left'],
    wordWrap: true,
    style: { head: [], border: [], compact: true },
  });
  for (const tp of scores.touchpoints) {
    const metric = tp.metric
      ? `${tp.metric.name}: ${metricValueText(tp.metric)} / ${metricTargetText(tp.metric)}`
      : '—';
    const counts = [
      tp.findings.error > 0 ? c.red(`${tp.findings.error} E`) : '',
      tp.findings.warning > 0 ? c.yellow(`${tp.findings.warning} W`) : '',
      tp.findings.info > 0 ? c.blue(`${tp.findings.info} I`) : '',
    ].filter((part) => part !== '');
    table.push([
      `${tp.id}\n${c.dim(`${tp.stage ?? '—'} · ${tp.channel ?? '—'}`)}` +
        (tp.capped === undefined ? '' : `\n${c.red(`capped: ${tp.capped}`)}`),
      tp.owner ?? c.red('none'),
      gradeLabel(c, tp.grade, `${tp.score.toFixed(1)} ${tp.grade}${tp.provisional ? '*' : ''}`),
      `L${tp.level}`,
      metric,
      counts.join(' ') || c.green('ok'),
    ]);
  }
  const note = scores.touchpoints.some((t) => t.provisional)
    ? `\n${c.dim(`* ${PROVISIONAL_NOTE}`)}`
    : '';
  return table.toString() + note;
}

/** Planned beside observed cadence per segment, wrapped to the terminal width. */
function observedTable(c: ChalkInstance, report: AuditReport, width: number): string[] {
  const observed = report.observed;
  if (observed === undefined) return [];
  // Six columns and their seven borders share the width; the four text columns wrap.
  const rest = Math.max(48, width - 7 - 12 - 10);
  const planned = Math.floor(rest * 0.27);
  const received = Math.floor(rest * 0.29);
  const silence = Math.floor(rest * 0.22);
  const table = new Table({
    head: CADENCE_HEADERS.map((h) => c.bold(h)),
    colWidths: [12, 10, planned, received, silence, rest - planned - received - silence],
    colAligns: ['left', 'right', 'left', 'left', 'left', 'left'],
    wordWrap: true,
    style: { head: [], border: [], compact: true },
  });
  for (const row of cadenceRows(report, observed)) table.push(row);
  return [
    c.bold.underline('Planned vs observed cadence'),
    c.dim(`event logs ${observedWindowText(observed)}`),
    table.toString(),
    '',
  ];
}

/** Ids joined with `, ` into lines of at most `width` columns, each indented by two spaces. */
function wrapList(ids: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const id of ids) {
    const next = line === '' ? `  ${id}` : `${line}, ${id}`;
    if (line !== '' && next.length > width) {
      lines.push(`${line},`);
      line = `  ${id}`;
    } else line = next;
  }
  return line === '' ? lines : [...lines, line];
}

function summaryLines(c: ChalkInstance, report: AuditReport, width: number): string[] {
  const { summary } = report;
  const counts = summary.findings;
  const title = report.inventory.name ?? report.inventory.files.join(', ');
  const lines = [c.bold(visibleText(title))];
  lines.push(
    `${report.inventory.touchpoints} touchpoints in ${report.inventory.files.length} file(s), ${periodText(report)}`,
  );
  const validation = validationText(report);
  if (validation !== undefined) lines.push(validation);
  const skipped = skippedText(report);
  if (skipped !== undefined) {
    lines.push(c.yellow(`${skipped}:`));
    lines.push(...wrapList(report.checked?.skipped?.rules ?? [], width).map((l) => c.dim(l)));
  }
  if (summary.score !== null && summary.grade !== null) {
    const provisional = summary.provisional === true ? ', provisional' : '';
    const errors = openErrorsText(summary.openErrors);
    lines.push(
      `Score ${gradeLabel(c, summary.grade, `${summary.score.toFixed(1)} (${summary.grade}${provisional})`)} · ${summary.openErrors > 0 ? c.red(errors) : errors}` +
        (summary.documentationCoverage !== null
          ? ` · documentation ${summary.documentationCoverage.toFixed(0)}%`
          : '') +
        (summary.dataCoverage !== null ? ` · data ${summary.dataCoverage.toFixed(0)}%` : ''),
    );
  }
  const parts = [
    c.red(`${counts.error} error${counts.error === 1 ? '' : 's'}`),
    c.yellow(`${counts.warning} warning${counts.warning === 1 ? '' : 's'}`),
    c.blue(`${counts.info} info`),
  ];
  if (counts.waived > 0) parts.push(c.dim(`${counts.waived} waived`));
  if (counts.baselined > 0) parts.push(c.dim(`${counts.baselined} in baseline`));
  const families = Object.entries(summary.byFamily)
    .map(([family, n]) => `${family} ${n}`)
    .join(', ');
  lines.push(parts.join(', ') + (families ? c.dim(` (${families})`) : ''));
  return lines;
}

/**
 * The terminal report: a summary, then the findings by family, then the score tables.
 * Plain text when `ctx.color` is false (pipes, NO_COLOR). Control characters in user text are
 * shown as escapes (`visibleStrings`); line breaks stay inside table cells, which keep them in
 * their column, and no line can start a CI workflow command (`inertLogLines`).
 */
export const renderTable: Reporter = (input: AuditReport, ctx: ReporterContext) =>
  inertLogLines(tableText(visibleStrings(input, 'keep'), ctx));

function tableText(report: AuditReport, ctx: ReporterContext): string {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const width = ctx.width ?? 100;
  const out: string[] = [...summaryLines(c, report, width), ''];
  if (report.command === 'scorecard') {
    return `${[...out, scorecardTable(c, report, ctx)].join('\n').trimEnd()}\n`;
  }
  const byFamily = new Map<string, Finding[]>();
  for (const finding of report.findings) {
    const family = finding.rule.split('/')[0] ?? '';
    const list = byFamily.get(family) ?? [];
    list.push(finding);
    byFamily.set(family, list);
  }
  const known = new Set(FAMILY_TITLES.map(([family]) => family));
  const sections = [
    ...FAMILY_TITLES,
    ...[...byFamily.keys()].filter((f) => !known.has(f)).map((f) => [f, f] as [string, string]),
  ];
  for (const [family, title] of sections) {
    const findings = byFamily.get(family);
    if (!findings) continue;
    out.push(
      c.bold.underline(`${title} (${familyCountText(report, family)})`),
      findingsTable(c, findings, width),
      '',
    );
  }
  if (report.findings.length === 0) out.push(c.green('No problems found.'), '');
  out.push(...observedTable(c, report, width));
  if (report.scores) {
    out.push(c.bold.underline('Scores by stage'), groupTable(c, 'Stage', report.scores.stages), '');
    out.push(c.bold.underline('Scores by owner'), groupTable(c, 'Owner', report.scores.owners), '');
    if (ctx.explain) {
      out.push(c.bold.underline('Touchpoint scores'));
      for (const tp of report.scores.touchpoints) {
        const components = tp.components
          .map(
            (comp) =>
              `${comp.label} ${comp.points >= 0 ? '+' : '−'}${Math.abs(comp.points).toFixed(1)}`,
          )
          .join(', ');
        out.push(
          `${tp.id}: ${tp.score.toFixed(1)} (${tp.grade}${tp.provisional ? ', provisional' : ''}${tp.capped ? `, capped: ${tp.capped}` : ''}, L${tp.level}) = ${components}`,
        );
        if (tp.nextLevel) out.push(c.dim(`  ${tp.nextLevel}`));
      }
      out.push('');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
