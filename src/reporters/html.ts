import { createHash } from 'node:crypto';
import type { AuditReport, GroupScore, TouchpointScore } from '../report.js';
import type { Finding, Severity } from '../types.js';
import { coverageMatrix } from './coverage-matrix.js';
import {
  findingsCountText,
  formatLocation,
  formatScore,
  isActive,
  metricTargetText,
  metricValueText,
  periodText,
  reportTitle,
  severityWord,
  skippedRules,
  skippedText,
  validationText,
} from './finding-facts.js';
import { HTML_SCRIPT, HTML_STYLE } from './html-assets.js';
import { escapeHtml as esc } from './html-escape.js';
import { labelCells, REFLOW_STYLE } from './html-table.js';
import { cappedWords, componentPoints, componentWords, nextStepWords } from './score-words.js';
import { comparisonSection } from './html-comparison.js';
import { journeySection, JOURNEY_STYLE } from './html-journey.js';
import { executiveSummarySection, htmlLabel, SUMMARY_STYLE } from './html-summary.js';
import { reportNames } from './names.js';
import type { ReportNames } from './names.js';
import { cadenceHeaders, cadenceRows, observedWindowText } from './observed-cadence.js';
import { reportPath } from './report-path.js';
import { sequenceSteps, stepsText, stepText, unitOrder } from './sequences.js';
import { ENGLISH } from '../i18n/locale.js';
import type { Locale } from '../i18n/locale.js';
import type { UiKey } from '../i18n/ui-en.js';
import type { Reporter, ReporterContext } from './types.js';

/**
 * Nothing may be fetched: inline styles, no network, no frames, and no script but the report's
 * own, named by the SHA-256 of its exact text, so even markup that escaping missed could not
 * run a script.
 */
const CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  `script-src 'sha256-${createHash('sha256').update(HTML_SCRIPT, 'utf8').digest('base64')}'`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Background for a 0–100 score: red up to 40, through amber (70) to green (100), so the
 * failing grades (below 60) never look green.
 */
export function scoreColour(score: number): string {
  const t = Math.min(1, Math.max(0, (score - 40) / 60));
  return `hsl(${Math.round(t * 120)} 70% 82%)`;
}

interface Column {
  label: string;
  numeric?: boolean;
}

function sortableHead(columns: readonly Column[]): string {
  const cells = columns.map(
    (c) =>
      `<th scope="col"${c.numeric === true ? ' class="num" data-type="number"' : ''}><button type="button">${esc(c.label)}</button></th>`,
  );
  return `<thead><tr>${cells.join('')}</tr></thead>`;
}

function num(value: number | undefined, text = value === undefined ? '' : String(value)): string {
  const sort = value === undefined ? '' : ` data-sort="${value}"`;
  return `<td class="num"${sort}>${esc(text)}</td>`;
}

function heatmapSection(report: AuditReport, loc: Locale): string {
  if (report.scores === undefined) return '';
  const { stages, channels, cells, outside, gaps } = coverageMatrix(report);
  const head = `<thead><tr><th scope="col">${esc(loc.text('scores.stage'))}</th>${channels.map((c) => `<th scope="col">${esc(loc.channel(c))}</th>`).join('')}</tr></thead>`;
  const rows = stages.map((stage, i) => {
    const row = cells[i] ?? [];
    const empty = gaps.includes(stage);
    const tds = channels.map((channel, j) => {
      const c = row[j];
      if (c === undefined || c.mean === null) return '<td class="empty"></td>';
      const title = `${loc.stage(stage)} × ${loc.channel(channel)}: ${c.touchpoints.join(', ')}`;
      return `<td data-label="${esc(loc.channel(channel))}" data-score="${formatScore(c.mean)}" style="background: ${scoreColour(c.mean)}" title="${esc(title)}"><span class="count">${c.touchpoints.length}</span><span class="mean">${formatScore(c.mean, loc)}</span></td>`;
    });
    const gap = empty ? ` <span class="gap-mark">${esc(loc.text('html.gap'))}</span>` : '';
    return `<tr${empty ? ' class="gap"' : ''}><th scope="row">${esc(loc.stage(stage))}${gap}</th>${tds.join('')}</tr>`;
  });
  return [
    '<section id="heatmap" aria-labelledby="heatmap-title">',
    `<h2 id="heatmap-title">${esc(loc.text('html.heatmap'))}</h2>`,
    `<p class="note">${esc(loc.text('html.heatmapNote'))}</p>`,
    `<table class="heatmap reflow">${head}<tbody>${rows.join('')}</tbody></table>`,
    outside.length === 0
      ? ''
      : // The catalogue's own text needs no escaping; the ids do.
        `<p class="note">${loc.text('html.outside', { ids: outside.map((id) => `<code>${esc(id)}</code>`).join(', ') })}</p>`,
    `<div class="scale"><span>${esc(loc.text('html.scaleLow'))}</span><span class="bar"></span><span>100</span></div>`,
    '</section>',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

function observedSection(report: AuditReport, ctx: ReporterContext, loc: Locale): string {
  const observed = report.observed;
  if (observed === undefined) return '';
  const files = observed.files.map((f) => `<code>${esc(reportPath(f, ctx.cwd))}</code>`).join(', ');
  const head = cadenceHeaders(loc)
    .map((h, i) => `<th scope="col"${i === 1 ? ' class="num"' : ''}>${esc(h)}</th>`)
    .join('');
  const rows = cadenceRows(report, observed, loc).map(
    ([segment = '', ...rest]) =>
      `<tr><th scope="row">${esc(segment)}</th>${rest.map((c, i) => `<td${i === 0 ? ' class="num"' : ''}>${esc(c)}</td>`).join('')}</tr>`,
  );
  return [
    '<section id="observed" aria-labelledby="observed-title">',
    `<h2 id="observed-title">${esc(loc.text('cadence.title'))}</h2>`,
    `<p class="note">${loc.text('md.eventLogs', { files, window: esc(observedWindowText(observed, loc)) })}</p>`,
    `<table class="observed"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`,
    '</section>',
  ].join('\n');
}

function status(finding: Finding, loc: Locale): string {
  if (finding.waived !== undefined) {
    const until =
      finding.waived.expires === undefined
        ? ''
        : loc.text('md.waivedUntil', { date: loc.date(finding.waived.expires) });
    return loc.text('html.waived', { until, reason: finding.waived.reason });
  }
  return finding.baselined === true ? loc.text('html.baselined') : '';
}

function findingsSection(
  report: AuditReport,
  ctx: ReporterContext,
  names: ReportNames,
  loc: Locale,
): string {
  const columns: Column[] = [
    { label: loc.text('md.headSeverity'), numeric: true },
    { label: loc.text('md.headRule') },
    { label: loc.text('summary.headTouchpoint') },
    { label: loc.text('summary.headFinding') },
    { label: loc.text('md.headLocation') },
    { label: loc.text('html.headStatus') },
  ];
  const labels = columns.map((c) => c.label);
  const rows = report.findings.map((f, i) => {
    const file = reportPath(f.location.file, ctx.cwd);
    const order = String(i).padStart(6, '0');
    const cells = labelCells(labels, [
      `<td class="sev sev-${f.severity}" data-sort="${SEVERITY_RANK[f.severity]}">${esc(severityWord(f.severity, loc))}</td>`,
      `<td><code>${esc(f.rule)}</code></td>`,
      `<td>${f.touchpoint === undefined ? '' : htmlLabel(names.touchpoint(f.touchpoint))}</td>`,
      `<td class="message">${esc(loc.message(f))}</td>`,
      `<td data-sort="${order}"><code>${esc(formatLocation(f, file))}</code></td>`,
      `<td class="status">${esc(status(f, loc))}</td>`,
    ]);
    return `<tr${isActive(f) ? '' : ' class="inactive"'}>${cells}</tr>`;
  });
  const body =
    rows.length === 0
      ? `<p>${esc(loc.text('html.noFindings'))}</p>`
      : `<table class="sortable reflow" id="findings-table">${sortableHead(columns)}<tbody>${rows.join('\n')}</tbody></table>`;
  return `<section id="findings" class="long" aria-labelledby="findings-title"><h2 id="findings-title">${esc(loc.text('html.findings', { count: findingsCountText(report, loc) }))}</h2>\n${body}\n</section>`;
}

function components(t: TouchpointScore, loc: Locale): string {
  return componentWords(t, loc)
    .map((c) => `${c.label} ${componentPoints(c.points, loc)}`)
    .join(', ');
}

function scorecardSection(report: AuditReport, names: ReportNames, loc: Locale): string {
  const touchpoints = report.scores?.touchpoints ?? [];
  if (touchpoints.length === 0) return '';
  const head = (key: UiKey) => loc.text(key);
  const columns: Column[] = [
    { label: head('md.headId') },
    { label: head('md.headName') },
    { label: head('scores.stage') },
    { label: head('scores.channel') },
    { label: head('scores.owner') },
    { label: head('scores.score'), numeric: true },
    { label: head('scores.grade') },
    { label: head('md.headLevel'), numeric: true },
    { label: head('md.headMetric') },
    { label: head('html.headValue'), numeric: true },
    { label: head('html.headTarget') },
    { label: head('html.headAttainment'), numeric: true },
    { label: head('table.headFindings'), numeric: true },
    { label: head('md.headNextStep') },
  ];
  const labels = columns.map((c) => c.label);
  const steps = sequenceSteps(report);
  const rows = unitOrder(touchpoints, report).map((t) => {
    const m = t.metric;
    const attainment = m?.attainment;
    const step = steps.get(t.id);
    const found = t.findings.error + t.findings.warning + t.findings.info;
    const grade =
      (t.capped === undefined
        ? t.grade
        : loc.text('md.capped', { grade: t.grade, why: cappedWords(t, loc) ?? '' })) +
      (t.provisional ? loc.text('md.provisionalMark') : '');
    const cells = labelCells(labels, [
      `<td><code>${esc(t.id)}</code></td>`,
      `<td>${esc(t.name)}${step === undefined ? '' : `<span class="step">${esc(stepText(step, loc))}</span>`}</td>`,
      `<td>${esc(t.stage === undefined ? '' : loc.stage(t.stage))}</td>`,
      `<td>${esc(t.channel === undefined ? '' : loc.channel(t.channel))}</td>`,
      `<td>${t.owner === undefined ? '' : htmlLabel(names.owner(t.owner))}</td>`,
      `<td class="num" data-sort="${t.score}" title="${esc(components(t, loc))}">${formatScore(t.score, loc)}</td>`,
      `<td>${esc(grade)}</td>`,
      num(t.level, `L${t.level}`),
      `<td>${esc(m?.name ?? '')}</td>`,
      num(m?.value, m === undefined || m.value === undefined ? '' : metricValueText(m, loc)),
      `<td>${esc(m === undefined || m.target === undefined ? '' : metricTargetText(m, loc))}</td>`,
      num(attainment, attainment === undefined ? '' : `${Math.round(attainment * 100)}%`),
      num(found, `${t.findings.error} / ${t.findings.warning} / ${t.findings.info}`),
      `<td>${esc(nextStepWords(t, loc))}</td>`,
    ]);
    return `<tr>${cells}</tr>`;
  });
  return [
    '<section id="scorecard" class="long" aria-labelledby="scorecard-title">',
    `<h2 id="scorecard-title">${esc(head('html.scorecard'))}</h2>`,
    `<p class="note">${esc(head('html.scorecardNote'))}</p>`,
    `<table class="sortable compact reflow-wide" id="scorecard-table">${sortableHead(columns)}<tbody>${rows.join('\n')}</tbody></table>`,
    '</section>',
  ].join('\n');
}

function groupTable(
  title: string,
  label: string,
  groups: readonly GroupScore[],
  loc: Locale,
  name: (id: string) => string = esc,
): string {
  const rows = groups.map(
    (g) =>
      `<tr><td>${name(g.id)}</td><td class="num">${formatScore(g.score, loc)}</td><td>${esc(g.grade)}</td><td class="num">${g.touchpoints}</td><td class="bar-cell"><div class="bar-track"><div class="bar-fill" style="width: ${Math.min(100, Math.max(0, Math.round(g.score)))}%"></div></div></td></tr>`,
  );
  return `<div><h2>${esc(title)}</h2><table><thead><tr><th scope="col">${esc(label)}</th><th scope="col" class="num">${esc(loc.text('scores.score'))}</th><th scope="col">${esc(loc.text('scores.grade'))}</th><th scope="col" class="num">${esc(loc.text('scores.touchpoints'))}</th><th scope="col"><span hidden>${esc(loc.text('html.bar'))}</span></th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

/** Each sequence as one unit: its steps in time order and its score. */
function sequencesSection(report: AuditReport, loc: Locale): string {
  const sequences = report.scores?.sequences ?? [];
  if (sequences.length === 0) return '';
  const rows = sequences.map(
    (s) =>
      `<tr><td><code>${esc(s.id)}</code></td><td>${esc(stepsText(s))}</td><td class="num">${formatScore(s.score, loc)}</td><td>${esc(s.grade)}</td></tr>`,
  );
  const t = (key: UiKey) => esc(loc.text(key));
  return `<section id="sequences"><h2>${t('scores.sequences')}</h2><p class="note">${t('scores.sequencesNote')}</p><table><thead><tr><th scope="col">${t('scores.sequence')}</th><th scope="col">${t('md.headSteps')}</th><th scope="col" class="num">${t('scores.score')}</th><th scope="col">${t('scores.grade')}</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

/** How each touchpoint's score adds up, in text that prints (the score cells' hover says it too). */
function componentsSection(report: AuditReport, loc: Locale): string {
  const touchpoints = report.scores?.touchpoints ?? [];
  if (touchpoints.length === 0) return '';
  const items = touchpoints.map((t) => {
    const why = cappedWords(t, loc);
    const marks =
      (t.provisional ? loc.text('md.provisionalMark') : '') +
      (why === undefined ? '' : loc.text('md.gradeCapped', { why }));
    return `<li><code>${esc(t.id)}</code> ${formatScore(t.score, loc)}${esc(marks)}: ${esc(components(t, loc))}</li>`;
  });
  return `<section id="score-components" class="long"><h2>${esc(loc.text('md.howScored'))}</h2><ul>${items.join('')}</ul></section>`;
}

function groupsSection(report: AuditReport, names: ReportNames, loc: Locale): string {
  const scores = report.scores;
  if (scores === undefined) return '';
  const owner = (id: string): string => htmlLabel(names.owner(id));
  const stage = (id: string): string => esc(loc.stage(id));
  const t = (key: UiKey) => loc.text(key);
  return `<section id="groups" class="columns">${groupTable(t('scores.byStage'), t('scores.stage'), scores.stages, loc, stage)}${groupTable(t('scores.byOwner'), t('scores.owner'), scores.owners, loc, owner)}</section>`;
}

function staleSection(report: AuditReport, loc: Locale): string {
  const stale = report.baseline?.stale ?? [];
  if (stale.length === 0) return '';
  const items = stale.map(
    (e) =>
      `<li><code>${esc(e.rule)}</code>${e.touchpoint === undefined ? '' : loc.text('md.staleOn', { touchpoint: `<code>${esc(e.touchpoint)}</code>` })}</li>`,
  );
  const heading = esc(loc.text('md.staleBaseline', { n: stale.length }));
  const note = loc.text('html.staleNote', { flag: '<code>--write-baseline</code>' });
  return `<section id="stale-baseline"><h2>${heading}</h2><p class="note">${note}</p><ul>${items.join('')}</ul></section>`;
}

/** The inputs of the run, by kind, as relative paths. */
function inputsText(report: AuditReport, ctx: ReporterContext, loc: Locale): string {
  const paths = (files: readonly string[]): string =>
    files.map((f) => `<code>${esc(reportPath(f, ctx.cwd))}</code>`).join(', ');
  const kinds: [string, readonly string[]][] = [
    [loc.text('html.inInventory'), report.inventory.files],
    [loc.text('html.inMetrics'), (report.metrics?.files ?? []).map((f) => f.file)],
    [loc.text('html.inEvents'), report.observed?.files ?? []],
    [loc.text('html.inBaseline'), report.baseline === undefined ? [] : [report.baseline.file]],
    [
      loc.text('html.inCompared'),
      report.comparison === undefined ? [] : [report.comparison.previous.file],
    ],
  ];
  return kinds
    .filter(([, files]) => files.length > 0)
    .map(([kind, files]) => `${esc(kind)} ${paths(files)}`)
    .join('; ');
}

/** What a printed copy must say about itself: the tool and version, the date, the inputs. */
function footer(report: AuditReport, ctx: ReporterContext, loc: Locale): string {
  const generated = loc.text('html.generated', {
    tool: report.tool.name,
    version: report.tool.version,
    period: periodText(report, loc),
  });
  return [
    '<footer id="report-footer">',
    `<p>${esc(generated)}</p>`,
    `<p>${loc.text('html.inputs', { inputs: inputsText(report, ctx, loc) })}</p>`,
    '</footer>',
  ].join('');
}

/**
 * One self-contained HTML page (inline CSS, JS and SVG; a Content-Security-Policy that
 * forbids every network request): the executive summary (score, grade, top actions, actions
 * per owner), the stage × channel heatmap, the
 * lifecycle timeline per segment with collisions and silences, sortable findings and
 * scorecard tables, stage and owner scores, and a print stylesheet. Every user string is
 * HTML-escaped.
 */
export const htmlReporter: Reporter = (report, ctx) => {
  const names = reportNames(report);
  const loc = ctx.locale ?? ENGLISH;
  const name = report.inventory.name;
  const heading = reportTitle(report, loc);
  const title = name === undefined ? heading : `${heading}: ${name}`;
  const files = report.inventory.files.map((f) => reportPath(f, ctx.cwd)).join(', ');
  const meta = loc.text('html.meta', {
    files,
    touchpoints: report.inventory.touchpoints,
    period: periodText(report, loc),
  });
  const validation = validationText(report, loc);
  const skipped = skippedText(report, (file) => reportPath(file, ctx.cwd), loc);
  const notes = [
    ...(validation === undefined ? [] : [`<p class="note">${esc(`${validation}.`)}</p>`]),
    ...(skipped === undefined
      ? []
      : [
          `<p class="note">${esc(`${skipped}: `)}${skippedRules(report, (id) => `<code>${esc(id)}</code>`)}.</p>`,
        ]),
  ].join('');
  return `${[
    '<!doctype html>',
    `<html lang="${loc.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    `<meta name="generator" content="${esc(`${report.tool.name} ${report.tool.version}`)}">`,
    `<title>${esc(title)}</title>`,
    `<style>${HTML_STYLE}${SUMMARY_STYLE}${JOURNEY_STYLE}${REFLOW_STYLE}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${esc(title)}</h1><p class="meta">${esc(meta)}</p>${notes}</header>`,
    '<main>',
    executiveSummarySection(report, ctx, names, loc),
    comparisonSection(report.comparison, loc),
    heatmapSection(report, loc),
    journeySection(report, names, loc),
    observedSection(report, ctx, loc),
    findingsSection(report, ctx, names, loc),
    scorecardSection(report, names, loc),
    groupsSection(report, names, loc),
    sequencesSection(report, loc),
    componentsSection(report, loc),
    staleSection(report, loc),
    '</main>',
    footer(report, ctx, loc),
    `<script>${HTML_SCRIPT}</script>`,
    '</body>',
    '</html>',
  ]
    .filter((line) => line !== '')
    .join('\n')}\n`;
};
