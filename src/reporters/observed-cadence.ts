import { formatShare } from '../events/cadence.js';
import type { AuditReport, ObservedReport } from '../report.js';

/** "every day", "every week", "every 2 weeks", "every 6.8 days". */
export function formatEvery(days: number): string {
  if (days === 1) return 'every day';
  if (days === 7) return 'every week';
  if (Number.isInteger(days) && days % 7 === 0) return `every ${String(days / 7)} weeks`;
  return `every ${String(days)} days`;
}

const touches = (n: number): string => `${String(n)} ${n === 1 ? 'touch' : 'touches'}`;

export const CADENCE_HEADERS = [
  'Segment',
  'Accounts',
  'Planned',
  'Observed (median account)',
  'Longest silence',
  'Over the silence limit',
] as const;

/**
 * Planned beside observed cadence, one row of plain-text cells per segment: what each reporter
 * lays out in its own medium (and escapes there).
 */
export function cadenceRows(report: AuditReport, observed: ObservedReport): string[][] {
  const horizon = report.timeline?.horizon;
  return observed.segments.map((s) => {
    const over = `${touches(s.planned.touches)} in ${String(horizon ?? 0)} days`;
    const planned =
      s.planned.everyDays === null
        ? 'nothing planned'
        : `${formatEvery(s.planned.everyDays)} (${horizon === undefined ? touches(s.planned.touches) : over})`;
    const o = s.observed;
    const window = `${touches(o.medianTouches)} in ${String(o.medianDays)} days`;
    const received =
      o.medianEveryDays === null
        ? `no proactive touch (${window})`
        : `1 touch ${formatEvery(o.medianEveryDays)} (${window})`;
    return [
      s.id === '' ? '(no segment)' : s.id,
      String(s.accounts),
      planned,
      received,
      `planned ${String(s.planned.longestSilence)} days; median account ${String(o.medianLongestSilence)} days`,
      `${String(o.overSilence)} (${formatShare(o.overSilence, s.accounts)}) over ${String(o.silenceLimit)} days`,
    ];
  });
}

/** "2025-01-01 to 2025-12-31: 190,692 event rows (0 skipped), 5000 accounts, streaming engine". */
export function observedWindowText(observed: ObservedReport): string {
  const { window } = observed;
  const engine =
    observed.engine === 'aggregate'
      ? 'read from a touchpoint sql result'
      : `${observed.engine} engine`;
  return `${window.from} to ${window.to}: ${String(window.rows)} event rows (${String(window.skipped)} skipped), ${String(observed.accounts)} accounts, ${engine}`;
}
