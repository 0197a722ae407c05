import type { Config } from '../config/config.js';
import type { ObservedInput } from '../events/read.js';
import type { MetricsResult } from '../metrics/types.js';
import type { Timeline } from '../timeline/types.js';
import type { Finding, Inventory, Location, RuleMeta, Severity } from '../types.js';
import type { MessageData } from './message.js';

/**
 * What a rule reports: which of its messages, the facts that fill it, and where. The engine
 * adds the rule id and the configured severity and renders the message.
 */
export interface Report<Data extends object = MessageData, MessageId extends string = string> {
  messageId: MessageId;
  /** Becomes the finding's `data` as it is, not copied: build a new object for each report. */
  data: Data;
  location: Location;
  touchpoint?: string;
  /** Becomes the finding's `related` as it is, not copied: a new list for each report. */
  related?: string[];
  field?: string;
}

/** Read-only view of the audit given to every rule. */
export interface RuleInput {
  readonly inventory: Inventory;
  readonly config: Config;
  /** Present when metric exports were given (`audit -m`). */
  readonly metrics?: MetricsResult;
  /** Present for `audit`/`scorecard`; the lifecycle expansion of scheduled touchpoints. */
  readonly timeline?: Timeline;
  /** Present when event logs were given (`audit --events`): what accounts actually received. */
  readonly observed?: ObservedInput;
  /** ISO date (YYYY-MM-DD) the audit is evaluated at. */
  readonly asOf: string;
}

export interface RuleContext<
  Data extends object = MessageData,
  MessageId extends string = string,
> extends RuleInput {
  report(report: Report<Data, MessageId>): void;
}

/** A rule's description with its message templates keyed by message id. */
export interface TypedRuleMeta<MessageId extends string> extends Omit<RuleMeta, 'messages'> {
  defaultSeverity: Severity;
  messages: Readonly<Record<MessageId, string>>;
}

export interface Rule {
  meta: RuleMeta;
  /**
   * Omitted for rules whose findings come from a pipeline stage (the YAML parser, the JSON
   * Schema validator, the CSV reader) rather than from a check over the loaded model.
   */
  check?: (ctx: RuleContext) => void;
  /** Which command needs the rule: `validate` rules also run in `audit`. */
  phase: 'validate' | 'audit';
}

export interface RuleDefinition<Data extends object, MessageId extends string> {
  phase: Rule['phase'];
  meta: TypedRuleMeta<MessageId>;
  check?(ctx: RuleContext<Data, MessageId>): void;
}

/**
 * Defines a rule whose reports carry `Data`: `defineRule<{ day: number }>()({ meta, check })`.
 * The message ids a check may report are the keys of its `meta.messages` (checked by the
 * compiler), and each report's data must be a `Data`.
 */
export function defineRule<Data extends object>() {
  return <const MessageId extends string>(rule: RuleDefinition<Data, MessageId>): Rule =>
    rule as unknown as Rule;
}

export type { Finding, MessageData };
