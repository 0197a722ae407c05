import { writeFileSync } from 'node:fs';
import { accountId } from '../../src/events/synthetic-log.js';

/**
 * The planted scenario: 5,000 accounts (even: enterprise, odd: smb) over 2025, a proactive touch
 * every 10 days, with planted silences, same-day collisions, a never-sent touchpoint (nps-survey)
 * and reactive support tickets that must not count.
 */
export const SILENT: Record<number, [number, number]> = {
  16: [110, 150], // enterprise, 100 → 160: 60 days
  420: [110, 150], // enterprise, 60 days
  3334: [110, 170], // enterprise, 100 → 180: 80 days
  17: [110, 190], // smb, 100 → 200: 100 days
};
export const COLLIDING = [100, 2002, 4000];

export function writeScenario(file: string): void {
  const start = Date.parse('2025-01-01T00:00:00Z');
  const date = (day: number): string =>
    new Date(start + day * 86_400_000).toISOString().slice(0, 10);
  const lines = ['account_id,touchpoint_id,timestamp,segment'];
  for (let a = 0; a < 5000; a++) {
    const account = accountId(a);
    const segment = a % 2 === 0 ? 'enterprise' : 'smb';
    const add = (touchpoint: string, day: number): void => {
      lines.push(`${account},${touchpoint},${date(day)}T09:30:00Z,${segment}`);
    };
    add('welcome-email', 0);
    const silent = SILENT[a];
    for (let day = 10; day <= 360; day += 10) {
      if (silent && day >= silent[0] && day <= silent[1]) continue;
      const k = day / 10;
      add(segment === 'enterprise' && k % 2 === 1 ? 'check-in-call' : 'product-digest', day);
    }
    add('renewal-reminder', 335);
    if (COLLIDING.includes(a)) add('renewal-reminder', 50);
    if (a % 7 === 0) add('support-ticket', 50 + (a % 30));
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}
