import type { AuditReport } from '../report.js';
import {
  executiveSummary,
  ownerActionsText,
  scopeText,
  signedPoints,
  SUMMARY_TEXT,
} from './executive-summary.js';
import { formatLocation, formatPercent, formatScore, openErrorsText } from './finding-facts.js';
import { escapeHtml as esc } from './html-escape.js';
import { labelCells } from './html-table.js';
import type { Named, ReportNames } from './names.js';
import { reportPath } from './report-path.js';
import type { ReporterContext } from './types.js';

/** The HTML executive summary's own words, in one place for translations. */
const TEXT = {
  summary: 'Executive summary',
  notScored: 'not scored',
  grade: (grade: string, provisional: boolean) =>
    `grade ${grade}${provisional ? ' (provisional)' : ''}`,
  facts: {
    asOf: 'As of',
    scope: 'Scope',
    touchpoints: 'Touchpoints',
    documentation: 'Documentation coverage',
    data: 'Data coverage',
    errors: 'Errors',
    warnings: 'Warnings',
    info: 'Info',
    waived: 'Waived',
    baselined: 'Baselined',
  },
} as const;

/** The summary's styles, added to the report's stylesheet (static text, no user data). */
export const SUMMARY_STYLE = `
.id { color: var(--muted); font-size: 0.8em; font-weight: 400; }
.id code { font-size: 1em; }
.contact, .step { display: block; color: var(--muted); font-size: 0.8rem; }
table.actions td.fix { min-width: 16em; }
ul.owners { margin: 0; padding-left: 1.2em; }
ul.owners li { margin: 2px 0; }
`;

/** A name with its id small beside it, or the id alone when nobody named it. */
export function htmlLabel(named: Named): string {
  const id = `<code>${esc(named.id)}</code>`;
  return named.name === undefined ? id : `${esc(named.name)} <span class="id">(${id})</span>`;
}

function scoreSection(report: AuditReport): string {
  const s = report.summary;
  const f = s.findings;
  const grade = s.grade ?? 'none';
  const card =
    s.score === null
      ? `<div class="score-card grade-none" id="score"><div class="score">—</div><div class="grade">${esc(TEXT.notScored)}</div></div>`
      : `<div class="score-card grade-${esc(grade)}" id="score"><div class="score">${formatScore(s.score)}</div><div class="grade">${esc(TEXT.grade(s.grade ?? '—', s.provisional === true))}</div><div class="errors">${esc(openErrorsText(s.openErrors))}</div></div>`;
  const t = TEXT.facts;
  const facts: [string, string][] = [
    [t.asOf, report.asOf],
    ...(s.score === null ? [] : ([[t.scope, scopeText(report)]] as [string, string][])),
    [t.touchpoints, String(report.inventory.touchpoints)],
    [t.documentation, formatPercent(s.documentationCoverage)],
    [t.data, formatPercent(s.dataCoverage)],
    [t.errors, String(f.error)],
    [t.warnings, String(f.warning)],
    [t.info, String(f.info)],
    [t.waived, String(f.waived)],
    [t.baselined, String(f.baselined)],
  ];
  const dl = facts.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${esc(v)}</dd></div>`).join('');
  return `<section class="summary" id="summary" aria-label="${esc(TEXT.summary)}">${card}<dl class="facts">${dl}</dl></section>`;
}

function actionsSection(report: AuditReport, ctx: ReporterContext, names: ReportNames): string {
  const summary = executiveSummary(report);
  if (summary === undefined) return '';
  const head = `<section id="actions" aria-labelledby="actions-title"><h2 id="actions-title">${esc(SUMMARY_TEXT.topActions)}</h2>`;
  if (summary.actions.length === 0) return `${head}<p>${esc(SUMMARY_TEXT.noActions)}</p></section>`;
  const rows = summary.actions.map((a) => {
    const owner = names.owner(a.owner);
    const where =
      a.touchpoint === undefined
        ? `<code>${esc(formatLocation(a, reportPath(a.location.file, ctx.cwd)))}</code>`
        : htmlLabel(names.touchpoint(a.touchpoint));
    const contact =
      owner.contact === undefined ? '' : `<span class="contact">${esc(owner.contact)}</span>`;
    const more = a.findings > 1 ? SUMMARY_TEXT.moreFindings(a.findings - 1) : '';
    const cells = labelCells(SUMMARY_TEXT.actionHeaders, [
      `<td class="num">${a.rank}</td>`,
      `<td class="num">${esc(signedPoints(a.points))}</td>`,
      `<td>${where}</td>`,
      `<td>${htmlLabel(owner)}${contact}</td>`,
      `<td class="message"><span class="sev sev-${a.severity}">${a.severity}</span> ${esc(a.message + more)}</td>`,
      `<td class="fix">${esc(a.fix)}</td>`,
    ]);
    return `<tr>${cells}</tr>`;
  });
  const headers = SUMMARY_TEXT.actionHeaders
    .map((h, i) => `<th scope="col"${i < 2 ? ' class="num"' : ''}>${esc(h)}</th>`)
    .join('');
  const more =
    summary.moreActions > 0
      ? `<p class="note">${esc(`${SUMMARY_TEXT.moreActions(summary.moreActions, summary.morePoints)}.`)}</p>`
      : '';
  const owners = summary.owners.map((entry) => {
    const owner = names.owner(entry.owner);
    const contact = owner.contact === undefined ? '' : ` · ${esc(owner.contact)}`;
    return `<li>${ownerActionsText(entry, htmlLabel(owner))}${contact}</li>`;
  });
  return [
    head,
    `<p class="note">${esc(SUMMARY_TEXT.topActionsNote)}</p>`,
    `<table class="actions reflow"><thead><tr>${headers}</tr></thead><tbody>${rows.join('\n')}</tbody></table>`,
    more,
    `<h3>${esc(SUMMARY_TEXT.byOwner)}</h3><p class="note">${esc(SUMMARY_TEXT.byOwnerNote)}</p>`,
    `<ul class="owners">${owners.join('')}</ul>`,
    '</section>',
  ]
    .filter((part) => part !== '')
    .join('\n');
}

/**
 * The executive summary that opens the HTML report: the score card with the as-of date, scope
 * and coverage, then the top actions and what each owner has to do.
 */
export function executiveSummarySection(
  report: AuditReport,
  ctx: ReporterContext,
  names: ReportNames,
): string {
  return [scoreSection(report), actionsSection(report, ctx, names)]
    .filter((part) => part !== '')
    .join('\n');
}
