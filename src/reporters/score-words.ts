import type { Locale } from '../i18n/locale.js';
import type { ScoreComponent, TouchpointScore } from '../report.js';
import { formatScore } from './finding-facts.js';

/** Why a touchpoint's grade is capped, in the locale's language; undefined when it is not. */
export function cappedWords(t: TouchpointScore, loc: Locale): string | undefined {
  return t.capped === undefined ? undefined : loc.score(t.texts?.capped, t.capped);
}

/** What the touchpoint's next maturity level needs, in the locale's language ('' at L4). */
export function nextStepWords(t: TouchpointScore, loc: Locale): string {
  return t.nextLevel === undefined ? '' : loc.score(t.texts?.nextLevel, t.nextLevel);
}

/** The score's components with their labels in the locale's language. */
export function componentWords(t: TouchpointScore, loc: Locale): ScoreComponent[] {
  return t.components.map((c, i) => ({
    label: loc.score(t.texts?.components[i], c.label),
    points: c.points,
  }));
}

/** A component's points with their sign: `+100`, `−2.5` (a minus sign, not a hyphen). */
export function componentPoints(points: number, loc: Locale): string {
  return points < 0 ? `−${formatScore(-points, loc)}` : `+${formatScore(points, loc)}`;
}
