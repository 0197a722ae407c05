import type { AuditReport } from '../report.js';
import {
  executiveSummary,
  ownerActionsText,
  scopeText,
  signedPoints,
  summaryText,
} from './executive-summary.js';
import {
  actionMessage,
  formatLocation,
  formatPercent,
  formatScore,
  openErrorsText,
  severityWord,
} from './finding-facts.js';
import type { Locale } from '../i18n/locale.js';
import { escapeHtml as esc } from './html-escape.js';
import { labelCells } from './html-table.js';
import type { Named, ReportNames } from './names.js';
import { reportPath } from './report-path.js';
import type { ReporterContext } from './types.js';
import type { UiKey } from '../i18n/ui-en.js';

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

function scoreSection(report: AuditReport, loc: Locale): string {
  const s = report.summary;
  const f = s.findings;
  const grade = s.grade ?? 'none';
  const card =
    s.score === null
      ? `<div class="score-card grade-none" id="score"><div class="score">—</div><div class="grade">${esc(loc.text('html.notScored'))}</div></div>`
      : `<div class="score-card grade-${esc(grade)}" id="score"><div class="score">${formatScore(s.score, loc)}</div><div class="grade">${esc(loc.text('html.grade', { grade: s.grade ?? '—', provisional: s.provisional === true ? loc.text('md.provisionalMark') : '' }))}</div><div class="errors">${esc(openErrorsText(s.openErrors, loc))}</div></div>`;
  const t = (key: UiKey) => loc.text(key);
  const n = (value: number) => loc.number(String(value));
  const facts: [string, string][] = [
    [t('md.asOf'), loc.date(report.asOf)],
    ...(s.score === null ? [] : ([[t('md.scope'), scopeText(report, loc)]] as [string, string][])),
    [t('scores.touchpoints'), n(report.inventory.touchpoints)],
    [t('md.documentationCoverage'), formatPercent(s.documentationCoverage, loc)],
    [t('md.dataCoverage'), formatPercent(s.dataCoverage, loc)],
    [t('gh.headErrors'), n(f.error)],
    [t('gh.headWarnings'), n(f.warning)],
    [t('gh.headInfo'), n(f.info)],
    [t('gh.headWaived'), n(f.waived)],
    [t('gh.headBaselined'), n(f.baselined)],
  ];
  const dl = facts.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${esc(v)}</dd></div>`).join('');
  return `<section class="summary" id="summary" aria-label="${esc(t('md.executiveSummary'))}">${card}<dl class="facts">${dl}</dl></section>`;
}

function actionsSection(
  report: AuditReport,
  ctx: ReporterContext,
  names: ReportNames,
  loc: Locale,
): string {
  const summary = executiveSummary(report);
  if (summary === undefined) return '';
  const SUMMARY_TEXT = summaryText(loc);
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
      `<td class="num">${esc(signedPoints(a.points, loc))}</td>`,
      `<td>${where}</td>`,
      `<td>${htmlLabel(owner)}${contact}</td>`,
      `<td class="message"><span class="sev sev-${a.severity}">${esc(severityWord(a.severity, loc))}</span> ${esc(actionMessage(report, a, loc) + more)}</td>`,
      `<td class="fix">${esc(loc.fix(a.rule, a.fix))}</td>`,
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
    return `<li>${ownerActionsText(entry, htmlLabel(owner), loc)}${contact}</li>`;
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
  loc: Locale,
): string {
  return [scoreSection(report, loc), actionsSection(report, ctx, names, loc)]
    .filter((part) => part !== '')
    .join('\n');
}
