import { TouchpointError } from '../errors.js';
import { parseDay } from './parse-date.js';

/**
 * The observation window the metric values are aggregated over, decided by the caller. Days are
 * day numbers (days since 1970-01-01, UTC); `formatDay` turns them back into ISO dates.
 *
 * - neither bound: the latest `days` days of data (the window ends at the latest row's date);
 * - `asOf` only: the `days` days up to and including `asOf`;
 * - `since` (and optionally `asOf`): from `since` up to `asOf`, or with no end.
 *
 * Rows dated after `asOf` are counted, never used.
 */
export interface MetricPeriod {
  days: number;
  since?: number;
  asOf?: number;
}

export type PeriodProblem =
  | { kind: 'not-a-date'; bound: 'since' | 'asOf'; text: string }
  | { kind: 'starts-after-end'; since: string; asOf: string };

/**
 * A period the library cannot use. The message speaks of the period, not of flags: the CLI
 * words it for `--since`/`--as-of` from `problem`.
 */
export class PeriodError extends TouchpointError {
  constructor(readonly problem: PeriodProblem) {
    super(
      problem.kind === 'not-a-date'
        ? `the period's ${problem.bound === 'since' ? 'start' : 'end'} must be a date (YYYY-MM-DD), got ${JSON.stringify(problem.text)}`
        : `the period starts on ${problem.since}, after it ends on ${problem.asOf}`,
    );
  }
}

function isoDay(text: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? parseDay(text) : NaN;
}

/**
 * The period for `days` (the configured length) and optional ISO bounds, or the problem with
 * them.
 */
export function metricPeriod(bounds: {
  days: number;
  since?: string | undefined;
  asOf?: string | undefined;
}): { ok: true; period: MetricPeriod } | { ok: false; problem: PeriodProblem } {
  const period: MetricPeriod = { days: Math.max(1, Math.round(bounds.days)) };
  for (const bound of ['since', 'asOf'] as const) {
    const text = bounds[bound];
    if (text === undefined) continue;
    const day = isoDay(text);
    if (Number.isNaN(day)) return { ok: false, problem: { kind: 'not-a-date', bound, text } };
    period[bound] = day;
  }
  const { since, asOf } = period;
  if (since !== undefined && asOf !== undefined && since > asOf) {
    return {
      ok: false,
      problem: { kind: 'starts-after-end', since: bounds.since ?? '', asOf: bounds.asOf ?? '' },
    };
  }
  return { ok: true, period };
}

/** {@link metricPeriod}, throwing {@link PeriodError} for a bad period. */
export function metricPeriodOrThrow(bounds: Parameters<typeof metricPeriod>[0]): MetricPeriod {
  const result = metricPeriod(bounds);
  if (!result.ok) throw new PeriodError(result.problem);
  return result.period;
}
