import { Chalk } from 'chalk';
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { ComparedFinding, ReportComparison, ScoreChange } from '../report.js';
import { inertLogLines } from '../text/inert-log-lines.js';
import { visibleStrings, visibleText } from '../text/visible-text.js';
import { terminalLabel } from './terminal-layout.js';
import { borderless, trimLines, wrapText } from '../text/wrap-text.js';
import {
  changed,
  changeLine,
  comparisonText,
  findingTouchpoint,
  headlineChange,
  namedOf,
} from './comparison.js';
import type { ReporterContext } from './types.js';
import { severityWord } from './finding-facts.js';
import { ENGLISH } from '../i18n/locale.js';
import type { Locale } from '../i18n/locale.js';

function findingRows(
  c: ChalkInstance,
  findings: readonly ComparedFinding[],
  width: number,
  loc: Locale,
): string[] {
  if (findings.length === 0) return [`    ${c.dim(comparisonText(loc).none)}`];
  // Wide enough for `peringatan` in Indonesian; 8, as before, in English.
  const severityWidth = Math.max(8, severityWord('warning', loc).length);
  const table = new Table({
    chars: borderless(4),
    colWidths: [severityWidth, Math.max(30, width - 4 - severityWidth - 2)],
    wordWrap: true,
    wrapOnWordBoundary: true,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
  });
  for (const f of findings) {
    const where = findingTouchpoint(f);
    table.push([
      severityWord(f.severity, loc),
      `${where === undefined ? '' : `${terminalLabel(c, where)}: `}${f.message} ${c.dim(f.rule)}`,
    ]);
  }
  return trimLines(table.toString()).split('\n');
}

function changeRows(c: ChalkInstance, entries: readonly ScoreChange[], loc: Locale): string[] {
  if (entries.length === 0) return [`    ${c.dim(comparisonText(loc).none)}`];
  return entries.map((e) => {
    const text = changeLine(e, loc);
    const coloured = (e.change ?? 0) > 0 ? c.green(text) : (e.change ?? 0) < 0 ? c.red(text) : text;
    return `    ${terminalLabel(c, namedOf(e))}: ${coloured}`;
  });
}

/** The "Since the last audit" section of the terminal report. */
export function comparisonLines(
  c: ChalkInstance,
  comparison: ReportComparison,
  width: number,
  loc: Locale = ENGLISH,
): string[] {
  const p = comparison.previous;
  const f = comparison.findings;
  const T = comparisonText(loc);
  return [
    c.bold.underline(T.title),
    ...wrapText(
      c.dim(T.against(p.asOf, visibleText(p.file), visibleText(p.toolVersion))),
      width,
      2,
      2,
    ),
    ...wrapText(`${T.score} ${headlineChange(comparison, loc)}`, width, 2, 2),
    `  ${T.findings}: ${T.counts(f.fixed.length, f.new.length, f.stillOpen)}`,
    `  ${c.bold(`${T.fixed} (${f.fixed.length})`)}`,
    ...findingRows(c, f.fixed, width, loc),
    `  ${c.bold(`${T.new} (${f.new.length})`)}`,
    ...findingRows(c, f.new, width, loc),
    `  ${c.bold(T.improved)}`,
    ...changeRows(c, comparison.improved, loc),
    `  ${c.bold(T.declined)}`,
    ...changeRows(c, comparison.declined, loc),
    `  ${c.bold(T.stages)}`,
    ...changeRows(c, changed(comparison.stages), loc),
    `  ${c.bold(T.owners)}`,
    ...changeRows(c, changed(comparison.owners), loc),
    '',
  ];
}

/** `touchpoint diff -f table`: the section alone. */
export function comparisonTable(comparison: ReportComparison, ctx: ReporterContext): string {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const lines = comparisonLines(
    c,
    visibleStrings(comparison, 'keep'),
    ctx.width ?? 100,
    ctx.locale ?? ENGLISH,
  );
  return inertLogLines(`${lines.join('\n').trimEnd()}\n`);
}
