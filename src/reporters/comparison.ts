import type { ComparedFinding, ReportComparison, Grade, ScoreChange } from '../report.js';
import { signedPoints } from './executive-summary.js';
import { formatScore } from './finding-facts.js';
import type { Named } from './names.js';
import { ENGLISH } from '../i18n/locale.js';
import type { Locale } from '../i18n/locale.js';

/** The words of every format's "Since the last audit" section, in the locale's language. */
export function comparisonText(loc: Locale) {
  return {
    title: loc.text('compare.title'),
    against: (asOf: string, file: string, version: string) =>
      loc.text('compare.against', { asOf: loc.date(asOf), file, version }),
    score: loc.text('compare.score'),
    findings: loc.text('compare.findings'),
    counts: (fixed: number, added: number, open: number) =>
      loc.text('compare.counts', { fixed, added, open }),
    fixed: loc.text('compare.fixed'),
    new: loc.text('compare.new'),
    none: loc.text('compare.none'),
    improved: loc.text('compare.improved'),
    declined: loc.text('compare.declined'),
    stages: loc.text('compare.stages'),
    owners: loc.text('compare.owners'),
    headers: [
      '',
      loc.text('compare.before'),
      loc.text('compare.after'),
      loc.text('compare.change'),
    ],
    findingHeaders: [
      loc.text('md.headSeverity'),
      loc.text('summary.headTouchpoint'),
      loc.text('summary.headFinding'),
      loc.text('md.headRule'),
    ],
  } as const;
}

/** The English words (the HTML report's, until it takes a locale). */
export const COMPARISON_TEXT = comparisonText(ENGLISH);

/** `89.1 (B)`, or `—` when there was no score. */
export function scoreText(
  score: number | null | undefined,
  grade?: Grade | null,
  loc: Locale = ENGLISH,
): string {
  if (score === null || score === undefined) return '—';
  return `${formatScore(score, loc)}${grade === undefined || grade === null ? '' : ` (${grade})`}`;
}

/** `+1.9`, `−0.4`, or `—` when one side has no score. */
export function changeText(change: number | null, loc: Locale = ENGLISH): string {
  return change === null ? '—' : signedPoints(change, loc);
}

/** `87.2 (B) → 89.1 (B), +1.9`. */
export function changeLine(
  entry: {
    before: number | null;
    after: number | null;
    change: number | null;
    gradeBefore?: Grade | null;
    gradeAfter?: Grade | null;
  },
  loc: Locale = ENGLISH,
): string {
  return `${scoreText(entry.before, entry.gradeBefore, loc)} → ${scoreText(entry.after, entry.gradeAfter, loc)}, ${changeText(entry.change, loc)}`;
}

/** The headline change: overall score and grade. */
export function headlineChange(comparison: ReportComparison, loc: Locale = ENGLISH): string {
  return changeLine(
    {
      ...comparison.score,
      gradeBefore: comparison.grade.before,
      gradeAfter: comparison.grade.after,
    },
    loc,
  );
}

/** Stages or owners whose score moved (or that appeared or went). */
export function changed(entries: readonly ScoreChange[]): ScoreChange[] {
  return entries.filter((e) => e.change !== 0);
}

export function namedOf(entry: { id: string; name?: string }): Named {
  return entry.name === undefined ? { id: entry.id } : { id: entry.id, name: entry.name };
}

export function findingTouchpoint(f: ComparedFinding): Named | undefined {
  if (f.touchpoint === undefined) return undefined;
  return f.touchpointName === undefined
    ? { id: f.touchpoint }
    : { id: f.touchpoint, name: f.touchpointName };
}
