import type { ComparedFinding, ReportComparison, ScoreChange } from '../report.js';
import {
  changed,
  changeText,
  comparisonText,
  findingTouchpoint,
  headlineChange,
  namedOf,
  scoreText,
} from './comparison.js';
import { escapeHtml as esc } from './html-escape.js';
import { htmlLabel } from './html-summary.js';
import { severityWord } from './finding-facts.js';
import { ENGLISH } from '../i18n/locale.js';
import type { Locale } from '../i18n/locale.js';

function findingTable(findings: readonly ComparedFinding[], loc: Locale): string {
  const T = comparisonText(loc);
  if (findings.length === 0) return `<p class="note">${esc(T.none)}</p>`;
  const head = T.findingHeaders.map((h) => `<th scope="col">${esc(h)}</th>`).join('');
  const rows = findings.map((f) => {
    const where = findingTouchpoint(f);
    return `<tr><td class="sev sev-${f.severity}">${esc(severityWord(f.severity, loc))}</td><td>${where === undefined ? '' : htmlLabel(where)}</td><td class="message">${esc(f.message)}</td><td><code>${esc(f.rule)}</code></td></tr>`;
  });
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function changeTable(heading: string, entries: readonly ScoreChange[], loc: Locale): string {
  if (entries.length === 0) return '';
  const [, ...rest] = comparisonText(loc).headers;
  const head = `<th scope="col"></th>${rest.map((h) => `<th scope="col" class="num">${esc(h)}</th>`).join('')}`;
  const rows = entries.map(
    (e) =>
      `<tr><td>${htmlLabel(namedOf(e))}</td><td class="num">${esc(scoreText(e.before, e.gradeBefore, loc))}</td><td class="num">${esc(scoreText(e.after, e.gradeAfter, loc))}</td><td class="num">${esc(changeText(e.change, loc))}</td></tr>`,
  );
  return `<h3>${esc(heading)}</h3><table><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The "Since the last audit" section of the HTML report, or '' without `--compare`. */
export function comparisonSection(
  comparison: ReportComparison | undefined,
  loc: Locale = ENGLISH,
): string {
  if (comparison === undefined) return '';
  const T = comparisonText(loc);
  const p = comparison.previous;
  const f = comparison.findings;
  return [
    '<section id="comparison" aria-labelledby="comparison-title">',
    `<h2 id="comparison-title">${esc(T.title)}</h2>`,
    `<p class="note">${esc(T.against(p.asOf, p.file, p.toolVersion))}</p>`,
    `<p><strong>${esc(`${T.score} ${headlineChange(comparison, loc)}`)}</strong> · ${esc(`${T.findings.toLowerCase()}: ${T.counts(f.fixed.length, f.new.length, f.stillOpen)}`)}</p>`,
    `<h3>${esc(`${T.fixed} (${f.fixed.length})`)}</h3>`,
    findingTable(f.fixed, loc),
    `<h3>${esc(`${T.new} (${f.new.length})`)}</h3>`,
    findingTable(f.new, loc),
    changeTable(T.improved, comparison.improved, loc),
    changeTable(T.declined, comparison.declined, loc),
    changeTable(T.stages, changed(comparison.stages), loc),
    changeTable(T.owners, changed(comparison.owners), loc),
    '</section>',
  ]
    .filter((part) => part !== '')
    .join('\n');
}
