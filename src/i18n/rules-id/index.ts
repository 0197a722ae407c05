import { DATA_ID } from './data.js';
import { PLAN_ID } from './plan.js';
import { SCHEMA_ID } from './schema.js';

/**
 * The Indonesian message templates of every rule, by rule id then message id: the same
 * placeholders as the English templates in each rule's `meta.messages`, with the Indonesian
 * formats (`src/rules/message-formats-id.ts`, which adds `date`: `2 Desember 2026`).
 * test/i18n/rule-messages.test.ts fails when a rule's message lacks one, or when the
 * placeholders of the two differ.
 */
export type RuleMessages = Readonly<Record<string, Readonly<Record<string, string>>>>;

export const RULE_MESSAGES_ID: RuleMessages = { ...SCHEMA_ID, ...PLAN_ID, ...DATA_ID };

export { RULE_FIXES_ID } from './fixes.js';
export { RULE_DOCS_ID } from './docs.js';
export type { RuleDocs } from './docs.js';
