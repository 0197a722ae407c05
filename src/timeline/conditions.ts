import type { Inventory } from '../types.js';
import type { Occurrence } from './types.js';

/**
 * Most condition paths one segment is split into. Each `exclusive:` group multiplies the paths
 * by its size, so a hostile inventory could ask for billions; past the cap the remaining
 * groups are judged on the paths already made (their members all present).
 */
export const MAX_CONDITION_PATHS = 64;

/**
 * One choice a customer's situation makes: exactly one alternative reaches them. An
 * `exclusive:` group is a choice between its members; a touchpoint with `when:` in no group is
 * a choice between it and nothing.
 */
type Choice = string[][];

/** Which touchpoints can never reach the same customer, and the paths a customer can take. */
export interface Conditions {
  /** Pair keys (`a\u0000b`, a < b) of touchpoints that never reach the same customer. */
  readonly apart: ReadonlySet<string>;
  readonly choices: readonly Choice[];
}

/** The pair key {@link Conditions.apart} uses. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** Whether two touchpoints can never reach the same customer (`exclusive:`, `excludes:`). */
export function neverTogether(conditions: Conditions | undefined, a: string, b: string): boolean {
  return conditions !== undefined && conditions.apart.has(pairKey(a, b));
}

/**
 * Reads `exclusive:` groups (touchpoint ids or `when:` labels: a label stands for every
 * touchpoint carrying it), each touchpoint's `excludes:` and the `when:` labels into the
 * conditions model. Undefined when the inventory has none, so the timeline is one path.
 */
export function readConditions(inventory: Inventory): Conditions | undefined {
  const byLabel = new Map<string, string[]>();
  const ids = new Set<string>();
  for (const touchpoint of inventory.touchpoints) {
    ids.add(touchpoint.id);
    if (touchpoint.when === undefined) continue;
    const list = byLabel.get(touchpoint.when);
    if (list) list.push(touchpoint.id);
    else byLabel.set(touchpoint.when, [touchpoint.id]);
  }
  const choices: Choice[] = [];
  const grouped = new Set<string>();
  const apart = new Set<string>();
  const addChoice = (alternatives: string[][], orNone: boolean): void => {
    const kept = alternatives.filter((members) => members.length > 0);
    if (kept.length < 2) return;
    choices.push(orNone ? [...kept, []] : kept);
    for (let i = 0; i < kept.length; i++) {
      for (const a of kept[i] ?? []) {
        grouped.add(a);
        for (let j = i + 1; j < kept.length; j++) {
          for (const b of kept[j] ?? []) if (a !== b) apart.add(pairKey(a, b));
        }
      }
    }
  };
  for (const group of inventory.exclusive ?? []) {
    addChoice(
      group.map((entry) => (ids.has(entry) ? [entry] : [...(byLabel.get(entry) ?? [])])),
      false,
    );
  }
  // `excludes:` pairs: either may reach a customer, or neither.
  for (const touchpoint of inventory.touchpoints) {
    for (const other of touchpoint.excludes ?? []) {
      if (ids.has(other) && !apart.has(pairKey(touchpoint.id, other)))
        addChoice([[touchpoint.id], [other]], true);
    }
  }
  // A conditional touchpoint outside every group may not reach a customer at all.
  for (const touchpoint of inventory.touchpoints) {
    if (touchpoint.when !== undefined && !grouped.has(touchpoint.id))
      choices.push([[touchpoint.id], []]);
  }
  return choices.length > 0 ? { apart, choices } : undefined;
}

/**
 * The condition paths of one segment's occurrences: per path, the occurrences a customer on
 * it receives. A touchpoint is on a path when every choice holding it picked it. One path (the
 * list itself) when no choice concerns the segment.
 */
export function conditionLanes(
  conditions: Conditions | undefined,
  occurrences: Occurrence[],
): Occurrence[][] {
  if (conditions === undefined) return [occurrences];
  const present = new Set(occurrences.map((o) => o.touchpoint));
  const relevant = conditions.choices.filter((choice) =>
    choice.some((members) => members.some((id) => present.has(id))),
  );
  if (relevant.length === 0) return [occurrences];
  // Every combination of picks, until the next choice would pass the cap.
  let picks: number[][] = [[]];
  for (const choice of relevant) {
    if (picks.length * choice.length > MAX_CONDITION_PATHS) break;
    picks = picks.flatMap((pick) => choice.map((_, k) => [...pick, k]));
  }
  return picks.map((pick) => {
    const absent = new Set<string>();
    relevant.forEach((choice, c) => {
      const chosen = pick[c];
      if (chosen === undefined) return;
      choice.forEach((members, k) => {
        if (k !== chosen) for (const id of members) absent.add(id);
      });
    });
    return occurrences.filter((o) => !absent.has(o.touchpoint));
  });
}
