import type { ObservedReport } from '../report.js';
import type { Timeline } from '../timeline/types.js';
import { segmentCadence } from './cadence.js';
import { isoOf, limitsOf } from './plan.js';
import type { ObservedInput } from './read.js';

/** The report's planned-versus-observed section. */
export function observedReport(observed: ObservedInput, timeline: Timeline): ObservedReport {
  const { aggregate, plan } = observed;
  return {
    engine: observed.engine,
    files: [...observed.files],
    window: {
      from: isoOf(aggregate.window.first),
      to: isoOf(aggregate.window.last),
      rows: aggregate.window.rows,
      skipped: aggregate.window.skipped,
    },
    accounts: aggregate.accounts.length,
    segments: segmentCadence(aggregate, timeline, (segment) => limitsOf(plan, segment).silence).map(
      ({ segment, ...rest }) => ({ id: segment, ...rest }),
    ),
  };
}
