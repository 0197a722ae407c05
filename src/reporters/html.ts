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
  skippedRules,
  skippedText,
  validationText,
} from './finding-facts.js';
import { HTML_SCRIPT, HTML_STYLE } from './html-assets.js';
import { escapeHtml as esc } from './html-escape.js';
import { labelCells, REFLOW_STYLE } from './html-table.js';
import { comparisonSection } from './html-comparison.js';
import { journeySection, JOURNEY_STYLE } from './html-journey.js';
import { executiveSummarySection, htmlLabel, SUMMARY_STYLE } from './html-summary.js';
import { reportNames } from './names.js';
import type { ReportNames } from './names.js';
import { CADENCE_HEADERS, cadenceRows, observedWindowText } from './observed-cadence.js';
import { reportPath } from './report-path.js';
import {
  SEQUENCES_NOTE,
  SEQUENCES_TITLE,
  sequenceSteps,
  stepsText,
  stepText,
  unitOrder,
} from './sequences.js';
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

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
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

function heatmapSection(report: AuditReport): string {
  if (report.scores === undefined) return '';
  const { stages, channels, cells, outside, gaps } = coverageMatrix(report);
  const head = `<thead><tr><th scope="col">Stage</th>${channels.map((c) => `<th scope="col">${esc(c)}</th>`).join('')}</tr></thead>`;
  const rows = stages.map((stage, i) => {
    const row = cells[i] ?? [];
    const empty = gaps.includes(stage);
    const tds = channels.map((channel, j) => {
      const c = row[j];
      if (c === undefined || c.mean === null) return '<td class="empty"></td>';
      const title = `${stage} × ${channel}: ${c.touchpoints.join(', ')}`;
      return `<td data-label="${esc(channel)}" data-score="${formatScore(c.mean)}" style="background: ${scoreColour(c.mean)}" title="${esc(title)}"><span class="count">${c.touchpoints.length}</span><span class="mean">${formatScore(c.mean)}</span></td>`;
    });
    const gap = empty ? ' <span class="gap-mark">gap</span>' : '';
    return `<tr${empty ? ' class="gap"' : ''}><th scope="row">${esc(stage)}${gap}</th>${tds.join('')}</tr>`;
  });
  return [
    '<section id="heatmap" aria-labelledby="heatmap-title">',
    '<h2 id="heatmap-title">Stage × channel coverage</h2>',
    '<p class="note">Each cell: number of touchpoints and their mean score. An empty cell is just an empty combination; a stage marked “gap” (hatched) has no touchpoint at all.</p>',
    `<table class="heatmap reflow">${head}<tbody>${rows.join('')}</tbody></table>`,
    outside.length === 0
      ? ''
      : `<p class="note">Not in the heatmap (no stage or channel, or one that is not valid): ${outside.map((id) => `<code>${esc(id)}</code>`).join(', ')}.</p>`,
    '<div class="scale"><span>40 or less</span><span class="bar"></span><span>100</span></div>',
    '</section>',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

function observedSection(report: AuditReport, ctx: ReporterContext): string {
  const observed = report.observed;
  if (observed === undefined) return '';
  const files = observed.files.map((f) => `<code>${esc(reportPath(f, ctx.cwd))}</code>`).join(', ');
  const head = CADENCE_HEADERS.map(
    (h, i) => `<th scope="col"${i === 1 ? ' class="num"' : ''}>${esc(h)}</th>`,
  ).join('');
  const rows = cadenceRows(report, observed).map(
    ([segment = '', ...rest]) =>
      `<tr><th scope="row">${esc(segment)}</th>${rest.map((c, i) => `<td${i === 0 ? ' class="num"' : ''}>${esc(c)}</td>`).join('')}</tr>`,
  );
  return [
    '<section id="observed" aria-labelledby="observed-title">',
    '<h2 id="observed-title">Planned vs observed cadence</h2>',
    `<p class="note">Event logs ${files}, ${esc(observedWindowText(observed))}.</p>`,
    `<table class="observed"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`,
    '</section>',
  ].join('\n');
}

function status(finding: Finding): string {
  if (finding.waived !== undefined) {
    const until = finding.waived.expires === undefined ? '' : ` until ${finding.waived.expires}`;
    return `waived${until}: ${finding.waived.reason}`;
  }
  return finding.baselined === true ? 'baselined' : '';
}

function findingsSection(report: AuditReport, ctx: ReporterContext, names: ReportNames): string {
  const columns: Column[] = [
    { label: 'Severity', numeric: true },
    { label: 'Rule' },
    { label: 'Touchpoint' },
    { label: 'Finding' },
    { label: 'Location' },
    { label: 'Status' },
  ];
  const labels = columns.map((c) => c.label);
  const rows = report.findings.map((f, i) => {
    const file = reportPath(f.location.file, ctx.cwd);
    const order = String(i).padStart(6, '0');
    const cells = labelCells(labels, [
      `<td class="sev sev-${f.severity}" data-sort="${SEVERITY_RANK[f.severity]}">${f.severity}</td>`,
      `<td><code>${esc(f.rule)}</code></td>`,
      `<td>${f.touchpoint === undefined ? '' : htmlLabel(names.touchpoint(f.touchpoint))}</td>`,
      `<td class="message">${esc(f.message)}</td>`,
      `<td data-sort="${order}"><code>${esc(formatLocation(f, file))}</code></td>`,
      `<td class="status">${esc(status(f))}</td>`,
    ]);
    return `<tr${isActive(f) ? '' : ' class="inactive"'}>${cells}</tr>`;
  });
  const body =
    rows.length === 0
      ? '<p>No findings.</p>'
      : `<table class="sortable reflow" id="findings-table">${sortableHead(columns)}<tbody>${rows.join('\n')}</tbody></table>`;
  return `<section id="findings" class="long" aria-labelledby="findings-title"><h2 id="findings-title">Findings (${esc(findingsCountText(report))})</h2>\n${body}\n</section>`;
}

function components(t: TouchpointScore): string {
  const sign = (n: number): string => (n < 0 ? `−${formatScore(-n)}` : `+${formatScore(n)}`);
  return t.components.map((c) => `${c.label} ${sign(c.points)}`).join(', ');
}

function scorecardSection(report: AuditReport, names: ReportNames): string {
  const touchpoints = report.scores?.touchpoints ?? [];
  if (touchpoints.length === 0) return '';
  const columns: Column[] = [
    { label: 'Id' },
    { label: 'Name' },
    { label: 'Stage' },
    { label: 'Channel' },
    { label: 'Owner' },
    { label: 'Score', numeric: true },
    { label: 'Grade' },
    { label: 'Level', numeric: true },
    { label: 'Metric' },
    { label: 'Value', numeric: true },
    { label: 'Target' },
    { label: 'Attainment', numeric: true },
    { label: 'Findings', numeric: true },
    { label: 'Next step' },
  ];
  const labels = columns.map((c) => c.label);
  const steps = sequenceSteps(report);
  const rows = unitOrder(touchpoints, report).map((t) => {
    const m = t.metric;
    const attainment = m?.attainment;
    const step = steps.get(t.id);
    const found = t.findings.error + t.findings.warning + t.findings.info;
    const grade =
      (t.capped === undefined ? t.grade : `${t.grade} (capped: ${t.capped})`) +
      (t.provisional ? ' (provisional)' : '');
    const cells = labelCells(labels, [
      `<td><code>${esc(t.id)}</code></td>`,
      `<td>${esc(t.name)}${step === undefined ? '' : `<span class="step">${esc(stepText(step))}</span>`}</td>`,
      `<td>${esc(t.stage ?? '')}</td>`,
      `<td>${esc(t.channel ?? '')}</td>`,
      `<td>${t.owner === undefined ? '' : htmlLabel(names.owner(t.owner))}</td>`,
      `<td class="num" data-sort="${t.score}" title="${esc(components(t))}">${formatScore(t.score)}</td>`,
      `<td>${esc(grade)}</td>`,
      num(t.level, `L${t.level}`),
      `<td>${esc(m?.name ?? '')}</td>`,
      num(m?.value, m === undefined || m.value === undefined ? '' : metricValueText(m)),
      `<td>${esc(m === undefined || m.target === undefined ? '' : metricTargetText(m))}</td>`,
      num(attainment, attainment === undefined ? '' : `${Math.round(attainment * 100)}%`),
      num(found, `${t.findings.error} / ${t.findings.warning} / ${t.findings.info}`),
      `<td>${esc(t.nextLevel ?? '')}</td>`,
    ]);
    return `<tr>${cells}</tr>`;
  });
  return [
    '<section id="scorecard" class="long" aria-labelledby="scorecard-title">',
    '<h2 id="scorecard-title">Scorecard</h2>',
    '<p class="note">Findings: errors / warnings / info. Hover a score for its components.</p>',
    `<table class="sortable compact reflow-wide" id="scorecard-table">${sortableHead(columns)}<tbody>${rows.join('\n')}</tbody></table>`,
    '</section>',
  ].join('\n');
}

function groupTable(
  title: string,
  label: string,
  groups: readonly GroupScore[],
  name: (id: string) => string = esc,
): string {
  const rows = groups.map(
    (g) =>
      `<tr><td>${name(g.id)}</td><td class="num">${formatScore(g.score)}</td><td>${esc(g.grade)}</td><td class="num">${g.touchpoints}</td><td class="bar-cell"><div class="bar-track"><div class="bar-fill" style="width: ${Math.min(100, Math.max(0, Math.round(g.score)))}%"></div></div></td></tr>`,
  );
  return `<div><h2>${esc(title)}</h2><table><thead><tr><th scope="col">${esc(label)}</th><th scope="col" class="num">Score</th><th scope="col">Grade</th><th scope="col" class="num">Touchpoints</th><th scope="col"><span hidden>Bar</span></th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

/** Each sequence as one unit: its steps in time order and its score. */
function sequencesSection(report: AuditReport): string {
  const sequences = report.scores?.sequences ?? [];
  if (sequences.length === 0) return '';
  const rows = sequences.map(
    (s) =>
      `<tr><td><code>${esc(s.id)}</code></td><td>${esc(stepsText(s))}</td><td class="num">${formatScore(s.score)}</td><td>${esc(s.grade)}</td></tr>`,
  );
  return `<section id="sequences"><h2>${esc(SEQUENCES_TITLE)}</h2><p class="note">${esc(SEQUENCES_NOTE)}</p><table><thead><tr><th scope="col">Sequence</th><th scope="col">Steps, in time order</th><th scope="col" class="num">Score</th><th scope="col">Grade</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

function groupsSection(report: AuditReport, names: ReportNames): string {
  const scores = report.scores;
  if (scores === undefined) return '';
  const owner = (id: string): string => htmlLabel(names.owner(id));
  return `<section id="groups" class="columns">${groupTable('Scores by stage', 'Stage', scores.stages)}${groupTable('Scores by owner', 'Owner', scores.owners, owner)}</section>`;
}

function staleSection(report: AuditReport): string {
  const stale = report.baseline?.stale ?? [];
  if (stale.length === 0) return '';
  const items = stale.map(
    (e) =>
      `<li><code>${esc(e.rule)}</code>${e.touchpoint === undefined ? '' : ` on <code>${esc(e.touchpoint)}</code>`}</li>`,
  );
  return `<section id="stale-baseline"><h2>Stale baseline entries (${stale.length})</h2><p class="note">These problems no longer occur; rewrite the baseline with <code>--write-baseline</code>.</p><ul>${items.join('')}</ul></section>`;
}

/** The inputs of the run, by kind, as relative paths. */
function inputsText(report: AuditReport, ctx: ReporterContext): string {
  const paths = (files: readonly string[]): string =>
    files.map((f) => `<code>${esc(reportPath(f, ctx.cwd))}</code>`).join(', ');
  const kinds: [string, readonly string[]][] = [
    ['inventory', report.inventory.files],
    ['metric exports', (report.metrics?.files ?? []).map((f) => f.file)],
    ['event logs', report.observed?.files ?? []],
    ['baseline', report.baseline === undefined ? [] : [report.baseline.file]],
    ['compared with', report.comparison === undefined ? [] : [report.comparison.previous.file]],
  ];
  return kinds
    .filter(([, files]) => files.length > 0)
    .map(([kind, files]) => `${esc(kind)} ${paths(files)}`)
    .join('; ');
}

/** What a printed copy must say about itself: the tool and version, the date, the inputs. */
function footer(report: AuditReport, ctx: ReporterContext): string {
  return [
    '<footer id="report-footer">',
    `<p>${esc(`Generated by ${report.tool.name} ${report.tool.version} · ${periodText(report)}`)}</p>`,
    `<p>Inputs: ${inputsText(report, ctx)}.</p>`,
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
  const name = report.inventory.name;
  const title = name === undefined ? reportTitle(report) : `${reportTitle(report)}: ${name}`;
  const files = report.inventory.files.map((f) => reportPath(f, ctx.cwd)).join(', ');
  const period = ` · ${periodText(report)}`;
  const validation = validationText(report);
  const skipped = skippedText(report, (file) => reportPath(file, ctx.cwd));
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
    '<html lang="en">',
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
    `<header><h1>${esc(title)}</h1><p class="meta">${esc(`${files} · ${plural(report.inventory.touchpoints, 'touchpoint')}${period}`)}</p>${notes}</header>`,
    '<main>',
    executiveSummarySection(report, ctx, names),
    comparisonSection(report.comparison),
    heatmapSection(report),
    journeySection(report, names),
    observedSection(report, ctx),
    findingsSection(report, ctx, names),
    scorecardSection(report, names),
    groupsSection(report, names),
    sequencesSection(report),
    staleSection(report),
    '</main>',
    footer(report, ctx),
    `<script>${HTML_SCRIPT}</script>`,
    '</body>',
    '</html>',
  ]
    .filter((line) => line !== '')
    .join('\n')}\n`;
};
