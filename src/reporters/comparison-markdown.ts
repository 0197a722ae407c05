import type { ComparedFinding, ReportComparison, ScoreChange } from '../report.js';
import { visibleStrings } from '../text/visible-text.js';
import {
  changed,
  changeText,
  comparisonText,
  findingTouchpoint,
  headlineChange,
  namedOf,
  scoreText,
} from './comparison.js';
import {
  markdownCell as cell,
  markdownCode as code,
  markdownLabel as label,
  markdownTable,
  markdownText,
} from './markdown-table.js';
import { severityWord } from './finding-facts.js';
import { ENGLISH } from '../i18n/locale.js';
import type { Locale } from '../i18n/locale.js';

function findingTable(findings: readonly ComparedFinding[], loc: Locale): string[] {
  const T = comparisonText(loc);
  if (findings.length === 0) return [`${T.none.charAt(0).toUpperCase()}${T.none.slice(1)}.`];
  const rows = findings.map((f) => {
    const where = findingTouchpoint(f);
    return [
      severityWord(f.severity, loc),
      where === undefined ? '' : label(where),
      cell(f.message),
      code(f.rule, 'cell'),
    ];
  });
  return [markdownTable([...T.findingHeaders], rows)];
}

function changeTable(heading: string, entries: readonly ScoreChange[], loc: Locale): string[] {
  if (entries.length === 0) return [];
  const rows = entries.map((e) => [
    label(namedOf(e)),
    scoreText(e.before, e.gradeBefore, loc),
    scoreText(e.after, e.gradeAfter, loc),
    changeText(e.change, loc),
  ]);
  const [, ...rest] = comparisonText(loc).headers;
  return [
    `### ${heading}`,
    '',
    markdownTable(['', ...rest], rows, ['left', 'right', 'right', 'right']),
    '',
  ];
}

/** The "Since the last audit" section of the Markdown report (and `touchpoint diff -f markdown`). */
export function comparisonMarkdown(input: ReportComparison, loc: Locale = ENGLISH): string[] {
  const comparison = visibleStrings(input, 'keep');
  const T = comparisonText(loc);
  const p = comparison.previous;
  const f = comparison.findings;
  const against = T.against(p.asOf, p.file, p.toolVersion);
  return [
    `## ${T.title}`,
    '',
    `${markdownText(`${against.charAt(0).toUpperCase()}${against.slice(1)}`)}.`,
    '',
    `**${T.score} ${headlineChange(comparison, loc)}** · ${T.findings.toLowerCase()}: ${T.counts(f.fixed.length, f.new.length, f.stillOpen)}.`,
    '',
    `### ${T.fixed} (${f.fixed.length})`,
    '',
    ...findingTable(f.fixed, loc),
    '',
    `### ${T.new} (${f.new.length})`,
    '',
    ...findingTable(f.new, loc),
    '',
    ...changeTable(T.improved, comparison.improved, loc),
    ...changeTable(T.declined, comparison.declined, loc),
    ...changeTable(T.stages, changed(comparison.stages), loc),
    ...changeTable(T.owners, changed(comparison.owners), loc),
  ];
}
