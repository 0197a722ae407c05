import type { Config, DensityLimit } from './config.js';
import type { Days } from '../types.js';

/**
 * The collision window of one occurrence: its channel's override, else its segment's, else
 * the default. A pair collides when their days are closer than the larger of their two
 * windows — a touchpoint that needs spacing (an in-person visit, `3d`) keeps it even next to
 * one that needs none (`email: 0d`).
 */
export function collisionWindowFor(config: Config, segment: string, channel?: string): Days {
  const windows = config.collisionWindow;
  if (channel !== undefined && Object.hasOwn(windows.channels, channel)) {
    return windows.channels[channel] ?? windows.default;
  }
  return segmentValue(windows.segments, segment) ?? windows.default;
}

/** The widest collision window any occurrence in the segment can have. */
export function widestCollisionWindow(config: Config, segment: string): Days {
  let widest =
    segmentValue(config.collisionWindow.segments, segment) ?? config.collisionWindow.default;
  for (const window of Object.values(config.collisionWindow.channels))
    widest = Math.max(widest, window);
  return widest;
}

/** The segment's density limit (its override, else the default). */
export function densityLimitFor(config: Config, segment: string): DensityLimit {
  return segmentValue(config.density.segments, segment) ?? config.density.default;
}

/** The segment's longest allowed silence (its override, else the default). */
export function silenceLimitFor(config: Config, segment: string): Days {
  return segmentValue(config.silence.segments, segment) ?? config.silence.default;
}

function segmentValue<T>(table: Record<string, T>, segment: string): T | undefined {
  return Object.hasOwn(table, segment) ? table[segment] : undefined;
}
