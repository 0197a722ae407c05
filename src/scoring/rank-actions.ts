import type { Action, OwnerActions } from '../report.js';
import { UNOWNED } from '../report.js';
import { RULE_CATALOGUE } from '../rules/index.js';
import { compareText } from '../shared/compare-text.js';
import type { Finding, Inventory, Severity, Touchpoint } from '../types.js';
import { ownerStatus } from '../shared/owner-status.js';
import { roundScore } from './grade.js';
import type { AuditScores, ScoreAuditInput } from './score-audit.js';
import { settledScorer } from './settled-scorer.js';

const FIXES: ReadonlyMap<string, string> = new Map(
  RULE_CATALOGUE.map((meta) => [meta.id, firstSentence(meta.fix)]),
);
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The first sentence of a rule's fix: what the action table says to do. */
export function firstSentence(text: string): string {
  const match = /^(.*?[.!?])\s+(?=[A-Z`])/su.exec(text);
  return (match?.[1] ?? text).trim();
}

interface Group {
  key: string;
  findings: Finding[];
}

/**
 * Every open finding as an action, grouped where one fix settles several (the same rule on the
 * same touchpoint), ranked by the inventory score points the fix recovers. The points are true:
 * each group is re-scored with its findings settled (scored as a fix scores them, costing
 * nothing and capping nothing), never estimated from weights.
 */
export function rankActions(
  input: ScoreAuditInput,
  base: AuditScores,
): { actions: Action[]; byOwner: OwnerActions[] } {
  const groups = new Map<string, Group>();
  input.findings.forEach((finding) => {
    if (finding.waived) return;
    const key = actionKey(finding);
    const group = groups.get(key);
    if (group) group.findings.push(finding);
    else groups.set(key, { key, findings: [finding] });
  });
  const scoreSettled = settledScorer(input, base);
  const settled = (settle: ReadonlySet<Finding>): number =>
    roundScore(scoreSettled(settle) - base.score);

  const { inventory } = input;
  const touchpoints = new Map(inventory.touchpoints.map((t) => [t.id, t]));
  const actions: Omit<Action, 'rank'>[] = [...groups.values()].map(({ findings }) => {
    const first = findings[0] as Finding;
    const severity = findings.reduce<Severity>(
      (worst, f) => (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[worst] ? f.severity : worst),
      first.severity,
    );
    const action: Omit<Action, 'rank'> = {
      points: settled(new Set(findings)),
      rule: first.rule,
      severity,
      findings: findings.length,
      fix: FIXES.get(first.rule) ?? first.message,
      message: first.message,
      owner: UNOWNED,
      location: first.location,
    };
    if (first.touchpoint !== undefined) {
      action.touchpoint = first.touchpoint;
      Object.assign(action, ownerOf(first.touchpoint, inventory, touchpoints));
    }
    return action;
  });
  actions.sort(
    (a, b) =>
      b.points - a.points ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      compareText(a.touchpoint ?? '', b.touchpoint ?? '') ||
      compareText(a.rule, b.rule) ||
      compareText(a.location.file, b.location.file) ||
      a.location.line - b.location.line,
  );
  const ranked: Action[] = actions.map((action, i) => ({ rank: i + 1, ...action }));

  const owners = new Map<string, Action[]>();
  for (const action of ranked) {
    const list = owners.get(action.owner);
    if (list) list.push(action);
    else owners.set(action.owner, [action]);
  }
  const byOwner: OwnerActions[] = [...owners.entries()].map(([owner, list]) => {
    const keys = new Set(list.map(actionKey));
    const settle = new Set(
      [...groups.values()].filter((g) => keys.has(g.key)).flatMap((g) => g.findings),
    );
    const entry: OwnerActions = { owner, actions: list.length, points: settled(settle) };
    const first = list[0];
    if (first?.ownerName !== undefined) entry.name = first.ownerName;
    if (first?.ownerContact !== undefined) entry.contact = first.ownerContact;
    return entry;
  });
  byOwner.sort(
    (a, b) => b.points - a.points || b.actions - a.actions || compareText(a.owner, b.owner),
  );
  return { actions: ranked, byOwner };
}

/** One fix settles the findings of one rule on one touchpoint (or at one place in a file). */
export function actionKey(item: Pick<Finding, 'rule' | 'touchpoint' | 'location'>): string {
  const { file, line, column } = item.location;
  return `${item.rule}\u0000${item.touchpoint ?? `${file}:${line}:${column}`}`;
}

/** Who carries a touchpoint's fixes: its owner from the roster, or `(unowned)`. */
function ownerOf(
  id: string,
  inventory: Inventory,
  byId: ReadonlyMap<string, Touchpoint>,
): Pick<Action, 'owner' | 'ownerName' | 'ownerContact' | 'touchpointName'> {
  const touchpoint = byId.get(id);
  if (touchpoint === undefined) return { owner: UNOWNED };
  const status = ownerStatus(touchpoint, inventory);
  const out: Pick<Action, 'owner' | 'ownerName' | 'ownerContact' | 'touchpointName'> = {
    owner:
      status === 'missing' || status === 'placeholder' ? UNOWNED : (touchpoint.owner ?? UNOWNED),
    touchpointName: touchpoint.name,
  };
  const member = inventory.owners?.find((o) => o.id === touchpoint.owner);
  if (member?.name !== undefined) out.ownerName = member.name;
  if (member?.contact !== undefined) out.ownerContact = member.contact;
  return out;
}
