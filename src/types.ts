/**
 * Core types shared by every stage of the pipeline:
 * load → validate → metrics → timeline → rules → score → report.
 */

export type Severity = 'error' | 'warning' | 'info';

/** A 1-based position in a user's file. */
export interface Location {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** Dotted path of the YAML node or CSV column the location is about, e.g. `touchpoints[3].owner`. */
  path?: string;
}

export interface Finding {
  /** Stable rule id, `family/name`. */
  rule: string;
  severity: Severity;
  /** Which of the rule's `meta.messages` templates the message was rendered from. */
  messageId: string;
  /** The facts the rule found (days, segments, values), typed per rule; the message is made from them. */
  data: Record<string, unknown>;
  /** The English message, rendered from the template and `data`. */
  message: string;
  touchpoint?: string;
  related?: string[];
  location: Location;
  /** Field the finding is about (`owner`, `metric.target`); part of the baseline fingerprint. */
  field?: string;
  /** Set when a waiver covers the finding; waived findings never fail a gate. */
  waived?: { reason: string; expires?: string };
  /** Set when a baseline covers the finding. */
  baselined?: boolean;
}

export type Unit =
  'ratio' | 'percent' | 'count' | 'seconds' | 'minutes' | 'hours' | 'days' | 'score';

export type Comparison = '>=' | '<=' | '>' | '<' | '==';

export interface MetricTarget {
  op: Comparison;
  /** The number to compare with, in the metric's unit (a `90%` target on a ratio metric is 0.9). */
  value: number;
  /** The target as written, for messages. */
  text: string;
}

/** The key of a per-segment target map that applies to every segment not named in it. */
export const DEFAULT_TARGET_KEY = 'default';

/** One segment's own target in a per-segment target map. */
export interface SegmentTarget {
  segment: string;
  target: MetricTarget;
}

export interface MetricSpec {
  name: string;
  /**
   * The target; with a per-segment map, its `default` entry. Undefined when the target is
   * missing or unparsable (reported by schema rules), or when a map has no `default`.
   */
  target?: MetricTarget;
  /**
   * Set when the target is a per-segment map (`{ enterprise: "<= 1h", default: "<= 48h" }`):
   * the targets of the segments it names, in the order written (`default` is `target`).
   * Values with segments are then judged per segment.
   */
  segmentTargets?: SegmentTarget[];
  unit?: Unit;
}

/**
 * A target standing for the metric's scale (is `72%` 0.72 or 72?): the one target, else a
 * per-segment map's default, else its first segment's. Undefined without any.
 */
export function representativeTarget(spec: MetricSpec | undefined): MetricTarget | undefined {
  return spec?.target ?? spec?.segmentTargets?.[0]?.target;
}

/** Whether the metric has a target to judge by: one target, a map's default or a segment's. */
export function hasTarget(spec: MetricSpec): boolean {
  return representativeTarget(spec) !== undefined;
}

/** Durations are normalised to days (fractions for minutes and hours). */
export type Days = number;

/**
 * The end of a recurrence: a lifecycle anchor's day, that day plus an offset (`go-live+90d`),
 * or an offset from the touchpoint's own anchor (`180d`).
 */
export type Until = { anchor: string; offset?: Days } | { offset: Days };

/** One phase of a cadence: recur every `every` until `until` (the last phase: to the end). */
export interface CadencePhase {
  every: Days;
  until?: Until;
}

export type Timing =
  | {
      kind: 'scheduled';
      anchor: string;
      /** The offset, or the earliest offset of a window (`at: 2d..3d`). */
      at: Days;
      /** The latest offset of a window; absent for a point in time. */
      latest?: Days;
      every?: Days;
      /**
       * A cadence that changes (`every: [{ every: 1w, until: go-live+90d }, { every: 2w }]`):
       * each phase recurs from the previous phase's last touch; `every` is then absent.
       */
      phases?: CadencePhase[];
      until?: Until;
    }
  | { kind: 'reactive'; trigger: string; sla?: Days }
  | { kind: 'continuous' }
  /**
   * A touch on the calendar, not the lifecycle (`{ calendar: monthly, day: 1 }`): it reaches
   * every customer on the same date, whatever their lifecycle day, so the timeline places it
   * at its worst-case alignment in each lane.
   */
  | { kind: 'calendar'; calendar: CalendarPeriod; day: number };

/** How often a calendar touch recurs. */
export type CalendarPeriod = 'weekly' | 'monthly' | 'quarterly';

export type TouchpointType = 'human' | 'digital' | 'product' | 'administrative';
export type Mode = 'proactive' | 'reactive';

/**
 * A touchpoint as loaded. Loading is lenient: a field that is missing or invalid is
 * `undefined` here (and reported by a rule), so later rules can still reason about the rest.
 */
export interface Touchpoint {
  id: string;
  name: string;
  stage?: string;
  purpose?: string;
  channel?: string;
  /** The owner id as written (may be a placeholder such as `TBD`). */
  owner?: string;
  /** Resolved segments: the listed ones, or every inventory segment when none are listed. */
  segments: string[];
  type?: TouchpointType;
  /** Defaults to `reactive` for reactive timings, `proactive` otherwise. */
  mode: Mode;
  transactional: boolean;
  /** The condition under which the touchpoint is sent (`when: no-site`): not every customer gets it. */
  when?: string;
  /** Touchpoint ids that never reach the same customer as this one. */
  excludes?: string[];
  /** Id of the deliberate sequence this touchpoint is a step of (`trial-reminders`). */
  sequence?: string;
  /**
   * The timing (with a timing per segment: the `default:` one, or the first listed), which
   * decides the mode and what kind of touchpoint this is.
   */
  timing?: Timing;
  /**
   * A timing per segment (`timing: { enterprise: { … }, default: { … } }`): each lane uses its
   * segment's entry, or `default`; a lane with neither gets no scheduled touch from it.
   */
  segmentTimings?: Record<string, Timing>;
  metric?: MetricSpec;
  meta?: Record<string, unknown>;
  /** Position of the touchpoint entry (its `id` key, or the start of the mapping). */
  location: Location;
  /** Position of each field by dotted path relative to the touchpoint: `owner`, `timing.anchor`. */
  fields: Record<string, Location>;
}

export interface Owner {
  id: string;
  name?: string;
  contact?: string;
  /** Most touchpoints this owner should carry (`ownerless/over-capacity`). */
  capacity?: number;
  location: Location;
}

export interface Journey {
  /** Preset name (`b2b-saas`, `b2c`), or undefined for an explicit list. */
  preset?: string;
  stages: string[];
  /** Per stage, the segments it applies to (`{ id: trial, segments: [trial] }`); absent: all. */
  applies?: Record<string, string[]>;
}

export interface Inventory {
  version: number;
  name?: string;
  journey: Journey;
  segments: string[];
  /** Anchor event → day on the reference customer timeline. */
  lifecycle: Record<string, Days>;
  /**
   * Per segment, the anchor days that differ from `lifecycle` (enterprise goes live on day 45):
   * that segment's lane places touches on its own days. Absent when no segment sets any.
   */
  segmentLifecycles?: Record<string, Record<string, Days>>;
  /** The roster, or undefined when the inventory has no `owners:` (any owner accepted). */
  owners?: Owner[];
  touchpoints: Touchpoint[];
  /** Groups of touchpoint ids or `when:` labels of which exactly one reaches a customer. */
  exclusive?: string[][];
  /** The part of the journey the inventory audits; stages outside it are neither gaps nor scored. */
  scope?: { stages: string[] };
  /** The files the inventory was merged from, as given (relative paths stay relative). */
  files: string[];
  /**
   * Positions of top-level keys (`journey`, `segments`, `lifecycle`) in the first file holding
   * them, and of the items of `exclusive`, `scope` and journey stages' `segments` by dotted path as loaded (`exclusive.0.2`:
   * the third id of the first group; `scope.stages.1`; `journey.trial.segments.0`).
   */
  locations: Record<string, Location>;
}

/** Description of a rule, printed by `touchpoint rules` and `touchpoint explain`. */
export interface RuleMeta {
  id: string;
  defaultSeverity: Severity;
  description: string;
  rationale: string;
  fix: string;
  /** Message templates by message id: `{{key}}` and `{{key|format}}` are filled from a finding's data. */
  messages: Readonly<Record<string, string>>;
  /**
   * Share of a touchpoint's hygiene pillar each of the rule's findings naming it costs (0.25:
   * four empty it). Rules without it do not touch hygiene.
   */
  hygiene?: number;
  /**
   * The rule judges the inventory as a whole (an absence, the timeline, a reference to what
   * another file declares). It does not run when an inventory file could not be parsed: its
   * findings would be about what the unread file holds.
   */
  wholeInventory?: true;
}
