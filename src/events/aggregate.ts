import { compareText } from '../shared/compare-text.js';
import { AccountDays, compareCollision, summariseAccount } from './account-days.js';
import { limitsOf } from './plan.js';
import type { ObservedPlan } from './plan.js';
import type { ListedAccounts } from './read-accounts.js';
import type {
  ObservedAccount,
  ObservedAggregate,
  ObservedCollisionPair,
  ObservedReceipt,
  ObservedUnplanned,
} from './types.js';

/**
 * The streaming engine: takes event rows in any order and keeps, per account, a segment and a
 * day grid of proactive touches; per touchpoint and segment, a count. Memory is accounts × days
 * in the window, plus one counter per id, never the rows themselves.
 */
export class ObservedAggregator {
  private readonly accounts = new Map<string, AccountDays>();
  private readonly proactive: Map<string, number>;
  private readonly transactional: Set<string>;
  private readonly aliases: Map<string, string>;
  /** Inventory id → its index in the sorted ids (`plan.known`). */
  private readonly knownIndex: Map<string, number>;
  private readonly unplanned = new Map<string, { touches: number; first: number }>();
  private rows = 0;
  private skipped = 0;
  private first = Infinity;
  private last = -Infinity;

  constructor(
    private readonly plan: ObservedPlan,
    private readonly listed?: ListedAccounts,
  ) {
    this.knownIndex = new Map(plan.known.map((id, index) => [id, index]));
    this.proactive = new Map(plan.proactive.map((id, index) => [id, index]));
    this.transactional = new Set(plan.transactional);
    this.aliases = new Map(plan.aliases);
  }

  /** A row that cannot be used (reported by the reader). */
  skip(): void {
    this.skipped++;
  }

  /** Adds one event. `day` is a day number; rows outside `--since`..`--as-of` are left out. */
  add(account: string, rawTouchpoint: string, day: number, segment: string): void {
    const { since, asOf } = this.plan;
    if ((since !== undefined && day < since) || (asOf !== undefined && day > asOf)) return;
    this.rows++;
    if (day < this.first) this.first = day;
    if (day > this.last) this.last = day;
    let state = this.accounts.get(account);
    if (!state) {
      state = new AccountDays();
      this.accounts.set(account, state);
    }
    if (segment !== '' && (state.segment === undefined || segment < state.segment)) {
      state.segment = segment;
    }
    const touchpoint = this.aliases.get(rawTouchpoint) ?? rawTouchpoint;
    const known = this.knownIndex.get(touchpoint);
    if (known === undefined) {
      const seen = this.unplanned.get(touchpoint);
      if (seen) {
        seen.touches++;
        if (day < seen.first) seen.first = day;
      } else this.unplanned.set(touchpoint, { touches: 1, first: day });
      return;
    }
    state.receive(known);
    const index = this.proactive.get(touchpoint);
    if (index !== undefined) state.add(day, index, this.transactional.has(touchpoint));
  }

  /** Touches of inventory touchpoints received by the account, counted for its segment. */
  private addReceipts(
    receipts: Map<string, ObservedReceipt>,
    days: AccountDays,
    segment: string,
  ): void {
    for (const [known, touches] of days.received()) {
      const touchpoint = this.plan.known[known] ?? '';
      const key = `${segment}\u0000${touchpoint}`;
      const receipt = receipts.get(key);
      if (receipt) receipt.touches += touches;
      else receipts.set(key, { segment, touchpoint, touches });
    }
  }

  finish(): ObservedAggregate {
    const first = this.plan.since ?? (this.rows > 0 ? this.first : 0);
    const last = this.plan.asOf ?? (this.rows > 0 ? this.last : 0);
    const accounts: ObservedAccount[] = [];
    const pairs = new Map<string, ObservedCollisionPair>();
    const receipts = new Map<string, ObservedReceipt>();
    const listed = this.listed?.accounts;
    const names = new Set([...this.accounts.keys(), ...(listed?.keys() ?? [])]);
    const none = new AccountDays();
    for (const account of [...names].sort(compareText)) {
      const days = this.accounts.get(account) ?? none;
      const entry = listed?.get(account);
      // The accounts file's segment wins over the log's; its day 0 starts the account's window.
      const segment =
        entry !== undefined && entry.segment !== '' ? entry.segment : (days.segment ?? '');
      const day0 = entry?.day0;
      const from = day0 === undefined ? first : Math.max(first, day0);
      this.addReceipts(receipts, days, segment);
      if (from > last) continue;
      const { summary, collisions } = summariseAccount(
        account,
        days,
        { first: from, last },
        limitsOf(this.plan, segment),
        this.plan.proactive,
      );
      summary.segment = segment;
      if (day0 !== undefined) summary.anchor = day0;
      accounts.push(summary);
      const firstOfPair = new Map<string, number>();
      for (const c of [...collisions].sort(compareCollision)) {
        const key = `${c.a}\u0000${c.b}`;
        let pair = pairs.get(key);
        if (!pair) {
          pair = { a: c.a, b: c.b, occurrences: 0, accounts: 0, example: { account, day: c.day } };
          pairs.set(key, pair);
        }
        pair.occurrences++;
        if (!firstOfPair.has(key)) {
          firstOfPair.set(key, c.day);
          pair.accounts++;
        }
      }
    }
    return {
      window: { first, last, rows: this.rows, skipped: this.skipped },
      accounts,
      receipts: [...receipts.values()].sort(
        (x, y) => compareText(x.segment, y.segment) || compareText(x.touchpoint, y.touchpoint),
      ),
      unplanned: [...this.unplanned.entries()]
        .map(([touchpoint, seen]) => ({ touchpoint, touches: seen.touches, first: seen.first }))
        .sort((x, y) => compareText(x.touchpoint, y.touchpoint)),
      pairs: [...pairs.values()].sort((x, y) => compareText(x.a, y.a) || compareText(x.b, y.b)),
    } satisfies ObservedAggregate;
  }
}

export type { ObservedUnplanned };
