import { compareText } from '../shared/compare-text.js';
import type { Config } from '../config/config.js';
import { densityLimitFor, silenceLimitFor } from '../config/limits.js';
import type { Inventory } from '../types.js';

/** The limits an account is judged against: its segment's, else the defaults. */
export interface ObservedLimits {
  silence: number;
  collisionWindow: number;
  densityMax: number;
  densityWindow: number;
}

/**
 * Everything the aggregation needs from the inventory and config, computed once and shared by
 * the streaming engine and the SQL generator so both apply the same definition.
 */
export interface ObservedPlan {
  /** Inventory ids, sorted. */
  known: string[];
  /** Proactive inventory ids, sorted: their touches count for cadence. */
  proactive: string[];
  /** Proactive ids that are transactional: they do not count toward density. */
  transactional: string[];
  /** Export id → inventory id, from `aliases:`. */
  aliases: [string, string][];
  defaults: ObservedLimits;
  /** Segments with limits other than the defaults, sorted. */
  segments: [string, ObservedLimits][];
  /** The inventory's lifecycle anchors and their whole-day offsets, in lifecycle order. */
  lifecycle: [string, number][];
  /** Window bounds as day numbers, when fixed by `--since` / `--as-of`. */
  since?: number;
  asOf?: number;
}

const MS_PER_DAY = 86_400_000;

/** `YYYY-MM-DD` → day number. */
export function dayOf(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY;
}

/** Day number → `YYYY-MM-DD`. */
export function isoOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

function limitsFor(config: Config, segment: string): ObservedLimits {
  const density = densityLimitFor(config, segment);
  return {
    silence: silenceLimitFor(config, segment),
    collisionWindow: Object.hasOwn(config.collisionWindow.segments, segment)
      ? (config.collisionWindow.segments[segment] ?? config.collisionWindow.default)
      : config.collisionWindow.default,
    densityMax: density.max,
    densityWindow: density.window,
  };
}

const sameLimits = (a: ObservedLimits, b: ObservedLimits): boolean =>
  a.silence === b.silence &&
  a.collisionWindow === b.collisionWindow &&
  a.densityMax === b.densityMax &&
  a.densityWindow === b.densityWindow;

export interface PlanOptions {
  since?: string;
  asOf?: string;
}

/** The window's bounds as day numbers, those that `--since` / `--as-of` fix. */
export function windowOf(options: PlanOptions): Pick<ObservedPlan, 'since' | 'asOf'> {
  return {
    ...(options.since !== undefined ? { since: dayOf(options.since) } : {}),
    ...(options.asOf !== undefined ? { asOf: dayOf(options.asOf) } : {}),
  };
}

export function observedPlan(
  inventory: Inventory,
  config: Config,
  options: PlanOptions = {},
): ObservedPlan {
  const proactive = inventory.touchpoints.filter((t) => t.mode === 'proactive');
  const defaults = limitsFor(config, '\u0000');
  const names = new Set([
    ...inventory.segments,
    ...Object.keys(config.silence.segments),
    ...Object.keys(config.density.segments),
    ...Object.keys(config.collisionWindow.segments),
  ]);
  const segments: [string, ObservedLimits][] = [];
  for (const name of [...names].sort(compareText)) {
    const limits = limitsFor(config, name);
    if (!sameLimits(limits, defaults)) segments.push([name, limits]);
  }
  const plan: ObservedPlan = {
    known: [...new Set(inventory.touchpoints.map((t) => t.id))].sort(compareText),
    proactive: [...new Set(proactive.map((t) => t.id))].sort(compareText),
    transactional: [...new Set(proactive.filter((t) => t.transactional).map((t) => t.id))].sort(
      compareText,
    ),
    aliases: Object.entries(config.aliases).sort((a, b) => compareText(a[0], b[0])),
    defaults,
    segments,
    lifecycle: Object.entries(inventory.lifecycle)
      // An event out of range (a schema/invalid finding) is off the timeline here too.
      .filter(([, offset]) => Number.isFinite(offset))
      .map(([name, offset]): [string, number] => [name, Math.round(offset)])
      .sort((a, b) => a[1] - b[1] || compareText(a[0], b[0])),
  };
  // Whole days only: the window is counted in calendar days.
  plan.defaults = roundLimits(plan.defaults);
  plan.segments = plan.segments.map(([name, limits]) => [name, roundLimits(limits)]);
  Object.assign(plan, windowOf(options));
  return plan;
}

function roundLimits(limits: ObservedLimits): ObservedLimits {
  return {
    silence: Math.round(limits.silence),
    collisionWindow: Math.max(0, Math.ceil(limits.collisionWindow)),
    densityMax: Math.round(limits.densityMax),
    densityWindow: Math.max(1, Math.ceil(limits.densityWindow)),
  };
}

/** The limits for an account of `segment`. */
export function limitsOf(plan: ObservedPlan, segment: string): ObservedLimits {
  for (const [name, limits] of plan.segments) if (name === segment) return limits;
  return plan.defaults;
}
