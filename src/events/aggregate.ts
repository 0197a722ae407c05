import { compareText } from '../shared/compare-text.js';
import {
  AccountDays,
  AccountStore,
  PackedDays,
  compareCollision,
  grownTo,
  summariseAccount,
} from './account-days.js';
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
 * A copy of `text` that holds no reference to a larger string: a CSV parser's fields may be
 * slices of a whole chunk, which a kept account id would otherwise keep alive. (V8 copies
 * substrings under 13 characters anyway.)
 */
const ownCopy = (text: string): string =>
  text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);

/** What a touchpoint id of the log is, after `aliases:`. */
interface Resolved {
  touchpoint: string;
  /** Index in the sorted inventory ids; -1 when it is not in the inventory. */
  known: number;
  /** Index in the sorted proactive ids; -1 when it is not proactive. */
  proactive: number;
  transactional: boolean;
}

/** Words of a page of the runs of {@link ObservedAggregator.addAccount} (4 MiB). */
const RUN_PAGE = 1 << 20;

/**
 * The streaming engine: takes event rows in any order and keeps, per account, a segment and its
 * touched days in a shared {@link AccountStore}; per touchpoint and segment, a count. Memory is
 * accounts × touched days in the window, plus one counter per id, never the rows themselves.
 */
export class ObservedAggregator {
  /** Account id → its number in the store. */
  private readonly accounts = new Map<string, number>();
  /** Per account number: its id. */
  private readonly names: string[] = [];
  private readonly store = new AccountStore();
  /** Per account number: its smallest segment so far (undefined: none yet). */
  private readonly segments: (string | undefined)[] = [];
  /** One copy of each segment name, which the accounts share (a field is a new string each row). */
  private readonly segmentNames = new Map<string, string>();
  private readonly proactive: Map<string, number>;
  private readonly transactional: Set<string>;
  private readonly aliases: Map<string, string>;
  /** Inventory id → its index in the sorted ids (`plan.known`). */
  private readonly knownIndex: Map<string, number>;
  /** Each touchpoint id of the log, resolved once. */
  private readonly resolved = new Map<string, Resolved>();
  private readonly unplanned = new Map<string, { touches: number; first: number }>();
  private rows = 0;
  private skipped = 0;
  private first = Infinity;
  private last = -Infinity;
  /**
   * The proactive touches of the accounts given whole by {@link addAccount}, each account's as
   * one sorted run (day × 65,536 + proactive index) in a page of `runPages`: no store to write
   * or walk. `runPage[slot]` is the page of its run (-1: its days are in the store), `runAt`
   * where in it the run starts, `runLength` how long. Pages are filled one after the other and
   * never copied.
   */
  private readonly runPages: Int32Array[] = [];
  private runsUsed = 0;
  private runPage = new Int32Array(0);
  private runAt = new Uint32Array(0);
  private runLength = new Uint32Array(0);
  /** Per proactive index: whether that touchpoint is transactional. */
  private readonly transactionalAt: boolean[];
  /** Per inventory index: its index in the proactive ids, or -1. */
  private readonly proactiveOfKnown: Int32Array;
  /** Per inventory index: the touches of the account in {@link addAccount} (zero between). */
  private readonly touched: Uint32Array;
  /** The inventory indexes `touched` holds, in the order first met. */
  private readonly touchedKinds: Uint32Array;
  /**
   * The ids as written that the values of {@link addAccount} carry, by their code there (see
   * {@link useDictionary}): per code, the inventory index of its touchpoint (-1: not in the
   * inventory), that touchpoint, and for the others their touches and first day so far.
   */
  private codeKnown = new Int32Array(0);
  private codeTouchpoint: string[] = [];
  private codeTouches = new Uint32Array(0);
  private codeFirst = new Int32Array(0);

  constructor(
    private readonly plan: ObservedPlan,
    private readonly listed?: ListedAccounts,
  ) {
    this.knownIndex = new Map(plan.known.map((id, index) => [id, index]));
    this.proactive = new Map(plan.proactive.map((id, index) => [id, index]));
    this.transactional = new Set(plan.transactional);
    this.aliases = new Map(plan.aliases);
    this.transactionalAt = plan.proactive.map((id) => this.transactional.has(id));
    this.proactiveOfKnown = Int32Array.from(plan.known, (id) => this.proactive.get(id) ?? -1);
    this.touched = new Uint32Array(plan.known.length);
    this.touchedKinds = new Uint32Array(plan.known.length);
  }

  /** Rows that cannot be used (reported by the reader). */
  skip(rows = 1): void {
    this.skipped += rows;
  }

  /**
   * The touchpoint ids as written that the values of {@link addAccount} carry, each by its
   * index here: each is trimmed and goes through `aliases:` as {@link add} takes an id. None may
   * be empty once trimmed.
   */
  useDictionary(ids: readonly string[]): void {
    const resolved = ids.map((id) => this.touchpointOf(id.trim()));
    this.codeKnown = Int32Array.from(resolved, (r) => r.known);
    this.codeTouchpoint = resolved.map((r) => r.touchpoint);
    this.codeTouches = new Uint32Array(ids.length);
    this.codeFirst = new Int32Array(ids.length);
  }

  /** Adds one event. `day` is a day number; rows outside `--since`..`--as-of` are left out. */
  add(account: string, rawTouchpoint: string, day: number, segment: string): void {
    const { since, asOf } = this.plan;
    if ((since !== undefined && day < since) || (asOf !== undefined && day > asOf)) return;
    const slot = this.slotOf(account);
    this.noteSegment(slot, segment);
    this.record(slot, this.touchpointOf(rawTouchpoint), day);
  }

  /**
   * Adds all the events of one account whose touchpoint is an id of the dictionary, at once, as
   * the DuckDB engine reads them: the `count` values of `values` from `from` on, each
   * day × `scale` + the index of its touchpoint in the ids given to {@link useDictionary}, all
   * inside `--since`..`--as-of` (the caller has left the others out), in any order. The same as
   * calling {@link add} for each.
   */
  addAccount(
    account: string,
    segment: string,
    values: Int32Array,
    from: number,
    count: number,
    scale: number,
  ): void {
    if (count === 0) return;
    const slot = this.slotOf(account);
    this.noteSegment(slot, segment);
    this.rows += count;
    // An account seen before (its id written with other spaces) takes the store's way.
    const fresh = (this.runPage[slot] ?? -1) < 0 && this.store.isEmpty(slot);
    let runs = this.runPages[this.runPages.length - 1];
    if (runs === undefined || this.runsUsed + count > runs.length) {
      runs = new Int32Array(Math.max(RUN_PAGE, count));
      this.runPages.push(runs);
      this.runsUsed = 0;
    }
    const start = this.runsUsed;
    const { touched, touchedKinds, proactiveOfKnown, codeKnown, codeTouches, codeFirst } = this;
    // The scale is a power of two: the day is the value shifted right (rounding down, so
    // before 1970 too), the index its low bits.
    const shift = Math.log2(scale);
    const mask = scale - 1;
    let first = values[from] ?? 0;
    let last = first;
    let end = start;
    let kinds = 0;
    let previous = -Infinity;
    let sorted = true;
    for (let i = from; i < from + count; i++) {
      const value = values[i] ?? 0;
      if (value < first) first = value;
      if (value > last) last = value;
      const code = value & mask;
      const known = codeKnown[code] ?? -1;
      if (known < 0) {
        // A touchpoint not in the inventory: counted per code, named once in finish().
        const day = value >> shift;
        const touches = codeTouches[code] ?? 0;
        if (touches === 0 || day < (codeFirst[code] ?? 0)) codeFirst[code] = day;
        codeTouches[code] = touches + 1;
        continue;
      }
      const before = touched[known] ?? 0;
      if (before === 0) touchedKinds[kinds++] = known;
      touched[known] = before + 1;
      const proactive = proactiveOfKnown[known] ?? -1;
      if (proactive < 0) continue;
      // Days fit 16 bits here (the DuckDB engine packs only those), so this is day × 65,536 + index.
      const key = ((value >> shift) << 16) | proactive;
      if (key < previous) sorted = false;
      runs[end++] = previous = key;
    }
    first >>= shift;
    last >>= shift;
    if (first < this.first) this.first = first;
    if (last > this.last) this.last = last;
    for (let k = 0; k < kinds; k++) {
      const known = touchedKinds[k] ?? 0;
      this.store.receive(slot, known, touched[known] ?? 0);
      touched[known] = 0;
    }
    if (end === start) return;
    if (!sorted) runs.subarray(start, end).sort();
    if (!fresh) {
      this.unpack(slot);
      this.store.addInOrder(slot, runs.subarray(start, end), end - start, this.transactionalAt);
      return;
    }
    this.runPage[slot] = this.runPages.length - 1;
    this.runAt[slot] = start;
    this.runLength[slot] = end - start;
    this.runsUsed = end;
  }

  /** The page holding the account's run (empty when it has none). */
  private runOf(slot: number): Int32Array {
    return this.runPages[this.runPage[slot] ?? -1] ?? new Int32Array(0);
  }

  /** Moves the account's run of {@link addAccount} into the store, where any event can follow. */
  private unpack(slot: number): void {
    if ((this.runPage[slot] ?? -1) < 0) return;
    const at = this.runAt[slot] ?? 0;
    const length = this.runLength[slot] ?? 0;
    const run = this.runOf(slot).subarray(at, at + length);
    this.runPage[slot] = -1;
    this.store.addInOrder(slot, run, length, this.transactionalAt);
  }

  /** The account's number in the store, opened on its first event. */
  private slotOf(account: string): number {
    let slot = this.accounts.get(account);
    if (slot === undefined) {
      slot = this.store.open();
      this.runPage = grownTo(this.runPage, slot, -1);
      this.runAt = grownTo(this.runAt, slot);
      this.runLength = grownTo(this.runLength, slot);
      const name = ownCopy(account);
      this.accounts.set(name, slot);
      this.names.push(name);
      this.segments.push(undefined);
    }
    return slot;
  }

  /** The account's segment is the smallest one its events name. */
  private noteSegment(slot: number, segment: string): void {
    if (segment === '') return;
    const current = this.segments[slot];
    if (current === undefined || (segment !== current && segment < current)) {
      let name = this.segmentNames.get(segment);
      if (name === undefined) {
        name = ownCopy(segment);
        this.segmentNames.set(name, name);
      }
      this.segments[slot] = name;
    }
  }

  private touchpointOf(rawTouchpoint: string): Resolved {
    return this.resolved.get(rawTouchpoint) ?? this.resolve(rawTouchpoint);
  }

  /** One event inside the window, of an account already opened. */
  private record(slot: number, resolved: Resolved, day: number): void {
    this.rows++;
    if (day < this.first) this.first = day;
    if (day > this.last) this.last = day;
    const { touchpoint, known, proactive, transactional } = resolved;
    if (known < 0) {
      this.noteUnplanned(touchpoint, 1, day);
      return;
    }
    this.store.receive(slot, known);
    if (proactive < 0) return;
    this.unpack(slot);
    this.store.add(slot, day, proactive, transactional);
  }

  /** Touches of a touchpoint not in the inventory, the first of them on `first`. */
  private noteUnplanned(touchpoint: string, touches: number, first: number): void {
    const seen = this.unplanned.get(touchpoint);
    if (seen) {
      seen.touches += touches;
      if (first < seen.first) seen.first = first;
    } else this.unplanned.set(touchpoint, { touches, first });
  }

  private resolve(rawTouchpoint: string): Resolved {
    const touchpoint = ownCopy(this.aliases.get(rawTouchpoint) ?? rawTouchpoint);
    const resolved = {
      touchpoint,
      known: this.knownIndex.get(touchpoint) ?? -1,
      proactive: this.proactive.get(touchpoint) ?? -1,
      transactional: this.transactional.has(touchpoint),
    };
    this.resolved.set(ownCopy(rawTouchpoint), resolved);
    return resolved;
  }

  /** Touches of inventory touchpoints received by the account, counted for its segment. */
  private addReceipts(receipts: Map<string, number[]>, slot: number, segment: string): void {
    let counts = receipts.get(segment);
    if (counts === undefined) {
      counts = [];
      receipts.set(segment, counts);
    }
    this.store.addReceived(slot, counts);
  }

  finish(): ObservedAggregate {
    // The touches of addAccount's codes outside the inventory, under their touchpoints' names
    // (two ids as written may name one).
    this.codeTouches.forEach((touches, code) => {
      if (touches > 0) {
        this.noteUnplanned(this.codeTouchpoint[code] ?? '', touches, this.codeFirst[code] ?? 0);
      }
    });
    this.codeTouches.fill(0);
    // Whole day numbers as small integers (`| 0`): a double (the bounds start at ±Infinity)
    // would be boxed on its own in each account's summary that holds it.
    const first = (this.plan.since ?? (this.rows > 0 ? this.first : 0)) | 0;
    const last = (this.plan.asOf ?? (this.rows > 0 ? this.last : 0)) | 0;
    const pairs = new Map<string, ObservedCollisionPair>();
    /** Segment → touches per inventory touchpoint index. */
    const receipts = new Map<string, number[]>();
    const listed = this.listed?.accounts;
    // Accounts of the accounts file without events are accounts without touches.
    for (const name of listed?.keys() ?? []) this.slotOf(name);
    const names = this.names;
    /** The summaries, in the order the store gives the accounts (none for an empty window). */
    const summaries: ObservedAccount[] = [];
    // In the store's order rather than by id, so the store gives back its days as the summaries
    // grow: the two never take their full memory at once.
    const packed = new PackedDays(this.transactionalAt);
    this.store.drain((slot) => {
      const account = names[slot] ?? '';
      const run = (this.runPage[slot] ?? -1) >= 0;
      if (run) {
        packed.values = this.runOf(slot);
        packed.from = this.runAt[slot] ?? 0;
        packed.to = packed.from + (this.runLength[slot] ?? 0);
      }
      const entry = listed?.get(account);
      // The accounts file's segment wins over the log's; its day 0 starts the account's window.
      const segment =
        entry !== undefined && entry.segment !== '' ? entry.segment : (this.segments[slot] ?? '');
      const day0 = entry?.day0;
      const from = day0 === undefined ? first : Math.max(first, day0);
      this.addReceipts(receipts, slot, segment);
      if (from > last) return;
      const { summary, collisions } = summariseAccount(
        account,
        run ? packed : new AccountDays(this.store, slot),
        { first: from, last },
        limitsOf(this.plan, segment),
        this.plan.proactive,
      );
      summary.segment = segment;
      if (day0 !== undefined) summary.anchor = day0;
      summaries.push(summary);
      if (collisions.length === 0) return;
      const firstOfPair = new Map<string, number>();
      for (const c of [...collisions].sort(compareCollision)) {
        const key = `${c.a}\u0000${c.b}`;
        let pair = pairs.get(key);
        const firstHere = !firstOfPair.has(key);
        if (!pair) {
          pair = { a: c.a, b: c.b, occurrences: 0, accounts: 0, example: { account, day: c.day } };
          pairs.set(key, pair);
        } else if (firstHere && compareText(account, pair.example.account) < 0) {
          // The example is the smallest account id with the pair, on its first day there.
          pair.example = { account, day: c.day };
        }
        pair.occurrences++;
        if (firstHere) {
          firstOfPair.set(key, c.day);
          pair.accounts++;
        }
      }
    });
    // Each account once (ids are unique), so the order is the ids'.
    const accounts = summaries.sort((x, y) => compareText(x.account, y.account));
    return {
      window: { first, last, rows: this.rows, skipped: this.skipped },
      accounts,
      receipts: [...receipts.entries()]
        .flatMap(([segment, counts]): ObservedReceipt[] =>
          // flatMap skips the holes: touchpoints no account of the segment received.
          counts.flatMap((touches, known) => [
            { segment, touchpoint: this.plan.known[known] ?? '', touches },
          ]),
        )
        .sort(
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
