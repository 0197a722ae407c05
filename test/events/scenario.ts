import { writeFileSync } from 'node:fs';
import { AGGREGATE_COLUMNS } from '../../src/events/aggregate-csv.js';
import type { AggregateColumn } from '../../src/events/aggregate-csv.js';
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

/**
 * The planted accounts file for the scenario: every account with its segment, plus
 * - acct-00017 (smb), whose contract started on 2025-07-01: its 100-day silence from April lies
 *   before its lifecycle, so it is not silent on its own lifecycle;
 * - acct-05000 (enterprise, no events), live on 2025-11-01: day 0 is 2025-10-18 (go-live is day
 *   14), so it went 74 days without a touch;
 * - bad rows: one without an account, one with a date that is not one, and acct-00002 listed twice.
 */
export function writeAccounts(file: string): void {
  const lines = ['account_id,segment,contract_start,go_live,renewal'];
  for (let a = 0; a < 5000; a++) {
    const account = accountId(a);
    const segment = a % 2 === 0 ? 'enterprise' : 'smb';
    if (a === 17) lines.push(`${account},${segment},2025-07-01,,`);
    else if (a === 3) lines.push(`${account},${segment},soon,,`);
    else lines.push(`${account},${segment},,,`);
  }
  lines.push('acct-05000,enterprise,,2025-11-01,2026-10-18');
  lines.push(',enterprise,2025-01-01,,');
  lines.push('acct-00002,enterprise,2024-06-01,,');
  writeFileSync(file, `${lines.join('\n')}\n`);
}

/** An aggregate as `touchpoint sql` writes it, of a quarter in which nothing was sent. */
export function emptyAggregate(): string {
  const window: Partial<Record<AggregateColumn, string>> = {
    kind: 'window',
    first_day: '2025-01-01',
    last_day: '2025-03-31',
  };
  return `${AGGREGATE_COLUMNS.join(',')}\n${AGGREGATE_COLUMNS.map((c) => window[c] ?? '').join(',')}\n`;
}
