import type { ScoringConfig } from '../config/config.js';
import type { Grade } from '../report.js';

/** The grade band a 0–100 score falls in: A ≥ grades.A, …, D ≥ grades.D, F below. */
export function gradeFor(score: number, grades: ScoringConfig['grades']): Grade {
  if (score >= grades.A) return 'A';
  if (score >= grades.B) return 'B';
  if (score >= grades.C) return 'C';
  if (score >= grades.D) return 'D';
  return 'F';
}

/** The highest score still graded D (just under the C band), in tenths of a point. */
export function gradeDCapTenths(grades: ScoringConfig['grades']): number {
  return Math.max(0, Math.ceil(grades.C * 10 - 1e-9) - 1);
}

/** Rounds to one decimal, the precision every score is shown with. */
export function roundScore(value: number): number {
  return Math.round(value * 10 + 1e-9) / 10;
}
