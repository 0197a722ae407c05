import type { Finding, Touchpoint } from '../types.js';
import { stagesInScope } from '../inventory/journeys.js';
import { touchpointTenths } from './score-touchpoint.js';
import type { AuditScores, ScoreAuditInput } from './score-audit.js';
import {
  findingsByNamedId,
  inventoryScore,
  meanScore,
  scoreTenths,
  stageGroup,
  touchpointScorer,
} from './score-audit.js';

/**
 * The inventory score as `scoreAudit` would give it with some findings settled (scored as a
 * fix scores them: waived, costing nothing and capping nothing), without scoring the audit
 * again. Only the touchpoints a settled finding names can score differently, so only those are
 * scored again; each stage keeps its sum of touchpoint scores in whole tenths, which the new
 * scores update, and the inventory score is rolled up from the stage scores exactly as
 * `scoreAudit` rolls it up. Each call costs the findings naming the touchpoints it touches, not
 * the whole audit, so ranking every fix stays near-linear.
 */
export function settledScorer(
  input: ScoreAuditInput,
  base: AuditScores,
): (settle: ReadonlySet<Finding>) => number {
  const { inventory, config } = input;
  const tenthsOf = touchpointScorer(input, touchpointTenths);
  const named = findingsByNamedId(input.findings);

  // The stage groups as `scoreAudit` listed them, in its order: what the inventory score reads.
  const journeyStages = [...new Set(inventory.journey.stages)];
  const scoredStages = stagesInScope(inventory);
  const listed = base.scores.stages.map((stage) => stage.id);
  const stageIds = [...new Set(listed)];
  const slotOf = new Map(stageIds.map((id, slot) => [id, slot]));
  const stageTenths = stageIds.map(() => 0);
  const stageCount = stageIds.map(() => 0);
  const rollUp = (delta?: readonly number[]): number =>
    inventoryScore(
      listed.map((id) => {
        const slot = slotOf.get(id) ?? 0;
        const tenths = (stageTenths[slot] ?? 0) + (delta?.[slot] ?? 0);
        return { id, score: meanScore(tenths, stageCount[slot] ?? 0) };
      }),
      scoredStages,
      config,
    );

  // Each touchpoint's stage slot and base score, by id: ids are unique, the loader keeping the
  // first of an id given twice (schema/duplicate-id), as `byTouchpoint` does.
  const entries = new Map<string, { touchpoint: Touchpoint; slot: number; tenths: number }>();
  for (const touchpoint of inventory.touchpoints) {
    const slot = slotOf.get(stageGroup(touchpoint.stage, journeyStages)) ?? -1;
    const tenths = scoreTenths(base.byTouchpoint.get(touchpoint.id)?.score.score ?? 0);
    entries.set(touchpoint.id, { touchpoint, slot, tenths });
    if (slot === -1) continue;
    stageTenths[slot] = (stageTenths[slot] ?? 0) + tenths;
    stageCount[slot] = (stageCount[slot] ?? 0) + 1;
  }
  const baseScore = rollUp();

  return (settle) => {
    const touched = new Set<string>();
    for (const finding of settle) {
      if (finding.touchpoint !== undefined) touched.add(finding.touchpoint);
      for (const id of finding.related ?? []) touched.add(id);
    }
    // One settled copy per finding, shared by every touchpoint it names.
    const fixed = new Map<Finding, Finding>();
    for (const finding of settle) fixed.set(finding, { ...finding, waived: { reason: 'fixed' } });
    const delta = stageIds.map(() => 0);
    let changed = false;
    for (const id of touched) {
      const entry = entries.get(id);
      if (entry === undefined || entry.slot === -1) continue;
      const findings = split(named.get(id) ?? [], fixed);
      const change = tenthsOf(entry.touchpoint, ...findings) - entry.tenths;
      if (change === 0) continue;
      delta[entry.slot] = (delta[entry.slot] ?? 0) + change;
      changed = true;
    }
    return changed ? rollUp(delta) : baseScore;
  };
}

/**
 * A touchpoint's findings as `scoreAudit` splits them, in their order: the open ones, and the
 * waived ones with each settled finding replaced by its settled copy.
 */
function split(
  findings: readonly Finding[],
  fixed: ReadonlyMap<Finding, Finding>,
): [open: Finding[], waived: Finding[]] {
  const open: Finding[] = [];
  const waived: Finding[] = [];
  for (const finding of findings) {
    const settled = fixed.get(finding);
    if (settled) waived.push(settled);
    else if (finding.waived) waived.push(finding);
    else open.push(finding);
  }
  return [open, waived];
}
