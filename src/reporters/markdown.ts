import { compareText } from '../shared/compare-text.js';
import { sortFamilies } from '../shared/rule-family.js';
import { ENGLISH } from '../i18n/locale.js';
import type { Locale } from '../i18n/locale.js';
import type { AuditReport, GroupScore, TouchpointScore } from '../report.js';
import type { Finding } from '../types.js';
import { comparisonMarkdown } from './comparison-markdown.js';
import { coverageMatrix } from './coverage-matrix.js';
import {
  actionMessage,
  familyCountText,
  familyName,
  findingsByFamily,
  formatLocation,
  formatPercent,
  formatScore,
  metricTargetText,
  metricValueText,
  openErrorsText,
  periodText,
  reportTitle,
  severityWord,
  skippedRules,
  skippedText,
  validationText,
} from './finding-facts.js';
import {
  executiveSummary,
  ownerActionsText,
  scopeText,
  signedPoints,
  summaryText,
} from './executive-summary.js';
import {
  markdownCell as cell,
  markdownCode as code,
  markdownLabel as label,
  markdownTable,
  markdownText,
} from './markdown-table.js';
import { journeyText } from './journey-text.js';
import { reportNames } from './names.js';
import type { ReportNames } from './names.js';
import { cadenceHeaders, cadenceRows, observedWindowText } from './observed-cadence.js';
import { moveSearchLines } from './move-search.js';
import { reportPath } from './report-path.js';
import { cappedWords, componentPoints, componentWords, nextStepWords } from './score-words.js';
import { sequenceSteps, stepsText, stepText, unitOrder } from './sequences.js';
import type { SequenceStep } from './sequences.js';
import { visibleStrings } from '../text/visible-text.js';
import type { Reporter, ReporterContext } from './types.js';

/** Families that always get a section, even an empty one: the questions a client asks. */
const MAIN_FAMILIES = ['gap', 'overlap', 'ownerless'];

function header(report: AuditReport, ctx: ReporterContext, loc: Locale): string[] {
  const title =
    report.inventory.name === undefined ? '' : `: ${markdownText(report.inventory.name)}`;
  const inv = report.inventory;
  const files = inv.files.map((f) => code(reportPath(f, ctx.cwd))).join(', ');
  const out = [
    `# ${reportTitle(report, loc)}${title}`,
    '',
    loc.text('md.inventory', {
      files,
      touchpoints: inv.touchpoints,
      stages: inv.stages.length,
      segments: summaryText(loc).segments(inv.segments.length),
    }) +
      (inv.segments.length > 0 ? ` (${inv.segments.map(markdownText).join(', ')})` : '') +
      '.',
  ];
  const when = periodText(report, loc);
  out.push('', `${when.charAt(0).toUpperCase()}${when.slice(1)}.`);
  const validation = validationText(report, loc);
  if (validation !== undefined) out.push('', `${markdownText(validation)}.`);
  const skipped = skippedText(report, (file) => reportPath(file, ctx.cwd), loc);
  if (skipped !== undefined)
    out.push('', `${markdownText(skipped)}: ${skippedRules(report, (id) => code(id))}.`);
  const m = report.metrics;
  if (m !== undefined) {
    const metricFiles = m.files.map((f) => code(reportPath(f.file, ctx.cwd))).join(', ');
    out.push('', loc.text('md.metrics', { files: metricFiles, rows: m.rows }));
  }
  out.push('', loc.text('md.generated', { tool: report.tool.name, version: report.tool.version }));
  return out;
}

function summary(report: AuditReport, loc: Locale): string[] {
  const s = report.summary;
  const f = s.findings;
  const rows: string[][] = [];
  if (s.score !== null) {
    rows.push([loc.text('md.score'), `**${formatScore(s.score, loc)}** / 100`]);
    rows.push([
      loc.text('md.grade'),
      `**${s.grade ?? '—'}** · ${openErrorsText(s.openErrors, loc)}`,
    ]);
    if (s.provisional === true)
      rows.push([
        loc.text('md.provisional'),
        loc.text('md.provisionalYes', { note: loc.text('facts.provisional') }),
      ]);
    rows.push([loc.text('md.asOf'), loc.date(report.asOf)]);
    rows.push([loc.text('md.scope'), cell(scopeText(report, loc))]);
    rows.push([loc.text('md.documentationCoverage'), formatPercent(s.documentationCoverage, loc)]);
    rows.push([loc.text('md.dataCoverage'), formatPercent(s.dataCoverage, loc)]);
  }
  rows.push([loc.text('md.findings'), loc.text('md.findingCounts', { ...f })]);
  const families = Object.entries(s.byFamily)
    .sort(([a], [b]) => compareText(a, b))
    .map(([family, n]) => `${cell(family)} ${n}`);
  if (families.length > 0) rows.push([loc.text('md.byFamily'), families.join(' · ')]);
  const title = loc.text(report.command === 'validate' ? 'md.summary' : 'md.executiveSummary');
  return [`## ${title}`, '', markdownTable(['', ''], rows)];
}

function actionsSection(
  report: AuditReport,
  ctx: ReporterContext,
  names: ReportNames,
  loc: Locale,
): string[] {
  const summary = executiveSummary(report);
  if (summary === undefined) return [];
  const text = summaryText(loc);
  const out = [`## ${text.topActions}`, ''];
  if (summary.actions.length === 0) return [...out, text.noActions];
  const rows = summary.actions.map((a) => {
    const owner = names.owner(a.owner);
    return [
      String(a.rank),
      signedPoints(a.points, loc),
      a.touchpoint === undefined
        ? cell(formatLocation(a, reportPath(a.location.file, ctx.cwd)))
        : label(names.touchpoint(a.touchpoint)),
      label(owner) + (owner.contact === undefined ? '' : `<br>${cell(owner.contact)}`),
      `${severityWord(a.severity, loc)}: ${cell(actionMessage(report, a, loc))}${a.findings > 1 ? text.moreFindings(a.findings - 1) : ''}`,
      cell(loc.fix(a.rule, a.fix)),
    ];
  });
  out.push(
    text.topActionsNote,
    '',
    markdownTable([...text.actionHeaders], rows, ['right', 'right']),
  );
  if (summary.moreActions > 0)
    out.push('', `${text.moreActions(summary.moreActions, summary.morePoints)}.`);
  out.push('', `### ${text.byOwner}`, '', text.byOwnerNote, '');
  for (const entry of summary.owners) {
    const owner = names.owner(entry.owner);
    const contact = owner.contact === undefined ? '' : ` · ${markdownText(owner.contact)}`;
    out.push(`- ${ownerActionsText(entry, label(owner, 'line'), loc)}${contact}`);
  }
  return out;
}

function groupTable(
  title: string,
  heading: string,
  groups: readonly GroupScore[],
  loc: Locale,
  name: (id: string) => string = cell,
): string[] {
  if (groups.length === 0) return [];
  const rows = groups.map((g) => [
    name(g.id),
    `${formatScore(g.score, loc)}${g.provisional ? '*' : ''}`,
    g.grade,
    String(g.touchpoints),
  ]);
  const heads = [heading, ...(['score', 'grade', 'touchpoints'] as const).map(scoresHead(loc))];
  return [
    `## ${title}`,
    '',
    markdownTable(heads, rows, ['left', 'right', 'left', 'right']),
    ...provisionalNote(groups, loc),
  ];
}

/** The score tables' `Score`, `Grade` and `Touchpoints` headings. */
const scoresHead =
  (loc: Locale) =>
  (column: 'score' | 'grade' | 'touchpoints'): string =>
    loc.text(`scores.${column}`);

/** The footnote of a table with a provisional score in it, or nothing. */
function provisionalNote(rows: readonly { provisional?: boolean }[], loc: Locale): string[] {
  return rows.some((row) => row.provisional === true)
    ? ['', `\\* ${loc.text('facts.provisional')}`]
    : [];
}

function metricText(t: TouchpointScore, loc: Locale): string {
  const m = t.metric;
  if (m === undefined) return '';
  const value = m.value === undefined ? loc.text('md.noData') : metricValueText(m, loc);
  const target =
    m.target === undefined ? '' : loc.text('md.target', { target: metricTargetText(m, loc) });
  return `${m.name}: ${value}${target}`;
}

function scorecard(report: AuditReport, names: ReportNames, loc: Locale): string[] {
  const touchpoints = report.scores?.touchpoints ?? [];
  if (touchpoints.length === 0) return [];
  const steps = sequenceSteps(report);
  const rows = unitOrder(touchpoints, report).map((t) => [
    code(t.id, 'cell'),
    cell(t.name) + stepNote(steps.get(t.id), loc),
    cell(t.stage === undefined ? '' : loc.stage(t.stage)),
    cell(t.channel === undefined ? '' : loc.channel(t.channel)),
    t.owner === undefined ? '' : label(names.owner(t.owner)),
    `${formatScore(t.score, loc)}${t.provisional ? '*' : ''}`,
    t.capped === undefined
      ? t.grade
      : loc.text('md.capped', { grade: t.grade, why: cell(cappedWords(t, loc) ?? '') }),
    `L${t.level}`,
    cell(metricText(t, loc)),
    cell(nextStepWords(t, loc)),
  ]);
  const heads = [
    loc.text('md.headId'),
    loc.text('md.headName'),
    loc.text('scores.stage'),
    loc.text('scores.channel'),
    loc.text('scores.owner'),
    loc.text('scores.score'),
    loc.text('scores.grade'),
    loc.text('md.headLevel'),
    loc.text('md.headMetric'),
    loc.text('md.headNextStep'),
  ];
  return [
    `## ${loc.text('md.touchpoints')}`,
    '',
    markdownTable(heads, rows, ['left', 'left', 'left', 'left', 'left', 'right']),
    ...provisionalNote(touchpoints, loc),
  ];
}

/** ` (step 2 of 4 in trial-reminders)` after a sequence step's name. */
function stepNote(step: SequenceStep | undefined, loc: Locale): string {
  return step === undefined ? '' : ` (${cell(stepText(step, loc))})`;
}

/** Each sequence as one unit: its steps in time order and its score. */
function sequencesTable(report: AuditReport, loc: Locale): string[] {
  const sequences = report.scores?.sequences ?? [];
  if (sequences.length === 0) return [];
  const rows = sequences.map((s) => [
    code(s.id, 'cell'),
    cell(stepsText(s)),
    `${formatScore(s.score, loc)}${s.provisional ? '*' : ''}`,
    s.grade,
  ]);
  const heads = [
    loc.text('scores.sequence'),
    loc.text('md.headSteps'),
    loc.text('scores.score'),
    loc.text('scores.grade'),
  ];
  return [
    `## ${loc.text('scores.sequences')}`,
    '',
    loc.text('scores.sequencesNote'),
    '',
    markdownTable(heads, rows, ['left', 'left', 'right', 'left']),
    ...provisionalNote(sequences, loc),
  ];
}

function matrix(report: AuditReport, loc: Locale): string[] {
  if (report.scores === undefined) return [];
  const { stages, channels, cells, outside, gaps } = coverageMatrix(report);
  if (channels.length === 0) return [];
  const left =
    outside.length === 0
      ? []
      : ['', loc.text('md.outside', { ids: outside.map((id) => `\`${cell(id)}\``).join(', ') })];
  const rows = stages.map((stage, i) => [
    gaps.includes(stage)
      ? loc.text('md.gapStage', { stage: cell(loc.stage(stage)) })
      : cell(loc.stage(stage)),
    ...channels.map((_, j) => {
      const c = cells[i]?.[j];
      return c === undefined || c.mean === null
        ? '—'
        : `${c.touchpoints.length} · ${formatScore(c.mean, loc)}`;
    }),
  ]);
  return [
    `## ${loc.text('md.coverage')}`,
    '',
    loc.text('md.coverageNote'),
    '',
    markdownTable(
      [loc.text('scores.stage'), ...channels.map((channel) => cell(loc.channel(channel)))],
      rows,
    ),
    ...left,
  ];
}

function observedSection(report: AuditReport, ctx: ReporterContext, loc: Locale): string[] {
  const observed = report.observed;
  if (observed === undefined) return [];
  const files = observed.files.map((f) => `\`${cell(reportPath(f, ctx.cwd))}\``).join(', ');
  return [
    `## ${loc.text('cadence.title')}`,
    '',
    loc.text('md.eventLogs', {
      files,
      window: markdownText(observedWindowText(observed, loc)),
    }),
    '',
    markdownTable(
      cadenceHeaders(loc),
      cadenceRows(report, observed, loc).map((row) => row.map(cell)),
      ['left', 'right'],
    ),
  ];
}

function status(finding: Finding, loc: Locale): string {
  const severity = severityWord(finding.severity, loc);
  if (finding.waived !== undefined) {
    const until =
      finding.waived.expires === undefined
        ? ''
        : loc.text('md.waivedUntil', { date: loc.date(finding.waived.expires) });
    return loc.text('md.waived', { severity, until, reason: cell(finding.waived.reason) });
  }
  return finding.baselined === true ? loc.text('md.baselined', { severity }) : severity;
}

function findingSections(
  report: AuditReport,
  ctx: ReporterContext,
  names: ReportNames,
  loc: Locale,
): string[] {
  const groups = new Map(findingsByFamily(report.findings));
  const out: string[] = [];
  // Empty sections only for the families that ran: a validation never claims "no gaps".
  const ran = report.checked?.families;
  const main = ran === undefined ? MAIN_FAMILIES : MAIN_FAMILIES.filter((f) => ran.includes(f));
  for (const family of sortFamilies([...main, ...groups.keys()])) {
    const findings = groups.get(family) ?? [];
    out.push(`## ${familyName(family, loc)} (${familyCountText(report, family, loc)})`, '');
    if (findings.length === 0) {
      out.push(loc.text('md.noneFound'), '');
      continue;
    }
    const rows = findings.map((f) => [
      status(f, loc),
      f.touchpoint === undefined ? '' : label(names.touchpoint(f.touchpoint)),
      cell(loc.message(f)),
      cell(formatLocation(f, reportPath(f.location.file, ctx.cwd))),
      code(f.rule, 'cell'),
    ]);
    const heads = [
      loc.text('md.headSeverity'),
      loc.text('summary.headTouchpoint'),
      loc.text('summary.headFinding'),
      loc.text('md.headLocation'),
      loc.text('md.headRule'),
    ];
    out.push(markdownTable(heads, rows), '');
  }
  return out;
}

function explanations(report: AuditReport, loc: Locale): string[] {
  const touchpoints = report.scores?.touchpoints ?? [];
  if (touchpoints.length === 0) return [];
  return [
    `## ${loc.text('md.howScored')}`,
    '',
    ...touchpoints.map((t) => {
      const parts = componentWords(t, loc).map(
        (c) => `${markdownText(c.label)} ${componentPoints(c.points, loc)}`,
      );
      const why = cappedWords(t, loc);
      const capped =
        (t.provisional ? loc.text('md.provisionalMark') : '') +
        (why === undefined ? '' : loc.text('md.gradeCapped', { why: markdownText(why) }));
      return `- ${code(t.id)} ${formatScore(t.score, loc)}${capped}: ${parts.join(', ')}`;
    }),
  ];
}

/** `--explain`: how each collision's and density breach's move was searched. */
function moveSearchSection(report: AuditReport, ctx: ReporterContext, loc: Locale): string[] {
  const searched = moveSearchLines(
    report.findings,
    (f) =>
      loc.text('md.at', {
        rule: code(f.rule),
        place: code(`${reportPath(f.location.file, ctx.cwd)}:${String(f.location.line)}`),
      }),
    loc,
  );
  if (searched === undefined) return [];
  return [
    `## ${searched.heading}`,
    '',
    ...searched.lines.flatMap(({ where, outcome, details }) => [
      `- ${where === undefined ? '' : `${where}: `}${markdownText(outcome)}`,
      ...details.map((detail) => `  - ${markdownText(detail)}`),
    ]),
  ];
}

function staleBaseline(report: AuditReport, ctx: ReporterContext, loc: Locale): string[] {
  const stale = report.baseline?.stale ?? [];
  if (stale.length === 0) return [];
  const file = code(reportPath(report.baseline?.file ?? '', ctx.cwd));
  return [
    `## ${loc.text('md.staleBaseline', { n: stale.length })}`,
    '',
    loc.text('md.staleBaselineNote', { file }),
    '',
    ...stale.map(
      (e) =>
        `- ${code(e.rule)}${e.touchpoint === undefined ? '' : loc.text('md.staleOn', { touchpoint: code(e.touchpoint) })} (${markdownText(e.fingerprint)})`,
    ),
  ];
}

/**
 * A client-ready Markdown report: the executive summary and the top actions (with the actions
 * per owner), scores by stage and owner, the touchpoint
 * scorecard, the stage × channel coverage matrix, and one section per finding family (gaps,
 * overlaps and ownerless always; schema and metric findings when there are any). With
 * `--explain`, every score component too. Control characters in user text are shown as
 * escapes (`visibleStrings`), and Markdown syntax in it is neutralised (`markdown-table.ts`).
 */
export const markdownReporter: Reporter = (input, ctx) => {
  const report = visibleStrings(input, 'keep');
  const names = reportNames(report);
  const loc = ctx.locale ?? ENGLISH;
  const blocks: string[][] = [
    header(report, ctx, loc),
    summary(report, loc),
    actionsSection(report, ctx, names, loc),
    report.comparison === undefined ? [] : comparisonMarkdown(report.comparison, loc),
  ];
  if (report.scores !== undefined) {
    blocks.push(
      groupTable(
        loc.text('scores.byStage'),
        loc.text('scores.stage'),
        report.scores.stages,
        loc,
        (id) => cell(loc.stage(id)),
      ),
      groupTable(
        loc.text('scores.byOwner'),
        loc.text('scores.owner'),
        report.scores.owners,
        loc,
        (id) => label(names.owner(id)),
      ),
      sequencesTable(report, loc),
      scorecard(report, names, loc),
      matrix(report, loc),
      journeyText(report, names, loc),
    );
  }
  blocks.push(observedSection(report, ctx, loc), findingSections(report, ctx, names, loc));
  if (ctx.explain) blocks.push(moveSearchSection(report, ctx, loc), explanations(report, loc));
  blocks.push(staleBaseline(report, ctx, loc));
  const text = blocks
    .filter((b) => b.length > 0)
    .map((b) => b.join('\n').trimEnd())
    .join('\n\n');
  return `${text}\n`;
};
