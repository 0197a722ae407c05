import type { Rule } from './rule.js';
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

/**
 * The rules `touchpoint validate` runs (structure, references, owners). Kept apart from the
 * audit rules so that validation never loads the timeline, metric and scoring code.
 */
export const VALIDATE_RULES = [
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
  waiverExpired,
] as const satisfies readonly Rule[];
