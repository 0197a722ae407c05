import type { Days } from '../types.js';
import type { Conditions } from './conditions.js';

/** One occurrence of a scheduled proactive touchpoint on the reference lifecycle. */
export interface Occurrence {
  touchpoint: string;
  /** Day on the reference lifecycle (day 0 is the lifecycle's zero, usually contract start). */
  day: Days;
  /** The latest day a window touch (`at: 2d..3d`) can land on; absent for a point. */
  latest?: Days;
  channel?: string;
  transactional: boolean;
}

export interface Timeline {
  /** Last day considered (latest lifecycle event, or the configured horizon). */
  horizon: Days;
  /** Per segment, occurrences sorted by day then touchpoint id. */
  segments: Map<string, Occurrence[]>;
  /**
   * Touchpoints whose recurrence was cut at the per-touchpoint occurrence cap (a tiny `every`
   * over a long horizon), by id. Optional so hand-built timelines need not set it.
   */
  truncated?: string[];
  /**
   * Which touchpoints never reach the same customer (`exclusive:`, `excludes:`, `when:`);
   * absent when every customer of a segment gets every touch.
   */
  conditions?: Conditions;
  /**
   * Per lane, the calendar touches (`timing: { calendar: monthly }`) placed there and the
   * lifecycle day of each one's first touch: its worst-case alignment. Absent without any.
   */
  calendar?: Map<string, Map<string, Days>>;
  /** Calendar touches placed from day 0 unsearched, the alignment search's budget spent. */
  unaligned?: string[];
}
