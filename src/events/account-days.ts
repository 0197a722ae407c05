import { compareText } from '../shared/compare-text.js';
import type { ObservedLimits } from './plan.js';
import type { ObservedAccount } from './types.js';

const SATURATED = 0xffff;
/** Words per touched day: the biased day number, touches | non-transactional << 16, lo | hi << 16. */
const DAY_WORDS = 3;
/** Words per touchpoint received: the inventory touchpoint index, touches. */
const COUNT_WORDS = 2;
/** Day numbers from 1900 on are negative; the bias keeps them unsigned and in order. */
const DAY_BIAS = 1 << 20;
/**
 * An account whose touched days each have one touch keeps them in one word a day: the biased day
 * (16 bits, 1880 to 2059), whether the touch is non-transactional (1 bit) and the touchpoint (15
 * bits). The first day with a second touch, or outside those bounds, moves it to three words a day.
 */
const SHORT_BIAS = 1 << 15;
const SHORT_INDEX = 0x7fff;
/** Words per page of a {@link Blocks} store (1 MiB); the largest block (65,536 days) fits one. */
const PAGE_WORDS = 1 << 18;
/** Words of the first page, which doubles up to a full page: a few accounts cost kilobytes. */
const FIRST_PAGE_WORDS = 4096;
/** The smallest block holds 2 ** MIN_CLASS entries. */
const MIN_CLASS = 2;

/** An `ArrayBuffer` that can shrink (ES2024; in Node from 20 on). */
type ShrinkableBuffer = ArrayBuffer & { resize?: (bytes: number) => void };
const Shrinkable = ArrayBuffer as unknown as new (
  bytes: number,
  options: { maxByteLength: number },
) => ShrinkableBuffer;

/**
 * A page of `words` words whose memory goes back to the system as soon as it is released (a
 * dropped typed array waits for a full garbage collection, which may come only after the
 * summaries built in its place have raised the peak).
 */
function newPage(words: number): Uint32Array<ArrayBuffer> {
  return new Uint32Array(new Shrinkable(words * 4, { maxByteLength: words * 4 }));
}

/** The size class (log2 of the entries its block holds) of a list with `used` entries. */
function classOf(used: number): number {
  return used <= 1 << MIN_CLASS ? MIN_CLASS : 32 - Math.clz32(used - 1);
}

/**
 * Blocks of fixed-size records (`stride` words each) for many lists, packed in the pages of one
 * store: no object or typed array per list, so a list costs its records and little more. A list
 * that fills its block moves to one twice the size, and the block it leaves is reused.
 */
class Blocks {
  private readonly pages: Uint32Array<ArrayBuffer>[] = [];
  private top = 0;
  private readonly unused: number[][] = [];

  constructor(readonly stride: number) {}

  /** The word offset of a new block for 2 ** `size` entries. */
  alloc(size: number): number {
    const reused = this.unused[size]?.pop();
    if (reused !== undefined) return reused;
    const words = this.stride << size;
    let last = this.pages.length - 1;
    let page = this.pages[last];
    if (page === undefined || this.top + words > page.length) {
      if (page !== undefined && page.length < PAGE_WORDS) {
        // Only the first page is ever short: it doubles in place, so offsets stay valid.
        const longer = newPage(Math.min(PAGE_WORDS, Math.max(2 * page.length, this.top + words)));
        longer.set(page);
        this.pages[last] = page = longer;
      }
      if (page === undefined || this.top + words > page.length) {
        page = newPage(this.pages.length === 0 ? Math.max(FIRST_PAGE_WORDS, words) : PAGE_WORDS);
        this.pages.push(page);
        last++;
        this.top = 0;
      }
    }
    const at = last * PAGE_WORDS + this.top;
    this.top += words;
    return at;
  }

  /** The page holding the block at `at` (index it with `at % PAGE_WORDS`). */
  page(at: number): Uint32Array {
    return this.pages[Math.floor(at / PAGE_WORDS)] ?? new Uint32Array(0);
  }

  get pageCount(): number {
    return this.pages.length;
  }

  /** Gives page `index` back to the system: no block in it is read or written again. */
  release(index: number): void {
    const page = this.pages[index];
    const buffer: ShrinkableBuffer | undefined = page?.buffer;
    if (typeof buffer?.resize === 'function') buffer.resize(0);
    this.pages[index] = new Uint32Array(0);
  }

  /** Gives back the block at `at` of a list with `used` entries, for another list to reuse. */
  free(at: number, used: number): void {
    (this.unused[classOf(used)] ??= []).push(at);
  }

  /** Moves a full list of `used` entries at `at` to a block twice the size; its new offset. */
  grow(at: number, used: number): number {
    const size = classOf(used);
    const next = this.alloc(size + 1);
    const from = at % PAGE_WORDS;
    this.page(next).set(this.page(at).subarray(from, from + used * this.stride), next % PAGE_WORDS);
    this.free(at, used);
    return next;
  }
}

/**
 * `column` when index `size` fits in it, else a copy twice as long (at least 1,024 entries),
 * its new entries `fill`: the growable per-account and scratch columns of the engines.
 */
export function grownTo<T extends Int32Array<ArrayBuffer> | Uint32Array<ArrayBuffer>>(
  column: T,
  size: number,
  fill = 0,
): T {
  if (size < column.length) return column;
  const Column = column.constructor as new (length: number) => T;
  const next = new Column(Math.max(1024, column.length * 2));
  next.set(column);
  if (fill !== 0) next.fill(fill, column.length);
  return next;
}

/**
 * The state of every account, in a few flat stores: its proactive touches per *touched* day
 * (count, non-transactional count, and the smallest and largest touchpoint as indexes into the
 * sorted proactive ids, so index order is id order), kept sorted by day, and its touches per
 * inventory touchpoint. Sparse: 4 bytes per touched day while every day has one touch (12 once
 * one has more) and 8 per touchpoint received, in blocks of a shared store, so memory is bounded
 * by accounts × days in the window, never by rows. The log may come in any order; in day order
 * is the fast path.
 */
export class AccountStore {
  /** Touched days of the accounts with one touch on each: a word a day. */
  private readonly shortDays = new Blocks(1);
  /** Touched days of the other accounts: DAY_WORDS words a day. */
  private readonly dayBlocks = new Blocks(DAY_WORDS);
  private readonly countBlocks = new Blocks(COUNT_WORDS);
  private dayAt = new Uint32Array(0);
  private dayUsed = new Uint32Array(0);
  /** 1 when the account's days are in `dayBlocks`, 0 while they are in `shortDays`. */
  private long = new Uint32Array(0);
  private countAt = new Uint32Array(0);
  private countUsed = new Uint32Array(0);
  /** Accounts opened so far; they are numbered 0, 1, … */
  size = 0;

  /** A new, empty account: its number. */
  open(): number {
    const slot = this.size++;
    this.dayAt = grownTo(this.dayAt, slot);
    this.dayUsed = grownTo(this.dayUsed, slot);
    this.long = grownTo(this.long, slot);
    this.countAt = grownTo(this.countAt, slot);
    this.countUsed = grownTo(this.countUsed, slot);
    this.dayAt[slot] = this.shortDays.alloc(MIN_CLASS);
    this.countAt[slot] = this.countBlocks.alloc(MIN_CLASS);
    return slot;
  }

  /** Whether the account has no touched day yet. */
  isEmpty(slot: number): boolean {
    return (this.dayUsed[slot] ?? 0) === 0;
  }

  /** Counts `touches` touches of inventory touchpoint `known` (an index into the sorted inventory ids). */
  receive(slot: number, known: number, touches = 1): void {
    const used = this.countUsed[slot] ?? 0;
    let at = this.countAt[slot] ?? 0;
    let c = this.countBlocks.page(at);
    const base = at % PAGE_WORDS;
    for (let i = base; i < base + used * COUNT_WORDS; i += COUNT_WORDS) {
      if (c[i] === known) {
        c[i + 1] = (c[i + 1] ?? 0) + touches;
        return;
      }
    }
    if (used >= 1 << MIN_CLASS && (used & (used - 1)) === 0) {
      at = this.countBlocks.grow(at, used);
      this.countAt[slot] = at;
      c = this.countBlocks.page(at);
    }
    const end = (at % PAGE_WORDS) + used * COUNT_WORDS;
    c[end] = known;
    c[end + 1] = touches;
    this.countUsed[slot] = used + 1;
  }

  /** Adds the account's touches of each inventory touchpoint to `counts` (by its index). */
  addReceived(slot: number, counts: number[]): void {
    const at = this.countAt[slot] ?? 0;
    const c = this.countBlocks.page(at);
    const base = at % PAGE_WORDS;
    const end = base + (this.countUsed[slot] ?? 0) * COUNT_WORDS;
    for (let i = base; i < end; i += COUNT_WORDS) {
      const known = c[i] ?? 0;
      counts[known] = (counts[known] ?? 0) + (c[i + 1] ?? 0);
    }
  }

  /** [inventory touchpoint index, touches] for each touchpoint the account received. */
  *received(slot: number): Generator<[known: number, touches: number]> {
    const at = this.countAt[slot] ?? 0;
    const c = this.countBlocks.page(at);
    const base = at % PAGE_WORDS;
    const end = base + (this.countUsed[slot] ?? 0) * COUNT_WORDS;
    for (let i = base; i < end; i += COUNT_WORDS) yield [c[i] ?? 0, c[i + 1] ?? 0];
  }

  /** Records a proactive touch of touchpoint `index` (below 65,535) on `day`. */
  add(slot: number, day: number, index: number, transactional: boolean): void {
    if (this.long[slot] === 0) {
      if (this.addShort(slot, day, index, transactional)) return;
      this.lengthen(slot);
    }
    const key = day + DAY_BIAS;
    const used = this.dayUsed[slot] ?? 0;
    const start = this.dayAt[slot] ?? 0;
    const e = this.dayBlocks.page(start);
    const base = start % PAGE_WORDS;
    let entry = used - 1;
    const lastKey = entry < 0 ? -1 : (e[base + entry * DAY_WORDS] ?? 0);
    if (lastKey < key) {
      entry = this.insert(this.dayBlocks, slot, used);
    } else if (lastKey !== key) {
      // Out of order: binary search among the touched days.
      let lo = 0;
      let hi = used;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((e[base + mid * DAY_WORDS] ?? 0) < key) lo = mid + 1;
        else hi = mid;
      }
      entry =
        lo < used && e[base + lo * DAY_WORDS] === key ? lo : this.insert(this.dayBlocks, slot, lo);
    }
    const at = this.dayAt[slot] ?? 0;
    const t = this.dayBlocks.page(at);
    const w = (at % PAGE_WORDS) + entry * DAY_WORDS;
    t[w] = key;
    const counts = t[w + 1] ?? 0;
    const n = counts & 0xffff;
    let m = counts >>> 16;
    if (!transactional && m < SATURATED) m++;
    t[w + 1] = (Math.min(n + 1, SATURATED) | (m << 16)) >>> 0;
    const bounds = t[w + 2] ?? 0;
    const lo = n === 0 ? index : Math.min(bounds & 0xffff, index);
    const hi = n === 0 ? index : Math.max(bounds >>> 16, index);
    t[w + 2] = (lo | (hi << 16)) >>> 0;
  }

  /**
   * Records proactive touches given in day order, each as day × 65,536 + touchpoint index (the
   * first `count` of `keys`). On an account with no touched day yet whose days each have one
   * touch, its block is sized once and written in place; otherwise each goes through
   * {@link add}. The same as calling `add` for each.
   */
  addInOrder(
    slot: number,
    keys: Readonly<ArrayLike<number>>,
    count: number,
    transactionalAt: readonly boolean[],
  ): void {
    let fits = (this.dayUsed[slot] ?? 0) === 0 && this.long[slot] === 0;
    for (let i = 0, previous = NaN; fits && i < count; i++) {
      const day = Math.floor((keys[i] ?? 0) / 65_536);
      const key = day + SHORT_BIAS;
      const index = (keys[i] ?? 0) - day * 65_536;
      fits = day !== previous && key >= 0 && key <= 0xffff && index <= SHORT_INDEX;
      previous = day;
    }
    if (!fits) {
      for (let i = 0; i < count; i++) {
        const day = Math.floor((keys[i] ?? 0) / 65_536);
        const index = (keys[i] ?? 0) - day * 65_536;
        this.add(slot, day, index, transactionalAt[index] ?? false);
      }
      return;
    }
    let at = this.dayAt[slot] ?? 0;
    if (classOf(count) > MIN_CLASS) {
      this.shortDays.free(at, 0);
      at = this.shortDays.alloc(classOf(count));
      this.dayAt[slot] = at;
    }
    const page = this.shortDays.page(at);
    const base = at % PAGE_WORDS;
    for (let i = 0; i < count; i++) {
      const day = Math.floor((keys[i] ?? 0) / 65_536);
      const index = (keys[i] ?? 0) - day * 65_536;
      const nonTransactional = transactionalAt[index] === true ? 0 : 0x8000;
      page[base + i] = (((day + SHORT_BIAS) << 16) | nonTransactional | index) >>> 0;
    }
    this.dayUsed[slot] = count;
  }

  /**
   * Records the touch as a one-word day when it can be: a day the account has no touch on yet,
   * inside the one-word bounds. False when it cannot (nothing is changed then).
   */
  private addShort(slot: number, day: number, index: number, transactional: boolean): boolean {
    const key = day + SHORT_BIAS;
    if (key < 0 || key > 0xffff || index > SHORT_INDEX) return false;
    const used = this.dayUsed[slot] ?? 0;
    const start = this.dayAt[slot] ?? 0;
    const e = this.shortDays.page(start);
    const base = start % PAGE_WORDS;
    let entry = used;
    if (used > 0 && (e[base + used - 1] ?? 0) >>> 16 >= key) {
      // Not after the last day: binary search among the touched days.
      let lo = 0;
      let hi = used;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((e[base + mid] ?? 0) >>> 16 < key) lo = mid + 1;
        else hi = mid;
      }
      // A second touch on that day.
      if (lo < used && (e[base + lo] ?? 0) >>> 16 === key) return false;
      entry = lo;
    }
    entry = this.insert(this.shortDays, slot, entry);
    const at = this.dayAt[slot] ?? 0;
    this.shortDays.page(at)[(at % PAGE_WORDS) + entry] =
      ((key << 16) | (transactional ? 0 : 0x8000) | index) >>> 0;
    return true;
  }

  /** Moves the account's days from one word each to DAY_WORDS each. */
  private lengthen(slot: number): void {
    const used = this.dayUsed[slot] ?? 0;
    const from = this.dayAt[slot] ?? 0;
    const to = this.dayBlocks.alloc(classOf(used));
    const s = this.shortDays.page(from);
    const t = this.dayBlocks.page(to);
    const base = from % PAGE_WORDS;
    let w = to % PAGE_WORDS;
    for (let i = base; i < base + used; i++, w += DAY_WORDS) {
      const word = s[i] ?? 0;
      const index = word & SHORT_INDEX;
      t[w] = (word >>> 16) - SHORT_BIAS + DAY_BIAS;
      t[w + 1] = (1 | (((word >>> 15) & 1) << 16)) >>> 0;
      t[w + 2] = (index | (index << 16)) >>> 0;
    }
    this.shortDays.free(from, used);
    this.dayAt[slot] = to;
    this.long[slot] = 1;
  }

  /** Opens an empty entry at position `entry` of the account's days, moving later days up. */
  private insert(blocks: Blocks, slot: number, entry: number): number {
    const used = this.dayUsed[slot] ?? 0;
    let at = this.dayAt[slot] ?? 0;
    if (used >= 1 << MIN_CLASS && (used & (used - 1)) === 0) {
      at = blocks.grow(at, used);
      this.dayAt[slot] = at;
    }
    const e = blocks.page(at);
    const base = at % PAGE_WORDS;
    const w = base + entry * blocks.stride;
    if (entry < used) e.copyWithin(w + blocks.stride, w, base + used * blocks.stride);
    // The caller writes the entry's first word; the others start at zero.
    for (let k = 1; k < blocks.stride; k++) e[w + k] = 0;
    this.dayUsed[slot] = used + 1;
    return entry;
  }

  /**
   * Calls `each` for every account, taking them page by page of their touched days, and gives
   * each page back once its accounts are done, so what `each` builds takes the place of the
   * days. No account's days can be read afterwards.
   */
  drain(each: (slot: number) => void): void {
    const shortPages = this.shortDays.pageCount;
    /** Pages of the one-word days first, then those of the three-word days. */
    const pageOf = (slot: number): number =>
      Math.floor((this.dayAt[slot] ?? 0) / PAGE_WORDS) + (this.long[slot] === 0 ? 0 : shortPages);
    const pages = shortPages + this.dayBlocks.pageCount;
    // A counting sort of the accounts by page: page p's are order[ends[p - 1] .. ends[p]).
    const ends = new Uint32Array(pages);
    for (let slot = 0; slot < this.size; slot++) {
      const page = pageOf(slot);
      ends[page] = (ends[page] ?? 0) + 1;
    }
    for (let page = 1; page < pages; page++) ends[page] = (ends[page] ?? 0) + (ends[page - 1] ?? 0);
    const fill = new Uint32Array(pages);
    for (let page = 1; page < pages; page++) fill[page] = ends[page - 1] ?? 0;
    const order = new Uint32Array(this.size);
    for (let slot = 0; slot < this.size; slot++) {
      const page = pageOf(slot);
      const at = fill[page] ?? 0;
      order[at] = slot;
      fill[page] = at + 1;
    }
    let i = 0;
    for (let page = 0; page < pages; page++) {
      for (; i < (ends[page] ?? 0); i++) each(order[i] ?? 0);
      if (page < shortPages) this.shortDays.release(page);
      else this.dayBlocks.release(page - shortPages);
    }
  }

  /**
   * The account's touched days inside [first, last], in order. The cursor is the store's one:
   * the next walk starts it again.
   */
  walk(slot: number, first: number, last: number): DayCursor {
    const at = this.dayAt[slot] ?? 0;
    const long = this.long[slot] !== 0;
    const base = at % PAGE_WORDS;
    const page = long ? this.dayBlocks.page(at) : this.shortDays.page(at);
    this.cursor.start(page, base, this.dayUsed[slot] ?? 0, long, first, last);
    return this.cursor;
  }

  private readonly cursor = new StoreCursor();
}

/** A walk over an account's touched days: each `next()` moves to the next one, false after the last. */
export interface DayCursor {
  next(): boolean;
  /** The day, its touches, its non-transactional touches, its smallest and largest touchpoint. */
  readonly day: number;
  readonly n: number;
  readonly m: number;
  readonly lo: number;
  readonly hi: number;
}

/** The cursor of {@link AccountStore.walk}, over one account's words in a page of the store. */
class StoreCursor implements DayCursor {
  day = 0;
  n = 0;
  m = 0;
  lo = 0;
  hi = 0;
  private page: Uint32Array = new Uint32Array(0);
  private w = 0;
  private end = 0;
  private long = false;
  private first = 0;
  private last = 0;

  start(
    page: Uint32Array,
    base: number,
    used: number,
    long: boolean,
    first: number,
    last: number,
  ): void {
    this.page = page;
    this.w = base;
    this.end = base + used * (long ? DAY_WORDS : 1);
    this.long = long;
    this.first = first;
    this.last = last;
  }

  next(): boolean {
    const e = this.page;
    while (this.w < this.end) {
      const w = this.w;
      if (this.long) {
        this.w = w + DAY_WORDS;
        const day = (e[w] ?? 0) - DAY_BIAS;
        if (day < this.first) continue;
        if (day > this.last) break;
        const counts = e[w + 1] ?? 0;
        const bounds = e[w + 2] ?? 0;
        this.day = day;
        this.n = counts & 0xffff;
        this.m = counts >>> 16;
        this.lo = bounds & 0xffff;
        this.hi = bounds >>> 16;
        return true;
      }
      this.w = w + 1;
      const word = e[w] ?? 0;
      const day = (word >>> 16) - SHORT_BIAS;
      if (day < this.first) continue;
      if (day > this.last) break;
      this.day = day;
      this.n = 1;
      this.m = (word >>> 15) & 1;
      this.lo = this.hi = word & SHORT_INDEX;
      return true;
    }
    this.w = this.end;
    return false;
  }
}

/** An account's touched days, however they are kept. */
export interface TouchedDays {
  /** Its touched days inside [first, last], in order; the cursor may be reused by the next walk. */
  walk(first: number, last: number): DayCursor;
}

/**
 * Touched days kept as a sorted run of numbers, one per proactive touch: day × 65,536 + the
 * touchpoint's index in the sorted proactive ids (so the smallest index of a day comes first).
 * `from` and `to` pick the account's run out of `values`; one instance walks many accounts.
 */
export class PackedDays implements TouchedDays, DayCursor {
  values: Int32Array = new Int32Array(0);
  from = 0;
  to = 0;
  day = 0;
  n = 0;
  m = 0;
  lo = 0;
  hi = 0;
  private i = 0;
  private first = 0;
  private last = 0;

  constructor(private readonly transactionalAt: readonly boolean[]) {}

  walk(first: number, last: number): DayCursor {
    this.i = this.from;
    this.first = first;
    this.last = last;
    return this;
  }

  next(): boolean {
    const { values, to, transactionalAt } = this;
    while (this.i < to) {
      let i = this.i;
      const value = values[i] ?? 0;
      const day = Math.floor(value / 65_536);
      const lo = value - day * 65_536;
      const end = (day + 1) * 65_536;
      let hi = lo;
      let n = 0;
      let m = 0;
      for (; i < to; i++) {
        const next = values[i] ?? 0;
        if (next >= end) break;
        hi = next - day * 65_536;
        n++;
        if (transactionalAt[hi] !== true) m++;
      }
      this.i = i;
      if (day > this.last) break;
      if (day < this.first) continue;
      this.day = day;
      this.n = Math.min(n, SATURATED);
      this.m = Math.min(m, SATURATED);
      this.lo = lo;
      this.hi = hi;
      return true;
    }
    this.i = to;
    return false;
  }
}

/** One account's state in a store of its own (for tests and single accounts). */
export class AccountDays implements TouchedDays {
  constructor(
    readonly store = new AccountStore(),
    readonly slot = store.open(),
  ) {}

  /** Counts a touch of inventory touchpoint `known` (an index into the sorted inventory ids). */
  receive(known: number): void {
    this.store.receive(this.slot, known);
  }

  /** [inventory touchpoint index, touches] for each touchpoint received. */
  received(): Generator<[known: number, touches: number]> {
    return this.store.received(this.slot);
  }

  /** Records a proactive touch of touchpoint `index` (below 65,535) on `day`. */
  add(day: number, index: number, transactional: boolean): void {
    this.store.add(this.slot, day, index, transactional);
  }

  walk(first: number, last: number): DayCursor {
    return this.store.walk(this.slot, first, last);
  }

  /** Touched days inside [first, last], in order. */
  days(first: number, last: number): [day: number, n: number, m: number, lo: number, hi: number][] {
    const out: [number, number, number, number, number][] = [];
    const cursor = this.walk(first, last);
    while (cursor.next()) out.push([cursor.day, cursor.n, cursor.m, cursor.lo, cursor.hi]);
    return out;
  }
}

/** A pair of proactive touches of one account inside the collision window. */
export interface CollisionInstance {
  day: number;
  a: string;
  b: string;
}

/** The two touchpoints of a collision, in id order. */
const pairOf = (day: number, x: string, y: string): CollisionInstance =>
  x <= y ? { day, a: x, b: y } : { day, a: y, b: x };

/** Scratch columns of {@link summariseAccount}'s density window, shared by every account. */
let recentDays = new Int32Array(64);
let recentCounts = new Int32Array(64);
function growRecent(): void {
  recentDays = grownTo(recentDays, recentDays.length);
  recentCounts = grownTo(recentCounts, recentCounts.length);
}

/**
 * The observed cadence of one account over [first, last] — the definition every engine shares:
 * - silence: the longest stretch from the window start to the first touch, between touched days,
 *   or from the last touch to the window end (the earliest on ties);
 * - collision: a day with two or more touches (its smallest and largest touchpoint), and a touched
 *   day closer than the collision window to the previous one (that day's largest touchpoint and
 *   this day's smallest);
 * - density: a touched day whose window of `densityWindow` days ending on it holds more than
 *   `densityMax` non-transactional touches.
 */
export function summariseAccount(
  account: string,
  days: TouchedDays,
  window: { first: number; last: number },
  limits: ObservedLimits,
  ids: readonly string[],
): { summary: ObservedAccount; collisions: CollisionInstance[] } {
  const { first, last } = window;
  const { collisionWindow, densityWindow, densityMax } = limits;
  let touches = 0;
  let silenceDays = -1;
  let silenceFrom = first;
  let silenceTo = last;
  const collisions: CollisionInstance[] = [];
  // Non-transactional touches in the density window ending on the current day: the touched
  // days from `oldest` to `recent` of the scratch columns.
  let oldest = 0;
  let recent = 0;
  let inWindow = 0;
  let densityBreaches = 0;
  let firstBreach: number | undefined;
  let densityPeak = 0;
  let previousDay = first;
  let previousHi = -1;
  const cursor = days.walk(first, last);
  while (cursor.next()) {
    const { day, n, m, lo, hi } = cursor;
    touches += n;
    if (day - previousDay > silenceDays) {
      silenceDays = day - previousDay;
      silenceFrom = previousDay;
      silenceTo = day;
    }
    if (previousHi >= 0 && day - previousDay < collisionWindow) {
      collisions.push(pairOf(day, ids[previousHi] ?? '', ids[lo] ?? ''));
    }
    if (n >= 2) collisions.push(pairOf(day, ids[lo] ?? '', ids[hi] ?? ''));
    if (m > 0) {
      if (recent === recentDays.length) growRecent();
      recentDays[recent] = day;
      recentCounts[recent++] = m;
      inWindow += m;
      while (oldest < recent && (recentDays[oldest] ?? day) <= day - densityWindow) {
        inWindow -= recentCounts[oldest++] ?? 0;
      }
      if (inWindow > densityPeak) densityPeak = inWindow;
      if (inWindow > densityMax) {
        densityBreaches++;
        firstBreach ??= day;
      }
    }
    previousDay = day;
    previousHi = hi;
  }
  if (last - previousDay > silenceDays) {
    silenceDays = last - previousDay;
    silenceFrom = previousDay;
    silenceTo = last;
  }
  const summary: ObservedAccount = {
    account,
    segment: '',
    first,
    last,
    touches,
    silence: { days: silenceDays, from: silenceFrom, to: silenceTo },
    collisions: collisions.length,
    densityBreaches,
    densityPeak,
  };
  const earliest =
    collisions.length > 1 ? [...collisions].sort(compareCollision)[0] : collisions[0];
  if (earliest) summary.firstCollision = earliest;
  if (firstBreach !== undefined) summary.firstBreach = firstBreach;
  return { summary, collisions };
}

export const compareCollision = (x: CollisionInstance, y: CollisionInstance): number =>
  x.day - y.day || compareText(x.a, y.a) || compareText(x.b, y.b);
