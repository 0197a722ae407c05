import { compareText } from '../shared/compare-text.js';
import type { ObservedLimits } from './plan.js';
import type { ObservedAccount } from './types.js';

const SATURATED = 0xffff;
/** Words per touched day: the biased day number, touches | non-transactional << 16, lo | hi << 16. */
const STRIDE = 3;
/** Day numbers from 1900 on are negative; the bias keeps them unsigned and in order. */
const DAY_BIAS = 1 << 20;
const EMPTY: Uint32Array = new Uint32Array(0);

/** Entries a first allocation holds: a month of touched days is one allocation, not five. */
const FIRST_ENTRIES = 8;

/** A copy with room to grow by half (amortised constant time per add, little slack). */
function grow(array: Uint32Array, used: number, unit: number): Uint32Array {
  const next = new Uint32Array(
    Math.max(FIRST_ENTRIES * unit, Math.ceil((used * 1.5) / unit) * unit),
  );
  next.set(array.subarray(0, used));
  return next;
}

/**
 * One account's state: its proactive touches per *touched* day (count, non-transactional count,
 * and the smallest and largest touchpoint as indexes into the sorted proactive ids, so index
 * order is id order), kept sorted by day, and its touches per inventory touchpoint. Sparse: 12
 * bytes per touched day and 8 per touchpoint received, so memory is bounded by accounts × days
 * in the window, never by rows. The log may come in any order; in day order is the fast path.
 */
export class AccountDays {
  segment: string | undefined;
  private entries: Uint32Array = EMPTY;
  private used = 0;
  /** Pairs [inventory touchpoint index, touches]. */
  private counts: Uint32Array = EMPTY;
  private countsUsed = 0;

  /** Counts a touch of inventory touchpoint `known` (an index into the sorted inventory ids). */
  receive(known: number): void {
    const c = this.counts;
    for (let i = 0; i < this.countsUsed; i += 2) {
      if (c[i] === known) {
        c[i + 1] = (c[i + 1] ?? 0) + 1;
        return;
      }
    }
    if (this.countsUsed === c.length) this.counts = grow(c, this.countsUsed, 2);
    this.counts[this.countsUsed] = known;
    this.counts[this.countsUsed + 1] = 1;
    this.countsUsed += 2;
  }

  /** [inventory touchpoint index, touches] for each touchpoint received. */
  *received(): Generator<[known: number, touches: number]> {
    for (let i = 0; i < this.countsUsed; i += 2) {
      yield [this.counts[i] ?? 0, this.counts[i + 1] ?? 0];
    }
  }

  /** Records a proactive touch of touchpoint `index` (below 65,535) on `day`. */
  add(day: number, index: number, transactional: boolean): void {
    const key = day + DAY_BIAS;
    const e = this.entries;
    let at = this.used - STRIDE;
    if (at < 0 || (e[at] ?? 0) < key) {
      at = this.insert(this.used, key);
    } else if (e[at] !== key) {
      // Out of order: binary search among the touched days.
      let lo = 0;
      let hi = this.used / STRIDE;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((e[mid * STRIDE] ?? 0) < key) lo = mid + 1;
        else hi = mid;
      }
      at = lo * STRIDE;
      if (e[at] !== key) at = this.insert(at, key);
    }
    const t = this.entries;
    const counts = t[at + 1] ?? 0;
    const n = counts & 0xffff;
    let m = counts >>> 16;
    if (!transactional && m < SATURATED) m++;
    t[at + 1] = (Math.min(n + 1, SATURATED) | (m << 16)) >>> 0;
    const bounds = t[at + 2] ?? 0;
    const lo = n === 0 ? index : Math.min(bounds & 0xffff, index);
    const hi = n === 0 ? index : Math.max(bounds >>> 16, index);
    t[at + 2] = (lo | (hi << 16)) >>> 0;
  }

  /** Opens an empty entry for `key` at offset `at`, moving later days up. */
  private insert(at: number, key: number): number {
    if (this.used === this.entries.length) this.entries = grow(this.entries, this.used, STRIDE);
    const e = this.entries;
    if (at < this.used) e.copyWithin(at + STRIDE, at, this.used);
    e[at] = key;
    e[at + 1] = 0;
    e[at + 2] = 0;
    this.used += STRIDE;
    return at;
  }

  /** Touched days inside [first, last], in order. */
  *days(
    first: number,
    last: number,
  ): Generator<[day: number, n: number, m: number, lo: number, hi: number]> {
    const e = this.entries;
    for (let at = 0; at < this.used; at += STRIDE) {
      const day = (e[at] ?? 0) - DAY_BIAS;
      if (day < first) continue;
      if (day > last) return;
      const counts = e[at + 1] ?? 0;
      const bounds = e[at + 2] ?? 0;
      yield [day, counts & 0xffff, counts >>> 16, bounds & 0xffff, bounds >>> 16];
    }
  }
}

/** A pair of proactive touches of one account inside the collision window. */
export interface CollisionInstance {
  day: number;
  a: string;
  b: string;
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
  days: AccountDays,
  window: { first: number; last: number },
  limits: ObservedLimits,
  ids: readonly string[],
): { summary: ObservedAccount; collisions: CollisionInstance[] } {
  const { first, last } = window;
  const id = (index: number): string => ids[index] ?? '';
  let touches = 0;
  let silence = { days: -1, from: first, to: last };
  const gap = (from: number, to: number): void => {
    if (to - from > silence.days) silence = { days: to - from, from, to };
  };
  const collisions: CollisionInstance[] = [];
  const pair = (day: number, x: string, y: string): void => {
    collisions.push(x <= y ? { day, a: x, b: y } : { day, a: y, b: x });
  };
  // Non-transactional touches in the density window ending on the current day.
  const recent: [day: number, m: number][] = [];
  let inWindow = 0;
  let densityBreaches = 0;
  let firstBreach: number | undefined;
  let densityPeak = 0;
  let previous: { day: number; hi: number } | undefined;
  for (const [day, n, m, lo, hi] of days.days(first, last)) {
    touches += n;
    gap(previous?.day ?? first, day);
    if (previous && day - previous.day < limits.collisionWindow) pair(day, id(previous.hi), id(lo));
    if (n >= 2) pair(day, id(lo), id(hi));
    if (m > 0) {
      recent.push([day, m]);
      inWindow += m;
      while (recent.length > 0 && (recent[0]?.[0] ?? day) <= day - limits.densityWindow) {
        inWindow -= recent.shift()?.[1] ?? 0;
      }
      if (inWindow > densityPeak) densityPeak = inWindow;
      if (inWindow > limits.densityMax) {
        densityBreaches++;
        firstBreach ??= day;
      }
    }
    previous = { day, hi };
  }
  gap(previous?.day ?? first, last);
  const summary: ObservedAccount = {
    account,
    segment: days.segment ?? '',
    first,
    last,
    touches,
    silence,
    collisions: collisions.length,
    densityBreaches,
    densityPeak,
  };
  const earliest = [...collisions].sort(compareCollision)[0];
  if (earliest) summary.firstCollision = earliest;
  if (firstBreach !== undefined) summary.firstBreach = firstBreach;
  return { summary, collisions };
}

export const compareCollision = (x: CollisionInstance, y: CollisionInstance): number =>
  x.day - y.day || compareText(x.a, y.a) || compareText(x.b, y.b);
