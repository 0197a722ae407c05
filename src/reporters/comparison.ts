import type { ComparedFinding, ReportComparison, Grade, ScoreChange } from '../report.js';
import { signedPoints } from './executive-summary.js';
import { formatScore } from './finding-facts.js';
import type { Named } from './names.js';

/** The words of every format's "Since the last audit" section, in one place for translations. */
export const COMPARISON_TEXT = {
  title: 'Since the last audit',
  against: (asOf: string, file: string, version: string) =>
    `compared with the report as of ${asOf} (${file}, touchpoint-audit ${version})`,
  score: 'Score',
  findings: 'Findings',
  counts: (fixed: number, added: number, open: number) =>
    `${fixed} fixed, ${added} new, ${open} still open`,
  fixed: 'Fixed',
  new: 'New',
  none: 'none',
  improved: 'Most improved touchpoints',
  declined: 'Most declined touchpoints',
  stages: 'Stages that changed',
  owners: 'Owners that changed',
  unchanged: 'no change',
  headers: ['', 'Before', 'After', 'Change'],
  findingHeaders: ['Severity', 'Touchpoint', 'Finding', 'Rule'],
} as const;

/** `89.1 (B)`, or `—` when there was no score. */
export function scoreText(score: number | null | undefined, grade?: Grade | null): string {
  if (score === null || score === undefined) return '—';
  return `${formatScore(score)}${grade === undefined || grade === null ? '' : ` (${grade})`}`;
}

/** `+1.9`, `−0.4`, or `—` when one side has no score. */
export function changeText(change: number | null): string {
  return change === null ? '—' : signedPoints(change);
}

/** `87.2 (B) → 89.1 (B), +1.9`. */
export function changeLine(entry: {
  before: number | null;
  after: number | null;
  change: number | null;
  gradeBefore?: Grade | null;
  gradeAfter?: Grade | null;
}): string {
  return `${scoreText(entry.before, entry.gradeBefore)} → ${scoreText(entry.after, entry.gradeAfter)}, ${changeText(entry.change)}`;
}

/** The headline change: overall score and grade. */
export function headlineChange(comparison: ReportComparison): string {
  return changeLine({
    ...comparison.score,
    gradeBefore: comparison.grade.before,
    gradeAfter: comparison.grade.after,
  });
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
