import type { RuleMeta } from '../types.js';
import type { Rule } from './rule.js';
import gapBelowTarget from './gap/below-target.js';
import gapEmptyStage from './gap/empty-stage.js';
import gapNoData from './gap/no-data.js';
import gapSilence from './gap/silence.js';
import gapStaleData from './gap/stale-data.js';
import gapUndocumentedTouchpoint from './gap/undocumented-touchpoint.js';
import metricsBadRow from './metrics/bad-row.js';
import metricsUnknownColumn from './metrics/unknown-column.js';
import overlapCollision from './overlap/collision.js';
import overlapDensity from './overlap/density.js';
import overlapRedundant from './overlap/redundant.js';
import ownerlessMissingOwner from './ownerless/missing-owner.js';
import ownerlessOverCapacity from './ownerless/over-capacity.js';
import ownerlessPlaceholderOwner from './ownerless/placeholder-owner.js';
import ownerlessUnknownOwner from './ownerless/unknown-owner.js';
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
  ownerlessMissingOwner,
  ownerlessPlaceholderOwner,
  ownerlessUnknownOwner,
  ownerlessOverCapacity,
  gapEmptyStage,
  gapSilence,
  gapNoData,
  gapBelowTarget,
  gapStaleData,
  gapUndocumentedTouchpoint,
  overlapCollision,
  overlapDensity,
  overlapRedundant,
  metricsBadRow,
  metricsUnknownColumn,
  waiverExpired,
] as const satisfies readonly Rule[];

export const RULE_CATALOGUE: readonly RuleMeta[] = RULES.map((rule) => rule.meta);

export function findRule(id: string): Rule | undefined {
  return RULES.find((rule) => rule.meta.id === id);
}
