import { Chalk } from 'chalk';
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { Action, AuditReport, Grade, GroupScore } from '../report.js';
import type { Finding, Severity } from '../types.js';
import { cadenceHeaders, cadenceRows, observedWindowText } from './observed-cadence.js';
import {
  actionMessage,
  isActive,
  metricTargetText,
  metricValueText,
  openErrorsText,
  periodText,
  severityWord,
  skippedText,
  validationText,
} from './finding-facts.js';
import {
  executiveSummary,
  ownerActionsText,
  scopeText,
  signedPoints,
  summaryText,
  TOP_ACTIONS_TERMINAL,
} from './executive-summary.js';
import { ENGLISH } from '../i18n/locale.js';
import type { Locale } from '../i18n/locale.js';
import type { UiKey } from '../i18n/ui-en.js';
import { comparisonLines } from './comparison-table.js';
import { moveSearchLines } from './move-search.js';
import { reportNames } from './names.js';
import type { ReportNames } from './names.js';
import { terminalLabel } from './terminal-layout.js';
import { borderless, breakLongWords, trimLines, wrapText } from '../text/wrap-text.js';
import { inertLogLines } from '../text/inert-log-lines.js';
import { visibleStrings, visibleText } from '../text/visible-text.js';
import { sequenceSteps, stepText, unitOrder } from './sequences.js';
import type { Reporter, ReporterContext, ScorecardGrouping } from './types.js';
import { cappedWords, componentWords, nextStepWords } from './score-words.js';

function severityLabel(
  c: ChalkInstance,
  finding: Pick<Finding, 'severity' | 'waived' | 'baselined'>,
  loc: Locale,
): string {
  if (finding.waived) return c.dim(loc.text('table.waived'));
  if (finding.baselined) return c.dim(loc.text('table.baseline'));
  const colours: Record<Severity, (text: string) => string> = {
    error: c.red,
    warning: c.yellow,
    info: c.blue,
  };
  return colours[finding.severity](severityWord(finding.severity, loc));
}

function gradeLabel(c: ChalkInstance, grade: Grade | null, text: string): string {
  if (grade === null) return text;
  if (grade === 'A' || grade === 'B') return c.green(text);
  if (grade === 'C') return c.yellow(text);
  return c.red(text);
}

/** ESLint-style: a file heading, then `line:col  severity  message  rule` rows. */
/** The words the findings table's severity column shows. */
const SEVERITY_KEYS: readonly UiKey[] = [
  'severity.error',
  'severity.warning',
  'severity.info',
  'table.waived',
  'table.baseline',
];

function findingsTable(
  c: ChalkInstance,
  findings: readonly Finding[],
  width: number,
  loc: Locale,
): string {
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    const list = byFile.get(finding.location.file) ?? [];
    list.push(finding);
    byFile.set(finding.location.file, list);
  }
  const parts: string[] = [];
  for (const [file, list] of byFile) {
    // Below a message column of 40, the rule id moves from its own column to a line under the
    // message.
    const ruleWidth = Math.min(32, Math.max(...list.map((f) => f.rule.length)) + 2);
    // The severity column fits its longest word (`peringatan` in Indonesian), 8 at least.
    const severityWidth = Math.max(8, ...SEVERITY_KEYS.map((key) => loc.text(key).length));
    const rest = width - 2 - 8 - 2 - severityWidth - 2;
    const ruleColumn = rest - 2 - ruleWidth >= 40;
    const table = new Table({
      chars: borderless(),
      colWidths: ruleColumn
        ? [8, severityWidth, rest - 2 - ruleWidth, ruleWidth]
        : [8, severityWidth, rest],
      wordWrap: true,
      wrapOnWordBoundary: true,
      style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
    });
    for (const finding of list) {
      const { line, column } = finding.location;
      const message = finding.waived
        ? `${loc.message(finding)} ${loc.text('table.waivedReason', { reason: finding.waived.reason })}`
        : loc.message(finding);
      const messageWidth = rest - (ruleColumn ? 2 + ruleWidth : 0);
      const fitted = breakLongWords(message, messageWidth);
      const rule = c.dim(breakLongWords(finding.rule, ruleColumn ? ruleWidth : messageWidth));
      table.push([
        c.dim(`${line}:${column}`),
        severityLabel(c, finding, loc),
        ...(ruleColumn ? [fitted, rule] : [`${fitted}\n${rule}`]),
      ]);
    }
    parts.push(c.underline(visibleText(file)), trimLines(table.toString()));
  }
  return parts.join('\n');
}

function groupTable(
  c: ChalkInstance,
  title: string,
  groups: readonly GroupScore[],
  width: number,
  loc: Locale,
  name: (id: string) => string = (id) => id,
): string {
  const rows = (nameWidth?: number) =>
    groups.map((group) => [
      nameWidth === undefined ? name(group.id) : breakLongWords(name(group.id), nameWidth - 2),
      `${loc.number(group.score.toFixed(1))}${group.provisional ? '*' : ''}`,
      gradeLabel(c, group.grade, group.grade),
      String(group.touchpoints),
    ]);
  const render = (nameWidth?: number) => {
    const table = new Table({
      head: [
        title,
        loc.text('scores.score'),
        loc.text('scores.grade'),
        loc.text('scores.touchpoints'),
      ].map((h) => c.bold(h)),
      colAligns: ['left', 'right', 'center', 'right'],
      ...(nameWidth === undefined ? {} : { colWidths: [nameWidth], wordWrap: true }),
      style: { head: [], border: [], compact: true },
    });
    table.push(...rows(nameWidth));
    return table.toString();
  };
  // Sized to its content, unless that is wider than the terminal: then the name column wraps
  // in what the other three columns and the borders leave. The top border is box-drawing
  // characters only, so its length is the table's width.
  const natural = render();
  const text =
    (natural.split('\n')[0] ?? '').length > width ? render(width - 7 - 7 - 13 - 5) : natural;
  const note = groups.some((g) => g.provisional)
    ? `\n${c.dim(`* ${loc.text('facts.provisional')}`)}`
    : '';
  return text + note;
}

const GROUP_TITLES = {
  stage: 'scores.stage',
  owner: 'scores.owner',
  channel: 'scores.channel',
  segment: 'scores.segment',
  sequence: 'scores.sequence',
} as const satisfies Record<Exclude<ScorecardGrouping, 'touchpoint'>, UiKey>;

type ScorecardColumn = 'touchpoint' | 'owner' | 'score' | 'level' | 'metric' | 'findings';

const SCORECARD_HEADS: Record<ScorecardColumn, UiKey> = {
  touchpoint: 'table.headTouchpoint',
  owner: 'table.headOwner',
  score: 'table.headScore',
  level: 'table.headLevel',
  metric: 'table.headMetric',
  findings: 'table.headFindings',
};

const SCORECARD_ALIGNS: Record<ScorecardColumn, 'left' | 'right' | 'center'> = {
  touchpoint: 'left',
  owner: 'left',
  score: 'right',
  level: 'center',
  metric: 'left',
  findings: 'left',
};

/** Column widths of the scorecard, and whether Level and Findings have columns of their own. */
interface ScorecardLayout {
  widths: Record<ScorecardColumn, number>;
  level: boolean;
  findings: boolean;
}

function scorecardColumns(layout: ScorecardLayout): ScorecardColumn[] {
  return [
    'touchpoint',
    'owner',
    'score',
    ...(layout.level ? (['level'] as const) : []),
    'metric',
    ...(layout.findings ? (['findings'] as const) : []),
  ];
}

const MIN_METRIC_WIDTH = 24;

/**
 * The widest layout whose metric column gets 24 columns: all six columns (from 99 columns
 * up), then the level under the score (from 91), then the level and the finding counts under
 * the score, where the metric column fits its longest name (capped at 32) and the touchpoint
 * column takes the rest.
 */
function scorecardLayout(
  width: number,
  touchpoints: readonly { id: string; metric?: { name: string } }[],
): ScorecardLayout {
  for (const level of [true, false]) {
    const layout: ScorecardLayout = {
      level,
      findings: true,
      widths: {
        touchpoint: 26,
        owner: 16,
        score: 9,
        level: level ? 7 : 0,
        metric: 0,
        findings: 10,
      },
    };
    const others = scorecardColumns(layout).filter((column) => column !== 'metric');
    const used = others.reduce((sum, column) => sum + layout.widths[column], 0);
    // One border more than there are columns.
    const metric = width - used - (others.length + 2);
    if (metric >= MIN_METRIC_WIDTH) return { ...layout, widths: { ...layout.widths, metric } };
  }
  const longestId = Math.max(0, ...touchpoints.map((tp) => tp.id.length));
  const longestMetric = Math.max(0, ...touchpoints.map((tp) => (tp.metric?.name.length ?? 0) + 1));
  // Owner 14, score 10 and five borders.
  const room = width - 14 - 10 - 5;
  const metric = Math.min(32, Math.max(MIN_METRIC_WIDTH, longestMetric + 2));
  const touchpoint = Math.min(Math.max(20, room - metric), Math.max(22, longestId + 2));
  return {
    level: false,
    findings: false,
    widths: { touchpoint, owner: 14, score: 10, level: 0, metric: room - touchpoint, findings: 0 },
  };
}

/** `scorecard` in a terminal: one row per touchpoint, or per group with `--by`. */
function scorecardTable(
  c: ChalkInstance,
  report: AuditReport,
  ctx: ReporterContext,
  names: ReportNames,
): string {
  const scores = report.scores;
  if (!scores) return '';
  const loc = ctx.locale ?? ENGLISH;
  const head = (column: ScorecardColumn) => loc.text(SCORECARD_HEADS[column]);
  if (ctx.by !== 'touchpoint') {
    const groups = {
      stage: scores.stages,
      owner: scores.owners,
      channel: scores.channels,
      segment: scores.segments,
      sequence: scores.sequences ?? [],
    }[ctx.by];
    if (ctx.by === 'segment' && groups.length === 0) return c.dim(loc.text('table.noSegments'));
    if (ctx.by === 'sequence' && groups.length === 0) return c.dim(loc.text('table.noSequences'));
    const name =
      ctx.by === 'owner'
        ? (id: string) => terminalLabel(c, names.owner(id))
        : ctx.by === 'stage'
          ? loc.stage
          : ctx.by === 'channel'
            ? loc.channel
            : (id: string) => id;
    return groupTable(c, loc.text(GROUP_TITLES[ctx.by]), groups, ctx.width ?? 100, loc, name);
  }
  // The id, stage and channel sit under the name, and the metric column wraps.
  const layout = scorecardLayout(ctx.width ?? 100, scores.touchpoints);
  const columns = scorecardColumns(layout);
  const table = new Table({
    // A heading line for each fact the Score cell holds.
    head: columns.map((column) =>
      column === 'score'
        ? [
            head('score'),
            ...(layout.level ? [] : [head('level')]),
            ...(layout.findings ? [] : [head('findings')]),
          ]
            .map((line) => c.bold(line))
            .join('\n')
        : c.bold(head(column)),
    ),
    colWidths: columns.map((column) => layout.widths[column]),
    colAligns: columns.map((column) => SCORECARD_ALIGNS[column]),
    wordWrap: true,
    style: { head: [], border: [], compact: true },
  });
  const steps = sequenceSteps(report);
  for (const tp of unitOrder(scores.touchpoints, report)) {
    const metric = tp.metric
      ? `${tp.metric.name}: ${metricValueText(tp.metric, loc)} / ${metricTargetText(tp.metric, loc)}`
      : '—';
    const counts = [
      tp.findings.error > 0 ? c.red(loc.text('table.errorsShort', { n: tp.findings.error })) : '',
      tp.findings.warning > 0
        ? c.yellow(loc.text('table.warningsShort', { n: tp.findings.warning }))
        : '',
      tp.findings.info > 0 ? c.blue(loc.text('table.infosShort', { n: tp.findings.info })) : '',
    ].filter((part) => part !== '');
    const findings = counts.join(' ') || c.green('ok');
    const level = `L${tp.level}`;
    const named = names.touchpoint(tp.id);
    const step = steps.get(tp.id);
    // Long names and ids break over lines (before colour) rather than being cut with `…`.
    const fit = (text: string, column: ScorecardColumn): string =>
      breakLongWords(text, layout.widths[column] - 2);
    const id = fit(tp.id, 'touchpoint');
    const cells: Record<ScorecardColumn, string> = {
      touchpoint:
        (named.name === undefined ? id : `${fit(named.name, 'touchpoint')}\n${c.dim(id)}`) +
        `\n${c.dim(`${tp.stage === undefined ? '—' : loc.stage(tp.stage)} · ${tp.channel === undefined ? '—' : loc.channel(tp.channel)}`)}` +
        (step === undefined ? '' : `\n${c.dim(stepText(step, loc))}`) +
        (tp.capped === undefined
          ? ''
          : `\n${c.red(loc.text('scores.capped', { why: cappedWords(tp, loc) ?? '' }))}`),
      owner:
        tp.owner === undefined
          ? c.red(loc.text('table.noOwner'))
          : fit(names.owner(tp.owner).name ?? tp.owner, 'owner'),
      score:
        gradeLabel(
          c,
          tp.grade,
          `${loc.number(tp.score.toFixed(1))} ${tp.grade}${tp.provisional ? '*' : ''}`,
        ) +
        (layout.level ? '' : `\n${level}`) +
        (layout.findings ? '' : `\n${counts.join('\n') || c.green('ok')}`),
      level,
      metric: fit(metric, 'metric'),
      findings,
    };
    table.push(columns.map((column) => cells[column]));
  }
  const note = scores.touchpoints.some((t) => t.provisional)
    ? `\n${c.dim(`* ${loc.text('facts.provisional')}`)}`
    : '';
  return table.toString() + note;
}

/** Planned beside observed cadence per segment, wrapped to the terminal width. */
function observedTable(
  c: ChalkInstance,
  report: AuditReport,
  width: number,
  loc: Locale,
): string[] {
  const observed = report.observed;
  if (observed === undefined) return [];
  // Six columns and their seven borders share the width; the four text columns wrap.
  const rest = Math.max(48, width - 7 - 12 - 10);
  const planned = Math.floor(rest * 0.27);
  const received = Math.floor(rest * 0.29);
  const silence = Math.floor(rest * 0.22);
  const table = new Table({
    head: cadenceHeaders(loc).map((h) => c.bold(h)),
    colWidths: [12, 10, planned, received, silence, rest - planned - received - silence],
    colAligns: ['left', 'right', 'left', 'left', 'left', 'left'],
    wordWrap: true,
    style: { head: [], border: [], compact: true },
  });
  for (const row of cadenceRows(report, observed, loc)) table.push(row);
  return [
    c.bold.underline(loc.text('cadence.title')),
    c.dim(loc.text('cadence.eventLogs', { window: observedWindowText(observed, loc) })),
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

function summaryLines(c: ChalkInstance, report: AuditReport, width: number, loc: Locale): string[] {
  const { summary } = report;
  const counts = summary.findings;
  const title = report.inventory.name ?? report.inventory.files.join(', ');
  const lines = [c.bold(visibleText(title))];
  lines.push(
    loc.text('table.files', {
      touchpoints: report.inventory.touchpoints,
      files: report.inventory.files.length,
      period: periodText(report, loc),
    }),
  );
  const validation = validationText(report, loc);
  if (validation !== undefined) lines.push(validation);
  const skipped = skippedText(report, undefined, loc);
  if (skipped !== undefined) {
    lines.push(c.yellow(`${skipped}:`));
    lines.push(...wrapList(report.checked?.skipped?.rules ?? [], width).map((l) => c.dim(l)));
  }
  if (summary.score !== null && summary.grade !== null) {
    const provisional = summary.provisional === true ? loc.text('table.provisional') : '';
    const errors = openErrorsText(summary.openErrors, loc);
    const score = `${loc.number(summary.score.toFixed(1))} (${summary.grade}${provisional})`;
    lines.push(
      `${loc.text('table.score')} ${gradeLabel(c, summary.grade, score)} · ${summary.openErrors > 0 ? c.red(errors) : errors}` +
        (summary.documentationCoverage !== null
          ? loc.text('table.documentation', {
              percent: loc.number(summary.documentationCoverage.toFixed(0)),
            })
          : '') +
        (summary.dataCoverage !== null
          ? loc.text('table.data', { percent: loc.number(summary.dataCoverage.toFixed(0)) })
          : ''),
    );
    lines.push(`${loc.text('table.scope')}: ${scopeText(report, loc)}`);
  }
  const parts = [
    c.red(loc.text('table.errorCount', { n: counts.error })),
    c.yellow(loc.text('table.warningCount', { n: counts.warning })),
    c.blue(loc.text('table.infoCount', { n: counts.info })),
  ];
  if (counts.waived > 0) parts.push(c.dim(loc.text('table.waivedCount', { n: counts.waived })));
  if (counts.baselined > 0)
    parts.push(c.dim(loc.text('table.baselineCount', { n: counts.baselined })));
  const families = Object.entries(summary.byFamily)
    .map(([family, n]) => `${family} ${n}`)
    .join(', ');
  lines.push(parts.join(', ') + (families ? c.dim(` (${families})`) : ''));
  return lines.flatMap((line) => wrapText(line, width, 0, 2));
}

/** Where an action's finding is, when it names no touchpoint: `metrics/email.csv:166`. */
function actionPlace(action: Action): string {
  return visibleText(`${action.location.file}:${action.location.line}`);
}

/** The ranked fixes: who, what is wrong, and what to do, each wrapped to the width. */
function actionLines(
  c: ChalkInstance,
  report: AuditReport,
  width: number,
  names: ReportNames,
  loc: Locale,
): string[] {
  const summary = executiveSummary(report, TOP_ACTIONS_TERMINAL);
  if (summary === undefined) return [];
  const text = summaryText(loc);
  const out = [c.bold.underline(loc.text('table.topActions'))];
  if (summary.actions.length === 0) return [...out, c.green(text.noActions), ''];
  const table = new Table({
    chars: borderless(),
    colWidths: [3, 5, Math.max(30, width - 2 - 3 - 2 - 5 - 2)],
    colAligns: ['right', 'right', 'left'],
    wordWrap: true,
    wrapOnWordBoundary: true,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
  });
  for (const action of summary.actions) {
    const who =
      action.touchpoint === undefined
        ? c.dim(actionPlace(action))
        : c.bold(terminalLabel(c, names.touchpoint(action.touchpoint)));
    const owner = names.owner(action.owner);
    const contact = owner.contact === undefined ? '' : c.dim(` <${visibleText(owner.contact)}>`);
    const more =
      action.findings > 1
        ? ` ${c.dim(loc.text('table.moreFindings', { n: action.findings - 1 }))}`
        : '';
    const points = signedPoints(action.points, loc);
    const message = actionMessage(report, action, loc);
    const fix = loc.fix(action.rule, action.fix);
    table.push([
      `${action.rank}.`,
      action.points > 0 ? c.green(points) : points,
      `${who} · ${terminalLabel(c, owner)}${contact}\n${severityLabel(c, action, loc)} ${message}${more}\n${loc.text('table.fix')}: ${fix}`,
    ]);
  }
  out.push(trimLines(table.toString()));
  if (summary.moreActions > 0)
    out.push(
      ...wrapText(text.moreActions(summary.moreActions, summary.morePoints), width, 2, 2).map(
        (line) => c.dim(line),
      ),
    );
  out.push('', c.bold.underline(loc.text('table.byOwner')));
  for (const entry of summary.owners) {
    const owner = names.owner(entry.owner);
    const contact = owner.contact === undefined ? '' : c.dim(` · ${visibleText(owner.contact)}`);
    out.push(
      ...wrapText(
        `${ownerActionsText(entry, terminalLabel(c, owner), loc)}${contact}`,
        width,
        2,
        2,
      ),
    );
  }
  return [...out, ''];
}

/** Findings by severity (errors first), then the waived and baselined ones, each by file. */
const SEVERITY_HEADINGS: Record<Severity, UiKey> = {
  error: 'table.errors',
  warning: 'table.warnings',
  info: 'table.infos',
};

function findingSections(
  c: ChalkInstance,
  report: AuditReport,
  width: number,
  loc: Locale,
): string[] {
  const groups: [string, Finding[]][] = [
    ...(['error', 'warning', 'info'] as const).map((severity): [string, Finding[]] => [
      loc.text(SEVERITY_HEADINGS[severity]),
      report.findings.filter((f) => isActive(f) && f.severity === severity),
    ]),
    [loc.text('table.inactive'), report.findings.filter((f) => !isActive(f))],
  ];
  const out: string[] = [];
  for (const [title, findings] of groups) {
    if (findings.length === 0) continue;
    out.push(
      c.bold.underline(`${title} (${findings.length})`),
      findingsTable(c, findings, width, loc),
      '',
    );
  }
  return out;
}

/**
 * The terminal report: the summary and the top actions, then the findings by severity, then
 * the score tables. Plain text when `ctx.color` is false (pipes, NO_COLOR). Control characters
 * in user text are shown as escapes (`visibleStrings`); line breaks stay inside table cells,
 * which keep them in their column, and no line can start a CI workflow command (`inertLogLines`).
 */
export const renderTable: Reporter = (input: AuditReport, ctx: ReporterContext) =>
  inertLogLines(tableText(visibleStrings(input, 'keep'), ctx));

/** `--explain`: how each collision's and density breach's move was searched. */
function moveSearchText(
  c: ChalkInstance,
  report: AuditReport,
  width: number,
  loc: Locale,
): string[] {
  const searched = moveSearchLines(
    report.findings,
    (f) => `${f.rule} ${f.location.file}:${String(f.location.line)}:${String(f.location.column)}`,
    loc,
  );
  if (searched === undefined) return [];
  return [
    c.bold.underline(searched.heading),
    ...searched.lines.flatMap(({ where, outcome, details }) => [
      ...wrapText(where === undefined ? outcome : `${where}: ${outcome}`, width, 0, 4),
      ...details.flatMap((detail) => wrapText(c.dim(detail), width, 2, 2)),
    ]),
    '',
  ];
}

function tableText(report: AuditReport, ctx: ReporterContext): string {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const width = ctx.width ?? 100;
  const names = reportNames(report);
  const loc = ctx.locale ?? ENGLISH;
  const out: string[] = [...summaryLines(c, report, width, loc), ''];
  if (report.command === 'scorecard') {
    return `${[...out, scorecardTable(c, report, ctx, names)].join('\n').trimEnd()}\n`;
  }
  out.push(...actionLines(c, report, width, names, loc));
  if (report.comparison !== undefined)
    out.push(...comparisonLines(c, report.comparison, width, loc));
  out.push(...findingSections(c, report, width, loc));
  if (report.findings.length === 0) out.push(c.green(loc.text('table.noProblems')), '');
  out.push(...observedTable(c, report, width, loc));
  if (ctx.explain) out.push(...moveSearchText(c, report, width, loc));
  if (report.scores) {
    const owner = (id: string) => terminalLabel(c, names.owner(id));
    out.push(
      c.bold.underline(loc.text('scores.byStage')),
      groupTable(c, loc.text('scores.stage'), report.scores.stages, width, loc, loc.stage),
      '',
    );
    out.push(
      c.bold.underline(loc.text('scores.byOwner')),
      groupTable(c, loc.text('scores.owner'), report.scores.owners, width, loc, owner),
      '',
    );
    if (ctx.explain) {
      out.push(c.bold.underline(loc.text('table.touchpointScores')));
      for (const tp of report.scores.touchpoints) {
        const components = componentWords(tp, loc)
          .map(
            (comp) =>
              `${comp.label} ${comp.points >= 0 ? '+' : '−'}${loc.number(Math.abs(comp.points).toFixed(1))}`,
          )
          .join(', ');
        const why = cappedWords(tp, loc);
        const facts =
          tp.grade +
          (tp.provisional ? loc.text('table.explainProvisional') : '') +
          (why === undefined ? '' : loc.text('table.explainCapped', { why }));
        out.push(
          ...wrapText(
            `${tp.id}: ${loc.number(tp.score.toFixed(1))} (${facts}, L${tp.level}) = ${components}`,
            width,
            0,
            4,
          ),
        );
        const next = nextStepWords(tp, loc);
        if (next !== '') out.push(...wrapText(c.dim(next), width, 2, 2));
      }
      out.push('');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
