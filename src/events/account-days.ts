import type { ObservedLimits } from './plan.js';
import type { ObservedAccount } from './types.js';

const NONE = 0xffff;
const SATURATED = 0xffff;

/**
 * One account's proactive touches per day: counts, non-transactional counts and the smallest
 * and largest touchpoint (as indexes into the sorted proactive ids, so index order is id order).
 * Dense over the account's span of days, so memory is bounded by the window, not by rows, and
 * the log may arrive in any order.
 */
export class AccountDays {
  segment: string | undefined;
  private base = 0;
  private size = 0;
  private n = new Uint16Array(0);
  private m = new Uint16Array(0);
  private lo = new Uint16Array(0);
  private hi = new Uint16Array(0);

  /** Records a proactive touch of touchpoint `index` on `day`. */
  add(day: number, index: number, transactional: boolean): void {
    if (this.size === 0) {
      this.allocate(day, 32);
    } else if (day < this.base || day >= this.base + this.size) {
      this.grow(day);
    }
    const i = day - this.base;
    const n = this.n[i] ?? 0;
    if (n < SATURATED) this.n[i] = n + 1;
    if (!transactional) {
      const m = this.m[i] ?? 0;
      if (m < SATURATED) this.m[i] = m + 1;
    }
    const lo = this.lo[i] ?? NONE;
    if (lo === NONE || index < lo) this.lo[i] = index;
    const hi = this.hi[i] ?? NONE;
    if (hi === NONE || index > hi) this.hi[i] = index;
  }

  private allocate(base: number, size: number): void {
    this.base = base;
    this.size = size;
    this.n = new Uint16Array(size);
    this.m = new Uint16Array(size);
    this.lo = new Uint16Array(size).fill(NONE);
    this.hi = new Uint16Array(size).fill(NONE);
  }

  private grow(day: number): void {
    const start = Math.min(this.base, day);
    const end = Math.max(this.base + this.size, day + 1);
    // Double, so an account's days cost amortised constant time whatever order they come in.
    const size = Math.max(end - start, this.size * 2);
    const base = day < this.base ? end - size : start;
    const old = { base: this.base, n: this.n, m: this.m, lo: this.lo, hi: this.hi };
    this.allocate(base, size);
    const offset = old.base - base;
    this.n.set(old.n, offset);
    this.m.set(old.m, offset);
    this.lo.set(old.lo, offset);
    this.hi.set(old.hi, offset);
  }

  /** Touched days inside [first, last], in order. */
  *days(
    first: number,
    last: number,
  ): Generator<[day: number, n: number, m: number, lo: number, hi: number]> {
    const from = Math.max(first, this.base);
    const to = Math.min(last, this.base + this.size - 1);
    for (let day = from; day <= to; day++) {
      const i = day - this.base;
      const n = this.n[i] ?? 0;
      if (n > 0) yield [day, n, this.m[i] ?? 0, this.lo[i] ?? 0, this.hi[i] ?? 0];
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
  x.day - y.day || (x.a < y.a ? -1 : x.a > y.a ? 1 : 0) || (x.b < y.b ? -1 : x.b > y.b ? 1 : 0);
