import type { RuleMeta } from '../types.js';
import type { Rule } from './rule.js';
import schemaDuplicateId from './schema/duplicate-id.js';
import schemaInvalid from './schema/invalid.js';
import schemaSyntax from './schema/syntax.js';
import schemaUnknownKey from './schema/unknown-key.js';
import schemaUnknownReference from './schema/unknown-reference.js';
import schemaVaguePurpose from './schema/vague-purpose.js';
import waiverExpired from './waiver/expired.js';

/** Every rule, in catalogue order. The file path of each rule is its id. */
export const RULES = [
  schemaSyntax,
  schemaInvalid,
  schemaUnknownKey,
  schemaDuplicateId,
  schemaUnknownReference,
  schemaVaguePurpose,
  waiverExpired,
] as const satisfies readonly Rule[];

export const RULE_CATALOGUE: readonly RuleMeta[] = RULES.map((rule) => rule.meta);

export function findRule(id: string): Rule | undefined {
  return RULES.find((rule) => rule.meta.id === id);
}
