import { describe, expect, it } from 'vitest';
import { AccountDays, summariseAccount } from '../../src/events/account-days.js';
import { ObservedAggregator } from '../../src/events/aggregate.js';
import type { ObservedPlan } from '../../src/events/plan.js';
import { seededRandom } from '../../src/events/synthetic-log.js';

const limits = { silence: 45, collisionWindow: 1, densityMax: 3, densityWindow: 7 };
const ids = ['a', 'b', 'c'];

function summary(touches: [number, number, boolean][]): unknown {
  const days = new AccountDays();
  for (const [day, index, transactional] of touches) days.add(day, index, transactional);
  return {
    days: [...days.days(-30_000, 70_000)],
    ...summariseAccount('x', days, { first: -30_000, last: 70_000 }, limits, ids),
  };
}

describe('one account’s touched days', () => {
  const random = seededRandom(7);
  const touches: [number, number, boolean][] = Array.from({ length: 400 }, () => [
    -25_000 + Math.floor(random() * 300) * 300, // from 1901 to 2216: both sides of 1970 and of 65,535
    Math.floor(random() * 3),
    random() < 0.2,
  ]);
  const sorted = [...touches].sort((x, y) => x[0] - y[0]);

  it('give the same summary whatever order the touches come in', () => {
    const inOrder = summary(sorted);
    expect(summary([...sorted].reverse())).toEqual(inOrder);
    expect(summary(touches)).toEqual(inOrder);
  });

  it('stored whole in day order, give the same days as one by one', () => {
    const transactionalAt = [false, true, false];
    const whole = (list: [number, number, boolean][]): unknown => {
      const days = new AccountDays();
      const keys = Float64Array.from(list, ([day, index]) => day * 65_536 + index).sort();
      days.store.addInOrder(days.slot, keys, keys.length, transactionalAt);
      return days.days(-30_000, 70_000);
    };
    const oneByOne = (list: [number, number, boolean][]): unknown => {
      const days = new AccountDays();
      for (const [day, index] of list) days.add(day, index, transactionalAt[index] ?? false);
      return days.days(-30_000, 70_000);
    };
    // One touch a day inside the one-word bounds (sized once), days past them, and days with
    // two touches (both one by one).
    const distinct = [...new Map(sorted.map((t) => [t[0], t])).values()].filter(
      ([day]) => day > -32_000 && day < 32_000,
    );
    for (const list of [distinct, distinct.slice(0, 3), sorted, touches]) {
      expect(whole(list)).toEqual(oneByOne(list));
    }
  });

  it('count a density window of more touched days than the scratch columns first hold', () => {
    // 200 daily touches, a 180-day window allowing 150: the window holds up to 180 days, past the
    // 64 the shared scratch columns start with; over 150 from day 150 on.
    const days = new AccountDays();
    for (let day = 0; day < 200; day++) days.add(day, day % 2, false);
    const limits180 = { silence: 45, collisionWindow: 0, densityMax: 150, densityWindow: 180 };
    const { summary: one } = summariseAccount('x', days, { first: 0, last: 199 }, limits180, ids);
    expect([one.densityBreaches, one.densityPeak, one.firstBreach]).toEqual([50, 180, 150]);
  });

  it('merge touches of one day: counts, non-transactional counts, smallest and largest touchpoint', () => {
    const days = new AccountDays();
    days.add(20_100, 2, false);
    days.add(-20, 1, true);
    days.add(20_100, 0, true);
    days.add(20_100, 1, false);
    days.add(70_000, 1, false);
    expect([...days.days(-100, 80_000)]).toEqual([
      [-20, 1, 0, 1, 1],
      [20_100, 3, 2, 0, 2],
      [70_000, 1, 1, 1, 1],
    ]);
    expect([...days.days(0, 30_000)]).toEqual([[20_100, 3, 2, 0, 2]]);
  });

  it('read the same whether a day is kept in one word (one touch, 1880 to 2059, touchpoint below 32,768) or in three', () => {
    /** The touched days as the definition has them: count, non-transactional count, smallest and largest touchpoint. */
    const expected = (list: [number, number, boolean][]): number[][] => {
      const byDay = new Map<number, number[]>();
      for (const [day, index, transactional] of list) {
        const [n = 0, m = 0, lo = index, hi = index] = byDay.get(day) ?? [];
        byDay.set(day, [
          n + 1,
          m + (transactional ? 0 : 1),
          Math.min(lo, index),
          Math.max(hi, index),
        ]);
      }
      return [...byDay.entries()].sort((x, y) => x[0] - y[0]).map(([day, rest]) => [day, ...rest]);
    };
    const random = seededRandom(11);
    const oneEach = [
      ...new Set(Array.from({ length: 60 }, () => 19_000 + Math.floor(random() * 2_000))),
    ];
    const single: [number, number, boolean][] = oneEach.map((day) => [
      day,
      Math.floor(random() * 3),
      random() < 0.3,
    ]);
    const cases: [string, [number, number, boolean][]][] = [
      ['one touch a day, in any order', single],
      ['then a second touch on a day', [...single, [oneEach[7] ?? 0, 2, false]]],
      ['then a day after 2059', [...single, [33_000, 1, true]]],
      ['then a day before 1880', [...single, [-33_000, 0, false]]],
      ['then a touchpoint past 32,767', [...single, [18_000, 40_000, false]]],
      ['a second touch first, then one touch a day', [[oneEach[0] ?? 0, 1, true], ...single]],
    ];
    for (const [, list] of cases) {
      const days = new AccountDays();
      for (const [day, index, transactional] of list) days.add(day, index, transactional);
      expect(days.days(-40_000, 40_000)).toEqual(expected(list));
      expect(days.days(19_500, 20_000)).toEqual(
        expected(list).filter(([day = 0]) => day >= 19_500 && day <= 20_000),
      );
    }
  });

  it('count touches per inventory touchpoint', () => {
    const days = new AccountDays();
    for (const known of [4, 1, 4, 4, 0, 1]) days.receive(known);
    expect([...days.received()]).toEqual([
      [4, 3],
      [1, 2],
      [0, 1],
    ]);
  });
});

describe('the aggregate over many accounts', () => {
  const plan: ObservedPlan = {
    known: ['a', 'b', 'c'],
    proactive: ['a', 'b', 'c'],
    transactional: [],
    aliases: [],
    defaults: limits,
    segments: [],
    lifecycle: [],
  };

  it('takes the smallest account id with a pair as its example, whatever order the accounts come in', () => {
    const agg = new ObservedAggregator(plan);
    // Accounts come (and sit in the store) in an order unlike their ids.
    for (let i = 0; i < 40_000; i++) {
      const account = `acct-${String((i * 7_919) % 40_000).padStart(5, '0')}`;
      agg.add(account, 'a', 20_000 + (i % 9), '');
      if (i % 1_000 === 999) agg.add(account, 'b', 20_000 + (i % 9), '');
    }
    const { accounts, pairs } = agg.finish();
    expect(accounts.map((a) => a.account)).toEqual(
      Array.from({ length: 40_000 }, (_, i) => `acct-${String(i).padStart(5, '0')}`),
    );
    const colliding = Array.from({ length: 40 }, (_, k) => 1_000 * k + 999)
      .map((i) => ({
        account: `acct-${String((i * 7_919) % 40_000).padStart(5, '0')}`,
        day: 20_000 + (i % 9),
      }))
      .sort((x, y) => (x.account < y.account ? -1 : 1));
    expect(pairs).toEqual([
      { a: 'a', b: 'b', occurrences: 40, accounts: 40, example: colliding[0] },
    ]);
  });
});
