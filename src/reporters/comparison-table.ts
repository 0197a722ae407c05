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
  COMPARISON_TEXT as T,
  findingTouchpoint,
  headlineChange,
  namedOf,
} from './comparison.js';
import type { ReporterContext } from './types.js';

function findingRows(
  c: ChalkInstance,
  findings: readonly ComparedFinding[],
  width: number,
): string[] {
  if (findings.length === 0) return [`    ${c.dim(T.none)}`];
  const table = new Table({
    chars: borderless(4),
    colWidths: [8, Math.max(30, width - 4 - 8 - 2)],
    wordWrap: true,
    wrapOnWordBoundary: true,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
  });
  for (const f of findings) {
    const where = findingTouchpoint(f);
    table.push([
      f.severity,
      `${where === undefined ? '' : `${terminalLabel(c, where)}: `}${f.message} ${c.dim(f.rule)}`,
    ]);
  }
  return trimLines(table.toString()).split('\n');
}

function changeRows(c: ChalkInstance, entries: readonly ScoreChange[]): string[] {
  if (entries.length === 0) return [`    ${c.dim(T.none)}`];
  return entries.map((e) => {
    const text = changeLine(e);
    const coloured = (e.change ?? 0) > 0 ? c.green(text) : (e.change ?? 0) < 0 ? c.red(text) : text;
    return `    ${terminalLabel(c, namedOf(e))}: ${coloured}`;
  });
}

/** The "Since the last audit" section of the terminal report. */
export function comparisonLines(
  c: ChalkInstance,
  comparison: ReportComparison,
  width: number,
): string[] {
  const p = comparison.previous;
  const f = comparison.findings;
  return [
    c.bold.underline(T.title),
    ...wrapText(
      c.dim(T.against(p.asOf, visibleText(p.file), visibleText(p.toolVersion))),
      width,
      2,
      2,
    ),
    ...wrapText(`${T.score} ${headlineChange(comparison)}`, width, 2, 2),
    `  ${T.findings}: ${T.counts(f.fixed.length, f.new.length, f.stillOpen)}`,
    `  ${c.bold(`${T.fixed} (${f.fixed.length})`)}`,
    ...findingRows(c, f.fixed, width),
    `  ${c.bold(`${T.new} (${f.new.length})`)}`,
    ...findingRows(c, f.new, width),
    `  ${c.bold(T.improved)}`,
    ...changeRows(c, comparison.improved),
    `  ${c.bold(T.declined)}`,
    ...changeRows(c, comparison.declined),
    `  ${c.bold(T.stages)}`,
    ...changeRows(c, changed(comparison.stages)),
    `  ${c.bold(T.owners)}`,
    ...changeRows(c, changed(comparison.owners)),
    '',
  ];
}

/** `touchpoint diff -f table`: the section alone. */
export function comparisonTable(comparison: ReportComparison, ctx: ReporterContext): string {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const lines = comparisonLines(c, visibleStrings(comparison, 'keep'), ctx.width ?? 100);
  return inertLogLines(`${lines.join('\n').trimEnd()}\n`);
}
