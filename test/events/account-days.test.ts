import { describe, expect, it } from 'vitest';
import { AccountDays, summariseAccount } from '../../src/events/account-days.js';
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
