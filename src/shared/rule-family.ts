import { compareText } from './compare-text.js';

/**
 * The rule families, in report order, with the heading each gets in human reports. A rule id is
 * `family/name`; the catalogue test holds every rule's family to this list.
 */
export const RULE_FAMILIES = [
  { id: 'gap', title: 'Gaps' },
  { id: 'overlap', title: 'Overlaps' },
  { id: 'ownerless', title: 'Ownerless' },
  { id: 'observed', title: 'Observed cadence' },
  { id: 'schema', title: 'Schema' },
  { id: 'metrics', title: 'Metric exports' },
  { id: 'waiver', title: 'Waivers' },
] as const;

export type RuleFamily = (typeof RULE_FAMILIES)[number]['id'];

const ORDER: readonly string[] = RULE_FAMILIES.map((family) => family.id);

/** The family of a rule id: `overlap` for `overlap/collision` (the id itself when it has no `/`). */
export function ruleFamily(rule: string): string {
  const slash = rule.indexOf('/');
  return slash === -1 ? rule : rule.slice(0, slash);
}

/** A family's heading ("Overlaps"), or its id for a family the list does not know. */
export function familyTitle(family: string): string {
  return RULE_FAMILIES.find((known) => known.id === family)?.title ?? family;
}

/** Families in report order, each once: the known ones first, then the rest alphabetically. */
export function sortFamilies(families: Iterable<string>): string[] {
  const rank = (family: string): number => {
    const i = ORDER.indexOf(family);
    return i === -1 ? ORDER.length : i;
  };
  return [...new Set(families)].sort((a, b) => rank(a) - rank(b) || compareText(a, b));
}
