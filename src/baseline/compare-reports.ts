import { compareText } from '../shared/compare-text.js';
import type {
  AuditReport,
  ComparedFinding,
  ReportComparison,
  GroupScore,
  ScoreChange,
} from '../report.js';
import type { Finding } from '../types.js';
import { fingerprint } from './fingerprint.js';

/** How many touchpoints the most improved and most declined lists hold. */
export const MOST_CHANGED = 5;

/** Points to one decimal, as reports show them; never `-0`. */
function change(before: number | null, after: number | null): number | null {
  if (before === null || after === null) return null;
  const rounded = Math.round((after - before) * 10) / 10;
  return rounded === 0 ? 0 : rounded;
}

type Scored = Pick<GroupScore, 'id' | 'score' | 'grade'>;

function scoreChanges(
  before: readonly Scored[],
  after: readonly Scored[],
  name: (id: string) => string | undefined = () => undefined,
): ScoreChange[] {
  const previous = new Map(before.map((g) => [g.id, g]));
  const current = new Map(after.map((g) => [g.id, g]));
  const ids = [...current.keys(), ...[...previous.keys()].filter((id) => !current.has(id))];
  return ids.map((id) => {
    const b = previous.get(id);
    const a = current.get(id);
    const entry: ScoreChange = {
      id,
      before: b?.score ?? null,
      after: a?.score ?? null,
      change: change(b?.score ?? null, a?.score ?? null),
    };
    const label = name(id);
    if (label !== undefined && label !== id) entry.name = label;
    if (b !== undefined) entry.gradeBefore = b.grade;
    if (a !== undefined) entry.gradeAfter = a.grade;
    return entry;
  });
}

/** Findings that count for the verdict: every one not waived (a baseline changes the gate only). */
function openByFingerprint(findings: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (finding.waived !== undefined) continue;
    const key = fingerprint(finding);
    const list = out.get(key);
    if (list) list.push(finding);
    else out.set(key, [finding]);
  }
  return out;
}

function countByFingerprint(findings: readonly Finding[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const finding of findings) {
    const key = fingerprint(finding);
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/**
 * The open findings of `from` that `to` does not hold (matched by baseline fingerprint, as a
 * multiset: a fingerprint twice before and once now is one of them).
 */
function missingFrom(
  from: readonly Finding[],
  to: readonly Finding[],
  name: (id: string) => string | undefined,
): ComparedFinding[] {
  const present = countByFingerprint(to);
  const out: ComparedFinding[] = [];
  for (const [key, list] of openByFingerprint(from)) {
    for (const finding of list.slice(present.get(key) ?? 0)) {
      const entry: ComparedFinding = {
        fingerprint: key,
        rule: finding.rule,
        severity: finding.severity,
        message: finding.message,
      };
      if (finding.touchpoint !== undefined) {
        entry.touchpoint = finding.touchpoint;
        const label = name(finding.touchpoint);
        if (label !== undefined && label !== finding.touchpoint) entry.touchpointName = label;
      }
      out.push(entry);
    }
  }
  return out;
}

function compareIds(a: ScoreChange, b: ScoreChange): number {
  return compareText(a.id, b.id);
}

function names(report: AuditReport): Map<string, string> {
  return new Map((report.scores?.touchpoints ?? []).map((t) => [t.id, t.name]));
}

/**
 * What changed from `previous` to `current`: the score and grade overall and per stage and
 * owner, the findings fixed, new and still open (matched by baseline fingerprint, so a finding
 * that moved to another line is the same finding), and the touchpoints that improved or
 * declined most. `file` is the previous report as the user named it.
 */
export function compareReports(
  previous: AuditReport,
  current: AuditReport,
  file: string,
): ReportComparison {
  const touchpointNames = new Map([...names(previous), ...names(current)]);
  const tpName = (id: string): string | undefined => touchpointNames.get(id);
  const ownerNames = new Map(
    [...(previous.inventory.owners ?? []), ...(current.inventory.owners ?? [])].flatMap((o) =>
      o.name === undefined ? [] : [[o.id, o.name] as const],
    ),
  );
  const fixed = missingFrom(previous.findings, current.findings, tpName);
  const added = missingFrom(current.findings, previous.findings, tpName);
  const openNow = [...openByFingerprint(current.findings).values()].reduce(
    (n, list) => n + list.length,
    0,
  );
  const touchpoints = scoreChanges(
    previous.scores?.touchpoints ?? [],
    current.scores?.touchpoints ?? [],
    tpName,
  ).filter((t) => t.change !== null && t.change !== 0);
  touchpoints.sort((a, b) => (b.change ?? 0) - (a.change ?? 0) || compareIds(a, b));
  return {
    previous: {
      file,
      asOf: previous.asOf,
      toolVersion: previous.tool.version,
      command: previous.command,
    },
    score: {
      before: previous.summary.score,
      after: current.summary.score,
      change: change(previous.summary.score, current.summary.score),
    },
    grade: { before: previous.summary.grade, after: current.summary.grade },
    stages: scoreChanges(previous.scores?.stages ?? [], current.scores?.stages ?? []),
    owners: scoreChanges(previous.scores?.owners ?? [], current.scores?.owners ?? [], (id) =>
      ownerNames.get(id),
    ),
    findings: { fixed, new: added, stillOpen: openNow - added.length },
    improved: touchpoints.filter((t) => (t.change ?? 0) > 0).slice(0, MOST_CHANGED),
    declined: touchpoints
      .filter((t) => (t.change ?? 0) < 0)
      .sort((a, b) => (a.change ?? 0) - (b.change ?? 0) || compareIds(a, b))
      .slice(0, MOST_CHANGED),
  };
}
