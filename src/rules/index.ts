import type { RuleMeta } from '../types.js';
import type { Rule } from './rule.js';
import gapBelowTarget from './gap/below-target.js';
import gapEmptyStage from './gap/empty-stage.js';
import gapNoData from './gap/no-data.js';
import gapNotRunning from './gap/not-running.js';
import gapSilence from './gap/silence.js';
import gapStaleData from './gap/stale-data.js';
import gapUndocumentedTouchpoint from './gap/undocumented-touchpoint.js';
import metricsAmbiguousDate from './metrics/ambiguous-date.js';
import metricsAmbiguousNumber from './metrics/ambiguous-number.js';
import metricsBadRow from './metrics/bad-row.js';
import metricsFutureDate from './metrics/future-date.js';
import metricsDuplicateColumn from './metrics/duplicate-column.js';
import metricsDuplicateSource from './metrics/duplicate-source.js';
import metricsMixedDateOrder from './metrics/mixed-date-order.js';
import metricsUnknownColumn from './metrics/unknown-column.js';
import metricsUnusedFile from './metrics/unused-file.js';
import metricsUnusedSource from './metrics/unused-source.js';
import overlapCollision from './overlap/collision.js';
import overlapDensity from './overlap/density.js';
import observedBadRow from './observed/bad-row.js';
import observedCollision from './observed/collision.js';
import observedDensity from './observed/density.js';
import observedNotSent from './observed/not-sent.js';
import observedSilence from './observed/silence.js';
import observedUnplanned from './observed/unplanned.js';
import overlapRedundant from './overlap/redundant.js';
import { VALIDATE_RULES } from './validate-rules.js';

/** Every rule, in catalogue order. The file path of each rule is its id. */
export const RULES = [
  ...VALIDATE_RULES,
  gapEmptyStage,
  gapSilence,
  gapNoData,
  gapBelowTarget,
  gapStaleData,
  gapNotRunning,
  gapUndocumentedTouchpoint,
  overlapCollision,
  overlapDensity,
  overlapRedundant,
  metricsBadRow,
  metricsUnknownColumn,
  metricsAmbiguousDate,
  metricsAmbiguousNumber,
  metricsMixedDateOrder,
  metricsFutureDate,
  metricsDuplicateSource,
  metricsDuplicateColumn,
  metricsUnusedSource,
  metricsUnusedFile,
  observedSilence,
  observedCollision,
  observedDensity,
  observedNotSent,
  observedUnplanned,
  observedBadRow,
] as const satisfies readonly Rule[];

export const RULE_CATALOGUE: readonly RuleMeta[] = RULES.map((rule) => rule.meta);

export function findRule(id: string): Rule | undefined {
  return RULES.find((rule) => rule.meta.id === id);
}
