import type { ComparedFinding, ReportComparison, ScoreChange } from '../report.js';
import { visibleStrings } from '../text/visible-text.js';
import {
  changed,
  changeText,
  COMPARISON_TEXT as T,
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

function findingTable(findings: readonly ComparedFinding[]): string[] {
  if (findings.length === 0) return [`${T.none.charAt(0).toUpperCase()}${T.none.slice(1)}.`];
  const rows = findings.map((f) => {
    const where = findingTouchpoint(f);
    return [
      f.severity,
      where === undefined ? '' : label(where),
      cell(f.message),
      code(f.rule, 'cell'),
    ];
  });
  return [markdownTable([...T.findingHeaders], rows)];
}

function changeTable(heading: string, entries: readonly ScoreChange[]): string[] {
  if (entries.length === 0) return [];
  const rows = entries.map((e) => [
    label(namedOf(e)),
    scoreText(e.before, e.gradeBefore),
    scoreText(e.after, e.gradeAfter),
    changeText(e.change),
  ]);
  const [, ...rest] = T.headers;
  return [
    `### ${heading}`,
    '',
    markdownTable(['', ...rest], rows, ['left', 'right', 'right', 'right']),
    '',
  ];
}

/** The "Since the last audit" section of the Markdown report (and `touchpoint diff -f markdown`). */
export function comparisonMarkdown(input: ReportComparison): string[] {
  const comparison = visibleStrings(input, 'keep');
  const p = comparison.previous;
  const f = comparison.findings;
  const against = T.against(p.asOf, p.file, p.toolVersion);
  return [
    `## ${T.title}`,
    '',
    `${markdownText(`${against.charAt(0).toUpperCase()}${against.slice(1)}`)}.`,
    '',
    `**${T.score} ${headlineChange(comparison)}** · ${T.findings.toLowerCase()}: ${T.counts(f.fixed.length, f.new.length, f.stillOpen)}.`,
    '',
    `### ${T.fixed} (${f.fixed.length})`,
    '',
    ...findingTable(f.fixed),
    '',
    `### ${T.new} (${f.new.length})`,
    '',
    ...findingTable(f.new),
    '',
    ...changeTable(T.improved, comparison.improved),
    ...changeTable(T.declined, comparison.declined),
    ...changeTable(T.stages, changed(comparison.stages)),
    ...changeTable(T.owners, changed(comparison.owners)),
  ];
}
