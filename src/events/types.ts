import type { Location } from '../types.js';

/** Which engine aggregates the event log (the same definition in each). */
export type EventEngine = 'streaming' | 'duckdb';

/** The observation window, in day numbers (days since 1970-01-01). */
export interface ObservedWindow {
  first: number;
  last: number;
  /** Event rows used (inside the window, with an account, a touchpoint and a date). */
  rows: number;
  /** Rows that could not be used: no account, no touchpoint or no readable date. */
  skipped: number;
}

/** One account's observed cadence over its window. */
export interface ObservedAccount {
  account: string;
  /** The account's segment ('' when the log has none). */
  segment: string;
  /**
   * The account's window, in day numbers: the observation window, starting no earlier than the
   * account's day 0 when the accounts file gives its lifecycle dates.
   */
  first: number;
  last: number;
  /** Day 0 of the account's own lifecycle (a day number), from the accounts file. */
  anchor?: number;
  /** Proactive touches received (of touchpoints in the inventory). */
  touches: number;
  /** The longest stretch without a proactive touch, in days, and where it lies. */
  silence: { days: number; from: number; to: number };
  /** Pairs of proactive touches inside the collision window. */
  collisions: number;
  /** The earliest of them. */
  firstCollision?: { day: number; a: string; b: string };
  /** Days on which the rolling density window held more than the limit. */
  densityBreaches: number;
  firstBreach?: number;
  /** The most non-transactional proactive touches in any density window. */
  densityPeak: number;
}

/** Touches of one inventory touchpoint received by accounts of one segment. */
export interface ObservedReceipt {
  segment: string;
  touchpoint: string;
  touches: number;
}

/** A touchpoint id in the log that is not in the inventory. */
export interface ObservedUnplanned {
  touchpoint: string;
  touches: number;
  first: number;
}

/** One pair of touchpoints that collided, over every account. */
export interface ObservedCollisionPair {
  a: string;
  b: string;
  occurrences: number;
  accounts: number;
  /** The smallest account id with this pair, and the day it first happened there. */
  example: { account: string; day: number };
}

/**
 * What every engine computes from an event log: the one definition the `observed/*` rules read.
 * Arrays are sorted (accounts by id; receipts by segment, touchpoint; pairs by a, b; unplanned by id).
 */
export interface ObservedAggregate {
  window: ObservedWindow;
  accounts: ObservedAccount[];
  receipts: ObservedReceipt[];
  unplanned: ObservedUnplanned[];
  pairs: ObservedCollisionPair[];
}

/** The aggregate plus what reading the files found. */
export interface EventsResult {
  files: string[];
  /** The accounts file, when one was read. */
  accounts?: string;
  engine: EventEngine | 'aggregate';
  aggregate: ObservedAggregate;
  /** Rows of the files that could not be used (`observed/bad-row` reports them). */
  problems: EventRowProblem[];
}

/** A row of an event log or accounts file that could not be used, at its line and column. */
export type EventRowProblem = { location: Location } & (
  | { kind: 'missing-value'; line: number; column: string }
  | { kind: 'not-a-date'; line: number; column: string; text: string; skipped: 'row' | 'date' }
  | { kind: 'account-again'; line: number; account: string; firstLine: number }
  | { kind: 'csv-error'; reason: string }
  | { kind: 'more-bad-rows'; count: number; file: string }
);
