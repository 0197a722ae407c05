import { formatShare } from '../events/cadence.js';
import { ENGLISH } from '../i18n/locale.js';
import type { Locale } from '../i18n/locale.js';
import type { AuditReport, ObservedReport } from '../report.js';

/** "every day", "every week", "every 2 weeks", "every 6.8 days". */
export function formatEvery(days: number, loc: Locale = ENGLISH): string {
  if (days === 1) return loc.text('cadence.everyDay');
  if (days === 7) return loc.text('cadence.everyWeek');
  if (Number.isInteger(days) && days % 7 === 0)
    return loc.text('cadence.everyWeeks', { n: days / 7 });
  return loc.text('cadence.everyDays', { n: days });
}

const touches = (n: number, loc: Locale): string => loc.text('cadence.touches', { n });

/** The table's column headings. */
export function cadenceHeaders(loc: Locale = ENGLISH): string[] {
  return (
    ['segment', 'accounts', 'planned', 'observed', 'longestSilence', 'overLimit'] as const
  ).map((column) => loc.text(`cadence.head.${column}`));
}

export const CADENCE_HEADERS = cadenceHeaders();

/**
 * Planned beside observed cadence, one row of plain-text cells per segment: what each reporter
 * lays out in its own medium (and escapes there).
 */
export function cadenceRows(
  report: AuditReport,
  observed: ObservedReport,
  loc: Locale = ENGLISH,
): string[][] {
  const horizon = report.timeline?.horizon;
  return observed.segments.map((s) => {
    const over = loc.text('cadence.inDays', {
      touches: touches(s.planned.touches, loc),
      days: horizon ?? 0,
    });
    const planned =
      s.planned.everyDays === null
        ? loc.text('cadence.nothingPlanned')
        : `${formatEvery(s.planned.everyDays, loc)} (${horizon === undefined ? touches(s.planned.touches, loc) : over})`;
    const o = s.observed;
    const window = loc.text('cadence.inDays', {
      touches: touches(o.medianTouches, loc),
      days: o.medianDays,
    });
    const received =
      o.medianEveryDays === null
        ? loc.text('cadence.noTouch', { window })
        : loc.text('cadence.oneTouch', { every: formatEvery(o.medianEveryDays, loc), window });
    return [
      s.id === '' ? loc.text('cadence.noSegment') : s.id,
      loc.number(String(s.accounts)),
      planned,
      received,
      loc.text('cadence.silence', {
        planned: s.planned.longestSilence,
        median: o.medianLongestSilence,
      }),
      loc.text('cadence.overLimit', {
        n: o.overSilence,
        share: loc.numbersIn(formatShare(o.overSilence, s.accounts)),
        limit: o.silenceLimit,
      }),
    ];
  });
}

/** "2025-01-01 to 2025-12-31: 190,692 event rows (0 skipped), 5000 accounts, streaming engine". */
export function observedWindowText(observed: ObservedReport, loc: Locale = ENGLISH): string {
  const { window } = observed;
  const engine =
    observed.engine === 'aggregate'
      ? loc.text('cadence.fromSql')
      : loc.text('cadence.engine', { engine: observed.engine });
  return loc.text('cadence.window', {
    from: loc.date(window.from),
    to: loc.date(window.to),
    rows: window.rows,
    skipped: window.skipped,
    accounts: observed.accounts,
    engine,
  });
}
