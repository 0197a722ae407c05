import type { Action, AuditReport, OwnerActions } from '../report.js';
import { formatList } from '../shared/format.js';

/** How many ranked actions the Markdown and HTML reports list; the JSON report has them all. */
export const TOP_ACTIONS = 10;
/** The terminal lists fewer: it is read on one screen. */
export const TOP_ACTIONS_TERMINAL = 5;

/** The phrases every human format's executive summary shares (one table, for translations). */
export const SUMMARY_TEXT = {
  actions: (n: number) => `${n} action${n === 1 ? '' : 's'}`,
  points: (points: number) => `${signedPoints(points)} point${points === 1 ? '' : 's'}`,
  moreActions: (n: number, points: number) =>
    `${n} more action${n === 1 ? '' : 's'}, each ${signedPoints(points)} points or less (all in the JSON report's actions[])`,
  noActions: 'Nothing to fix: no open findings.',
  stages: (n: number) => `${n} stage${n === 1 ? '' : 's'}`,
  segments: (n: number) =>
    n === 0 ? 'all customers (no segments)' : `${n} segment${n === 1 ? '' : 's'}`,
  scopeOf: (n: number, of: number) => `${n} of ${of} stages in scope`,
  topActions: 'Top actions',
  topActionsNote:
    'Each open finding as a fix, ranked by the inventory score points it recovers (found by re-scoring the inventory with the fix applied).',
  actionHeaders: ['#', 'Points', 'Touchpoint', 'Owner', 'Finding', 'Fix'],
  byOwner: 'Actions by owner',
  byOwnerNote: 'Points: all of the owner’s actions applied together.',
  moreFindings: (n: number) => ` (+${n} more)`,
} as const;

/** Points recovered, signed, one decimal: `+1.9`, `+0.0`. */
export function signedPoints(points: number): string {
  return `${points < 0 ? '−' : '+'}${Math.abs(points).toFixed(1)}`;
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
export function scopeText(report: AuditReport): string {
  const inv = report.inventory;
  // Stages in scope that the journey does not have are findings of their own, not scope.
  const scope = inv.scope?.filter((stage) => inv.stages.includes(stage));
  const stages =
    scope === undefined
      ? SUMMARY_TEXT.stages(inv.stages.length)
      : `${SUMMARY_TEXT.scopeOf(scope.length, inv.stages.length)} (${formatList(scope)})`;
  const segments =
    SUMMARY_TEXT.segments(inv.segments.length) +
    (inv.segments.length > 0 ? ` (${inv.segments.join(', ')})` : '');
  return `${stages}, ${segments}`;
}

/** `Customer Success: 3 actions, +6.2 points`, the name given by `label`. */
export function ownerActionsText(entry: OwnerActions, label: string): string {
  return `${label}: ${SUMMARY_TEXT.actions(entry.actions)}, ${SUMMARY_TEXT.points(entry.points)}`;
}
