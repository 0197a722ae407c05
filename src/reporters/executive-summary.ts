import type { Action, AuditReport, OwnerActions } from '../report.js';
import { ENGLISH } from '../i18n/locale.js';
import type { Locale } from '../i18n/locale.js';

/** How many ranked actions the Markdown and HTML reports list; the JSON report has them all. */
export const TOP_ACTIONS = 10;
/** The terminal lists fewer: it is read on one screen. */
export const TOP_ACTIONS_TERMINAL = 5;

/** The phrases every human format's executive summary shares, in the locale's words. */
export function summaryText(loc: Locale) {
  return {
    actions: (n: number) => loc.text('summary.actions', { n }),
    points: (points: number) =>
      loc.text('summary.points', { signed: signedPoints(points, loc), n: points }),
    moreActions: (n: number, points: number) =>
      loc.text('summary.moreActions', { n, points: signedPoints(points, loc) }),
    noActions: loc.text('summary.noActions'),
    stages: (n: number) => loc.text('summary.stages', { n }),
    segments: (n: number) =>
      n === 0 ? loc.text('summary.noSegments') : loc.text('summary.segments', { n }),
    scopeOf: (n: number, of: number) => loc.text('summary.scopeOf', { n, of }),
    topActions: loc.text('summary.topActions'),
    topActionsNote: loc.text('summary.topActionsNote'),
    actionHeaders: [
      '#',
      loc.text('summary.headPoints'),
      loc.text('summary.headTouchpoint'),
      loc.text('summary.headOwner'),
      loc.text('summary.headFinding'),
      loc.text('summary.headFix'),
    ],
    byOwner: loc.text('summary.byOwner'),
    byOwnerNote: loc.text('summary.byOwnerNote'),
    moreFindings: (n: number) => loc.text('summary.moreFindings', { n }),
  } as const;
}

/** The English phrases (the HTML report's, until it takes a locale). */
export const SUMMARY_TEXT = summaryText(ENGLISH);

/** Points recovered, signed, one decimal: `+1.9`, `+0.0` (`+1,9` in Indonesian). */
export function signedPoints(points: number, loc: Locale = ENGLISH): string {
  return `${points < 0 ? '−' : '+'}${loc.number(Math.abs(points).toFixed(1))}`;
}

export interface ExecutiveSummary {
  /** The top actions, ranked (at most `TOP_ACTIONS`). */
  actions: Action[];
  /** How many actions the list leaves out. */
  moreActions: number;
  /** The most any left-out action recovers (the points of the last one listed). */
  morePoints: number;
  /** Every owner with something to do, most points first. */
  owners: OwnerActions[];
}

/** The ranked actions a human report leads with, or undefined when the report has none (validate). */
export function executiveSummary(
  report: AuditReport,
  limit: number = TOP_ACTIONS,
): ExecutiveSummary | undefined {
  const actions = report.actions;
  // Actions come from scoring: a validation or an unscored audit has none to rank.
  if (actions === undefined || report.scores === undefined) return undefined;
  return {
    actions: actions.slice(0, limit),
    moreActions: Math.max(0, actions.length - limit),
    morePoints: actions[limit]?.points ?? 0,
    owners: report.actionsByOwner ?? [],
  };
}

/**
 * The journey audited, in one phrase: `10 stages, 3 segments (enterprise, mid-market, smb)`,
 * or `3 of 10 stages in scope (onboarding, adoption and retention), …`.
 */
export function scopeText(report: AuditReport, loc: Locale = ENGLISH): string {
  const inv = report.inventory;
  const text = summaryText(loc);
  // Stages in scope that the journey does not have are findings of their own, not scope.
  const scope = inv.scope?.filter((stage) => inv.stages.includes(stage));
  const stages =
    scope === undefined
      ? text.stages(inv.stages.length)
      : `${text.scopeOf(scope.length, inv.stages.length)} (${loc.list(scope.map(loc.stage))})`;
  const segments =
    text.segments(inv.segments.length) +
    (inv.segments.length > 0 ? ` (${inv.segments.join(', ')})` : '');
  return `${stages}, ${segments}`;
}

/** `Customer Success: 3 actions, +6.2 points`, the name given by `label`. */
export function ownerActionsText(
  entry: OwnerActions,
  label: string,
  loc: Locale = ENGLISH,
): string {
  const text = summaryText(loc);
  return `${label}: ${text.actions(entry.actions)}, ${text.points(entry.points)}`;
}
