import { compareText } from '../shared/compare-text.js';
import { ALL_SEGMENTS } from '../shared/segments.js';
import type { Timeline } from '../timeline/types.js';
import { isoOf } from './plan.js';
import type { ObservedAccount, ObservedAggregate } from './types.js';

/** How a segment reads in messages: accounts without one are "accounts without a segment". */
export function segmentLabel(segment: string): string {
  return segment === '' ? 'accounts without a segment' : `${segment} accounts`;
}

/** Accounts by segment, segments sorted. */
export function accountsBySegment(aggregate: ObservedAggregate): Map<string, ObservedAccount[]> {
  const groups = new Map<string, ObservedAccount[]>();
  for (const account of aggregate.accounts) {
    const group = groups.get(account.segment);
    if (group) group.push(account);
    else groups.set(account.segment, [account]);
  }
  return new Map([...groups.entries()].sort(([a], [b]) => compareText(a, b)));
}

/** `2025-02-01..2025-04-02`. */
export const formatSpan = (from: number, to: number): string => `${isoOf(from)}..${isoOf(to)}`;

/** A share as a percentage with at most one decimal: `0.1%`, `18%`. */
export function formatShare(part: number, whole: number): string {
  if (whole === 0) return '0%';
  if (part > 0 && part * 1000 < whole) return '<0.1%';
  return `${String(Math.round((part / whole) * 1000) / 10)}%`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return 0;
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** Planned next to observed cadence for one segment (the report's "planned vs observed"). */
export interface SegmentCadence {
  segment: string;
  accounts: number;
  planned: {
    /** Proactive touches on the reference timeline from day 0 to the horizon. */
    touches: number;
    /** Days per touch over the horizon; null when nothing is planned. */
    everyDays: number | null;
    longestSilence: number;
  };
  observed: {
    /** The median account's touches over its window. */
    medianTouches: number;
    /** The median account's days per touch; null when the median account got none. */
    medianEveryDays: number | null;
    /** The median account's window, in days. */
    medianDays: number;
    medianLongestSilence: number;
    /** Accounts whose longest silence is over the segment's limit. */
    overSilence: number;
    silenceLimit: number;
  };
  /** "planned every 14 days; median account: 1 touch every 10 days (26 touches in 364 days)". */
  text: string;
}

export function segmentCadence(
  aggregate: ObservedAggregate,
  timeline: Timeline | undefined,
  silenceLimit: (segment: string) => number,
): SegmentCadence[] {
  const out: SegmentCadence[] = [];
  for (const [segment, accounts] of accountsBySegment(aggregate)) {
    const occurrences =
      timeline?.segments.get(segment === '' ? ALL_SEGMENTS : segment) ??
      (segment === '' ? [...(timeline?.segments.values() ?? [])][0] : undefined) ??
      [];
    const horizon = timeline?.horizon ?? 0;
    const days = occurrences
      .filter((o) => o.day >= 0 && o.day <= horizon)
      .map((o) => o.day)
      .sort((a, b) => a - b);
    let plannedSilence = 0;
    let previous = 0;
    for (const day of [...days, horizon]) {
      plannedSilence = Math.max(plannedSilence, day - previous);
      previous = day;
    }
    const limit = silenceLimit(segment);
    const span = (a: ObservedAccount): number => a.last - a.first + 1;
    const medianTouches = median(accounts.map((a) => a.touches));
    const everyDays = accounts.map((a) => (a.touches > 0 ? span(a) / a.touches : Infinity));
    const medianEvery = median(everyDays);
    const medianSpan = median(accounts.map(span));
    const plannedEvery = days.length > 0 ? round1(horizon / days.length) : null;
    const cadence: SegmentCadence = {
      segment,
      accounts: accounts.length,
      planned: { touches: days.length, everyDays: plannedEvery, longestSilence: plannedSilence },
      observed: {
        medianTouches: round1(medianTouches),
        medianEveryDays: Number.isFinite(medianEvery) ? round1(medianEvery) : null,
        medianDays: round1(medianSpan),
        medianLongestSilence: round1(median(accounts.map((a) => a.silence.days))),
        overSilence: accounts.filter((a) => a.silence.days > limit).length,
        silenceLimit: limit,
      },
      text: '',
    };
    const plannedText =
      plannedEvery === null ? 'nothing planned' : `planned every ${String(plannedEvery)} days`;
    const observedText =
      cadence.observed.medianEveryDays === null
        ? 'median account: no proactive touch'
        : `median account: 1 touch every ${String(cadence.observed.medianEveryDays)} days (${String(cadence.observed.medianTouches)} in ${String(medianSpan)} days)`;
    cadence.text = `${plannedText}; ${observedText}; longest silence planned ${String(plannedSilence)} days, observed median ${String(cadence.observed.medianLongestSilence)} days`;
    out.push(cadence);
  }
  return out;
}
