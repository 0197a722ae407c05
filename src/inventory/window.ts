import type { Days } from '../types.js';
import { parseDuration } from './duration.js';

/** A timing window: the earliest and latest offset a touch can land at. */
export interface OffsetWindow {
  from: Days;
  to: Days;
}

/**
 * Parses `at` as a window: `2d..3d`, `48h..72h`, or an ISO 8601 interval of two durations
 * (`P2D/P3D`). Undefined when the text is not a window; a window ending before it starts is
 * returned as written, for the loader to report.
 */
export function parseWindow(text: string): OffsetWindow | undefined {
  const parts = text.includes('..') ? text.split('..') : text.split('/');
  if (parts.length !== 2) return undefined;
  const from = parseDuration(parts[0] ?? '');
  const to = parseDuration(parts[1] ?? '');
  if (from === undefined || to === undefined) return undefined;
  return { from, to };
}
