import { AccountDays, compareCollision, summariseAccount } from './account-days.js';
import { limitsOf } from './plan.js';
import type { ObservedPlan } from './plan.js';
import type {
  ObservedAccount,
  ObservedAggregate,
  ObservedCollisionPair,
  ObservedReceipt,
  ObservedUnplanned,
} from './types.js';

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The streaming engine: takes event rows in any order and keeps, per account, a segment and a
 * day grid of proactive touches; per touchpoint and segment, a count. Memory is accounts × days
 * in the window, plus one counter per id, never the rows themselves.
 */
export class ObservedAggregator {
  private readonly accounts = new Map<string, AccountDays>();
  private readonly known: Set<string>;
  private readonly proactive: Map<string, number>;
  private readonly transactional: Set<string>;
  private readonly aliases: Map<string, string>;
  /** Touches per inventory touchpoint, per account: account → touchpoint → count. */
  private readonly received = new Map<string, Map<string, number>>();
  private readonly unplanned = new Map<string, { touches: number; first: number }>();
  private rows = 0;
  private skipped = 0;
  private first = Infinity;
  private last = -Infinity;

  constructor(private readonly plan: ObservedPlan) {
    this.known = new Set(plan.known);
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
    if (!this.known.has(touchpoint)) {
      const seen = this.unplanned.get(touchpoint);
      if (seen) {
        seen.touches++;
        if (day < seen.first) seen.first = day;
      } else this.unplanned.set(touchpoint, { touches: 1, first: day });
      return;
    }
    let counts = this.received.get(account);
    if (!counts) {
      counts = new Map();
      this.received.set(account, counts);
    }
    counts.set(touchpoint, (counts.get(touchpoint) ?? 0) + 1);
    const index = this.proactive.get(touchpoint);
    if (index !== undefined) state.add(day, index, this.transactional.has(touchpoint));
  }

  finish(): ObservedAggregate {
    const first = this.plan.since ?? (this.rows > 0 ? this.first : 0);
    const last = this.plan.asOf ?? (this.rows > 0 ? this.last : 0);
    const accounts: ObservedAccount[] = [];
    const pairs = new Map<string, ObservedCollisionPair>();
    const receipts = new Map<string, ObservedReceipt>();
    for (const account of [...this.accounts.keys()].sort(byText)) {
      const days = this.accounts.get(account);
      if (!days) continue;
      const segment = days.segment ?? '';
      const { summary, collisions } = summariseAccount(
        account,
        days,
        { first, last },
        limitsOf(this.plan, segment),
        this.plan.proactive,
      );
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
      for (const [touchpoint, touches] of this.received.get(account) ?? []) {
        const key = `${segment}\u0000${touchpoint}`;
        const receipt = receipts.get(key);
        if (receipt) receipt.touches += touches;
        else receipts.set(key, { segment, touchpoint, touches });
      }
    }
    return {
      window: { first, last, rows: this.rows, skipped: this.skipped },
      accounts,
      receipts: [...receipts.values()].sort(
        (x, y) => byText(x.segment, y.segment) || byText(x.touchpoint, y.touchpoint),
      ),
      unplanned: [...this.unplanned.entries()]
        .map(([touchpoint, seen]) => ({ touchpoint, touches: seen.touches, first: seen.first }))
        .sort((x, y) => byText(x.touchpoint, y.touchpoint)),
      pairs: [...pairs.values()].sort((x, y) => byText(x.a, y.a) || byText(x.b, y.b)),
    } satisfies ObservedAggregate;
  }
}

export type { ObservedUnplanned };
