import path from 'node:path';
import { InputError } from '../errors.js';
import { expandInputs } from '../fs/expand-inputs.js';
import { readInputFile } from '../fs/read-input.js';
import { getValidator } from '../schema/validators.js';
import { translateSchemaErrors } from '../schema/translate-errors.js';
import { DEFAULT_TARGET_KEY } from '../types.js';
import type {
  CadencePhase,
  Finding,
  Inventory,
  Journey,
  Location,
  MetricSpec,
  Owner,
  Timing,
  Touchpoint,
  TouchpointType,
  Unit,
} from '../types.js';
import { decodeText, locate, mappingKeys, parseYaml, valueAt } from '../yaml/yaml-source.js';
import type { YamlPath, YamlSource } from '../yaml/yaml-source.js';
import { durationRangeProblem, parseDuration } from './duration.js';
import type { DurationRange } from './duration.js';
import { parseUntil } from './until.js';
import { parseWindow } from './window.js';
import { JOURNEY_PRESETS } from './journeys.js';
import { parseTargets } from './metric-target.js';

export interface LoadOptions {
  /** Directory relative inputs are resolved against (default: the working directory). */
  cwd?: string;
  /** Reads standard input, for the `-` input. */
  readStdin?: () => Promise<string>;
  /** Largest file read, in bytes (default `DEFAULT_MAX_INPUT_BYTES`, 64 MiB). */
  maxInputBytes?: number;
}

export interface LoadedInventory {
  inventory: Inventory;
  /** `schema/syntax`, `schema/invalid`, `schema/unknown-key` and `schema/duplicate-id` findings. */
  findings: Finding[];
}

/** An inventory file's text, already read: for stdin, tests and editors. */
export interface InventoryText {
  file: string;
  text: string;
}

type Mapping = Record<string, unknown>;

/**
 * A problem's message id and facts. Its message is rendered later from the `schema/*` rule's
 * templates (`renderLoaderFindings`): this layer does not know the rule catalogue.
 */
const problem = (
  messageId: string,
  data: Record<string, unknown> = {},
): Pick<Finding, 'messageId' | 'data' | 'message'> => ({ messageId, data, message: '' });

/** The message and facts naming a duration field of a lifecycle or a touchpoint. */
type DurationField = { messageId: string; data: Record<string, unknown> };

const isMapping = (value: unknown): value is Mapping =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

const isConfigFile = (name: string): boolean => /^touchpoint\.config\.ya?ml$/.test(name);

/** How inventory arguments (files, directories, globs) expand into files. */
export const INVENTORY_FILES = {
  extensions: ['yaml', 'yml'],
  exclude: isConfigFile,
  what: 'inventory files (*.yaml, *.yml)',
} as const;

/**
 * Loads one or more inventory files, directories or globs (or `-` for stdin) and merges them
 * into one inventory. Problems in the files are returned as findings with positions; only a
 * path that cannot be found or read throws (an `InputError`, exit 2).
 */
export async function loadInventory(
  inputs: readonly string[],
  options: LoadOptions = {},
): Promise<LoadedInventory> {
  const cwd = options.cwd ?? path.resolve();
  const files = await expandInputs(inputs, { cwd, ...INVENTORY_FILES });
  const texts: InventoryText[] = [];
  const findings: Finding[] = [];
  for (const file of files) {
    if (file === '-') {
      if (!options.readStdin) throw new InputError('-: standard input is not available here');
      texts.push({ file: '<stdin>', text: await options.readStdin() });
      continue;
    }
    const bytes = await readInputFile(path.resolve(cwd, file), file, 'file', options.maxInputBytes);
    const decoded = decodeText(bytes, file);
    if (decoded.finding) findings.push(decoded.finding);
    else texts.push({ file, text: decoded.text ?? '' });
  }
  const loaded = parseInventoryTexts(texts);
  return { inventory: loaded.inventory, findings: [...findings, ...loaded.findings] };
}

/** Parses, validates and merges inventory texts that are already in memory. */
export function parseInventoryTexts(texts: readonly InventoryText[]): LoadedInventory {
  const merger = new InventoryMerger();
  for (const { file, text } of texts) {
    merger.files.push(file);
    const parsed = parseYaml(text, file);
    merger.findings.push(...parsed.findings);
    if (!parsed.source) continue;
    const source = parsed.source;
    if (!isMapping(source.data)) {
      merger.findings.push({
        rule: 'schema/invalid',
        severity: 'error',
        ...problem('fileNotMapping'),
        location: locate(source, [], 'value'),
      });
      continue;
    }
    const validate = getValidator('inventory');
    if (!validate(source.data)) {
      merger.findings.push(
        ...translateSchemaErrors(validate.errors ?? [], source, {
          noun: 'inventory',
          // Owners are the ownerless family's business: reported once, there (DESIGN §4).
          skip: (p, missing) =>
            (missing === 'owner' && p[0] === 'touchpoints' && p.length === 2) ||
            (p[0] === 'touchpoints' && p[2] === 'owner' && p.length === 3),
        }),
      );
    }
    merger.add(source, source.data);
  }
  return { inventory: merger.finish(), findings: merger.findings };
}

class InventoryMerger {
  readonly files: string[] = [];
  readonly findings: Finding[] = [];
  private version = 1;
  private name?: string;
  private journey?: { value: unknown; location: Location };
  private segments: string[] = [];
  private segmentsDeclared = false;
  private readonly segmentLifecycles: Record<string, Record<string, number>> = Object.create(
    null,
  ) as Record<string, Record<string, number>>;
  private readonly lifecycle: Record<string, number> = Object.create(null) as Record<
    string,
    number
  >;
  private owners?: Owner[];
  private readonly exclusive: string[][] = [];
  private scope?: string[];
  private readonly touchpoints: { touchpoint: Touchpoint; explicitSegments: boolean }[] = [];
  private readonly ids = new Map<string, Location>();
  private readonly ownerIds = new Map<string, Location>();
  // Keyed by the user's keys: no prototype, so `__proto__` or `toString` is just a key.
  private readonly locations: Record<string, Location> = Object.create(null) as Record<
    string,
    Location
  >;

  add(source: YamlSource, data: Mapping): void {
    for (const { key, location } of mappingKeys(source, [])) {
      this.locations[key] ??= location;
    }
    if (data.version === 1) this.version = 1;
    this.name ??= str(data.name);
    if (data.journey !== undefined) {
      const location = locate(source, ['journey'], 'value');
      if (this.journey && JSON.stringify(this.journey.value) !== JSON.stringify(data.journey)) {
        this.conflict('journey', location, this.journey.location);
      }
      this.journey ??= { value: data.journey, location };
      if (this.journey.value === data.journey) this.locateStageSegments(source, data.journey);
    }
    if (Array.isArray(data.segments)) {
      this.segmentsDeclared = true;
      data.segments.forEach((segment: unknown, i) => {
        const id =
          typeof segment === 'string' ? segment : isMapping(segment) ? str(segment.id) : undefined;
        if (id === undefined) return;
        if (!this.segments.includes(id)) this.segments.push(id);
        if (isMapping(segment) && isMapping(segment.lifecycle))
          this.addLifecycle(source, segment.lifecycle, ['segments', i, 'lifecycle'], id);
      });
    }
    if (isMapping(data.lifecycle)) this.addLifecycle(source, data.lifecycle);
    if (Array.isArray(data.exclusive)) {
      data.exclusive.forEach((group: unknown, g) => {
        if (!Array.isArray(group)) return;
        const at = this.exclusive.length;
        const ids: string[] = [];
        group.forEach((id: unknown, i) => {
          if (typeof id !== 'string') return;
          this.locations[`exclusive.${String(at)}.${String(ids.length)}`] ??= locate(
            source,
            ['exclusive', g, i],
            'value',
          );
          ids.push(id);
        });
        this.exclusive.push(ids);
      });
    }
    if (isMapping(data.scope) && Array.isArray(data.scope.stages)) {
      this.scope ??= [];
      const scope = this.scope;
      data.scope.stages.forEach((stage: unknown, i) => {
        if (typeof stage !== 'string' || scope.includes(stage)) return;
        this.locations[`scope.stages.${String(scope.length)}`] ??= locate(
          source,
          ['scope', 'stages', i],
          'value',
        );
        scope.push(stage);
      });
    }
    if (Array.isArray(data.owners)) {
      this.owners ??= [];
      data.owners.forEach((raw, index) => {
        this.addOwner(source, raw, index);
      });
    }
    if (Array.isArray(data.touchpoints)) {
      data.touchpoints.forEach((raw, index) => {
        this.addTouchpoint(source, raw, index);
      });
    }
  }

  private conflict(key: string, location: Location, first: Location): void {
    this.findings.push({
      rule: 'schema/invalid',
      severity: 'error',
      ...problem('conflict', { key, firstFile: first.file, firstLine: first.line }),
      location,
      field: key,
    });
  }

  /**
   * Adds lifecycle events: the inventory's (`lifecycle:`), or a segment's own days for them
   * (`segments: [{ id: enterprise, lifecycle: { go-live: 45d } }]`).
   */
  private addLifecycle(
    source: YamlSource,
    lifecycle: Mapping,
    path: YamlPath = ['lifecycle'],
    segment?: string,
  ): void {
    const target =
      segment === undefined
        ? this.lifecycle
        : (this.segmentLifecycles[segment] ??= Object.create(null) as Record<string, number>);
    for (const [anchor, raw] of Object.entries(lifecycle)) {
      let days = typeof raw === 'string' ? parseDuration(raw) : undefined;
      if (days === undefined) continue;
      const what: DurationField =
        segment === undefined
          ? { messageId: 'lifecycleRange', data: { anchor } }
          : { messageId: 'segmentLifecycleRange', data: { anchor, segment } };
      // Out of range: reported, and the event stays declared but off the timeline (NaN).
      if (this.outOfRange(source, [...path, anchor], what, days, 'offset')) days = Number.NaN;
      const existing = Object.hasOwn(target, anchor) ? target[anchor] : undefined;
      if (existing !== undefined && !Object.is(existing, days)) {
        this.conflict(
          segment === undefined ? `lifecycle.${anchor}` : `segments.${segment}.lifecycle.${anchor}`,
          locate(source, [...path, anchor], 'key'),
          this.locations.lifecycle ?? locate(source, [], 'value'),
        );
        continue;
      }
      target[anchor] = days;
    }
  }

  /** Reports a duration outside its documented range (a positioned `schema/invalid`). */
  private outOfRange(
    source: YamlSource,
    path: YamlPath,
    what: DurationField,
    days: number,
    range: DurationRange,
  ): boolean {
    if (durationRangeProblem(days, range) === undefined) return false;
    const raw = valueAt(source, path);
    const value = typeof raw === 'string' ? raw : String(days);
    this.findings.push({
      rule: 'schema/invalid',
      severity: 'error',
      ...problem(what.messageId, { ...what.data, value, range }),
      location: locate(source, path, 'value'),
      field: formatField(path),
    });
    return true;
  }

  /** Reports a window (`at: 3d..2d`) whose end comes before its start. */
  private reversedWindow(
    source: YamlSource,
    path: YamlPath,
    what: DurationField,
    reversed: boolean,
  ) {
    if (!reversed) return false;
    const raw = valueAt(source, path);
    // The window as written, its first 40 characters.
    const value = typeof raw === 'string' ? raw.slice(0, 40) : '';
    this.findings.push({
      rule: 'schema/invalid',
      severity: 'error',
      ...problem('reversedWindow', { ...what.data, value }),
      location: locate(source, path, 'value'),
      field: formatField(path),
    });
    return true;
  }

  private addOwner(source: YamlSource, raw: unknown, index: number): void {
    if (!isMapping(raw) || typeof raw.id !== 'string') return;
    const location = locate(source, ['owners', index], 'value');
    const first = this.ownerIds.get(raw.id);
    if (first) {
      this.findings.push({
        rule: 'schema/duplicate-id',
        severity: 'error',
        ...problem('owner', { id: raw.id, firstFile: first.file, firstLine: first.line }),
        location: locate(source, ['owners', index, 'id'], 'value'),
        field: 'id',
      });
      return;
    }
    this.ownerIds.set(raw.id, location);
    const owner: Owner = { id: raw.id, location };
    if (typeof raw.name === 'string') owner.name = raw.name;
    if (typeof raw.contact === 'string') owner.contact = raw.contact;
    if (typeof raw.capacity === 'number' && Number.isInteger(raw.capacity) && raw.capacity >= 0) {
      owner.capacity = raw.capacity;
    }
    this.owners?.push(owner);
  }

  /** Positions of the segments explicit journey stages apply to (`journey.trial.segments.0`). */
  private locateStageSegments(source: YamlSource, journey: unknown): void {
    if (!Array.isArray(journey)) return;
    journey.forEach((entry: unknown, i) => {
      if (!isMapping(entry) || typeof entry.id !== 'string' || !Array.isArray(entry.segments))
        return;
      const id = entry.id;
      let kept = 0;
      entry.segments.forEach((segment: unknown, j) => {
        if (typeof segment !== 'string') return;
        this.locations[`journey.${id}.segments.${String(kept++)}`] ??= locate(
          source,
          ['journey', i, 'segments', j],
          'value',
        );
      });
    });
  }

  private addTouchpoint(source: YamlSource, raw: unknown, index: number): void {
    if (!isMapping(raw) || typeof raw.id !== 'string' || raw.id === '') return;
    const base: YamlPath = ['touchpoints', index];
    const location = locate(source, base, 'value');
    const first = this.ids.get(raw.id);
    if (first) {
      this.findings.push({
        rule: 'schema/duplicate-id',
        severity: 'error',
        ...problem('touchpoint', { id: raw.id, firstFile: first.file, firstLine: first.line }),
        location: locate(source, [...base, 'id'], 'value'),
        touchpoint: raw.id,
        field: 'id',
      });
      return;
    }
    this.ids.set(raw.id, location);
    const fields = fieldLocations(source, base);
    const id = raw.id;
    const bySegment = segmentTimings(raw.timing);
    const timings =
      bySegment === undefined
        ? undefined
        : Object.entries(bySegment).flatMap(([segment, value]): [string, Timing][] => {
            const checked = this.checkTimingRanges(
              source,
              [...base, 'timing', segment],
              id,
              buildTiming(value),
            );
            return checked === undefined ? [] : [[segment, checked]];
          });
    const timing =
      timings === undefined
        ? this.checkTimingRanges(source, [...base, 'timing'], raw.id, buildTiming(raw.timing))
        : (timings.find(([segment]) => segment === DEFAULT_TARGET_KEY) ?? timings[0])?.[1];
    const unit = isMapping(raw.metric) ? (str(raw.metric.unit) as Unit | undefined) : undefined;
    const touchpoint: Touchpoint = {
      id: raw.id,
      name: str(raw.name) ?? raw.id,
      segments: [],
      mode:
        raw.mode === 'reactive' || raw.mode === 'proactive'
          ? raw.mode
          : timing?.kind === 'reactive'
            ? 'reactive'
            : 'proactive',
      transactional: raw.transactional === true,
      location,
      fields,
    };
    const optional = {
      stage: str(raw.stage),
      purpose: str(raw.purpose),
      channel: str(raw.channel),
      owner: str(raw.owner),
      type: str(raw.type) as TouchpointType | undefined,
      timing,
      metric: buildMetric(raw.metric, unit),
      meta: isMapping(raw.meta) ? raw.meta : undefined,
      when: str(raw.when),
      sequence: str(raw.sequence),
      excludes: Array.isArray(raw.excludes)
        ? raw.excludes.filter((id): id is string => typeof id === 'string')
        : undefined,
    };
    for (const [key, value] of Object.entries(optional)) {
      if (value !== undefined) Object.assign(touchpoint, { [key]: value });
    }
    if (timings !== undefined && timings.length > 0)
      touchpoint.segmentTimings = Object.assign(
        Object.create(null) as Record<string, Timing>,
        Object.fromEntries(timings),
      );
    // A timing map without default: reaches the segments it names, unless segments: says.
    const mapSegments =
      bySegment !== undefined && !Object.hasOwn(bySegment, DEFAULT_TARGET_KEY)
        ? Object.keys(bySegment)
        : undefined;
    const explicitSegments = Array.isArray(raw.segments) || mapSegments !== undefined;
    if (Array.isArray(raw.segments)) {
      touchpoint.segments = (raw.segments as unknown[]).filter(
        (s): s is string => typeof s === 'string',
      );
    } else if (mapSegments !== undefined) touchpoint.segments = mapSegments;
    this.touchpoints.push({ touchpoint, explicitSegments });
  }

  /** Durations outside their ranges are reported; the field then counts as absent. */
  private checkTimingRanges(
    source: YamlSource,
    path: YamlPath,
    id: string,
    timing: Timing | undefined,
  ): Timing | undefined {
    if (timing === undefined) return undefined;
    const field = formatField(path);
    const what = (key: string): DurationField => ({
      messageId: 'timingRange',
      data: { field: `${field}.${key}`, touchpoint: id },
    });
    if (timing.kind === 'reactive') {
      if (
        timing.sla !== undefined &&
        this.outOfRange(source, [...path, 'sla'], what('sla'), timing.sla, 'length')
      )
        return { kind: 'reactive', trigger: timing.trigger };
      return timing;
    }
    if (timing.kind !== 'scheduled') return timing;
    // A touchpoint whose first day cannot be placed stays off the timeline.
    if (this.outOfRange(source, [...path, 'at'], what('at'), timing.at, 'offset')) return undefined;
    if (
      timing.latest !== undefined &&
      (this.outOfRange(source, [...path, 'at'], what('at'), timing.latest, 'offset') ||
        this.reversedWindow(source, [...path, 'at'], what('at'), timing.latest < timing.at))
    )
      return undefined;
    const { every, until, phases, ...rest } = timing;
    const checked: Timing = rest;
    const inRange = (phase: CadencePhase, i: number): boolean => {
      const at = [...path, 'every', i];
      const label: DurationField = {
        messageId: 'timingRange',
        data: { field: `${field}.every[${String(i)}]`, touchpoint: id },
      };
      if (this.outOfRange(source, [...at, 'every'], label, phase.every, 'positive')) return false;
      return !(
        phase.until?.offset !== undefined &&
        this.outOfRange(source, [...at, 'until'], label, phase.until.offset, 'offset')
      );
    };
    // One phase out of range drops the cadence (each bad phase is reported).
    if (phases !== undefined && phases.map(inRange).every(Boolean)) checked.phases = phases;
    if (
      every !== undefined &&
      !this.outOfRange(source, [...path, 'every'], what('every'), every, 'positive')
    )
      checked.every = every;
    if (
      until !== undefined &&
      !(
        until.offset !== undefined &&
        this.outOfRange(source, [...path, 'until'], what('until'), until.offset, 'offset')
      )
    )
      checked.until = until;
    return checked;
  }

  /** A timing per segment without `default:` must name every segment the touchpoint reaches. */
  private checkSegmentTimings(touchpoint: Touchpoint): void {
    const timings = touchpoint.segmentTimings;
    if (timings === undefined || Object.hasOwn(timings, DEFAULT_TARGET_KEY)) return;
    const missing = touchpoint.segments.filter((segment) => !Object.hasOwn(timings, segment));
    if (missing.length === 0) return;
    this.findings.push({
      rule: 'schema/invalid',
      severity: 'error',
      ...problem(missing.length === 1 ? 'missingSegmentTiming' : 'missingSegmentTimings', {
        touchpoint: touchpoint.id,
        segments: missing,
      }),
      location: touchpoint.fields.timing ?? touchpoint.location,
      touchpoint: touchpoint.id,
      field: 'timing',
    });
  }

  finish(): Inventory {
    // With no segments declared the audience is everyone, one undivided segment: touchpoints
    // keep `segments: []` and the timeline names it `ALL_SEGMENTS` (see `touchpointSegments`).
    const segments = this.segmentsDeclared ? this.segments : [];
    for (const { touchpoint, explicitSegments } of this.touchpoints) {
      if (!explicitSegments) touchpoint.segments = [...segments];
      this.checkSegmentTimings(touchpoint);
    }
    const journeyValue = this.journey?.value;
    const journey: Journey =
      typeof journeyValue === 'string'
        ? { preset: journeyValue, stages: [...(JOURNEY_PRESETS[journeyValue] ?? [])] }
        : explicitJourney(journeyValue);
    const inventory: Inventory = {
      version: this.version,
      journey,
      segments,
      lifecycle: { ...this.lifecycle },
      touchpoints: this.touchpoints.map((entry) => entry.touchpoint),
      files: this.files,
      locations: this.locations,
    };
    if (this.name !== undefined) inventory.name = this.name;
    if (this.owners) inventory.owners = this.owners;
    if (this.exclusive.length > 0) inventory.exclusive = this.exclusive;
    if (this.scope) inventory.scope = { stages: this.scope };
    if (Object.keys(this.segmentLifecycles).length > 0)
      inventory.segmentLifecycles = this.segmentLifecycles;
    return inventory;
  }
}

/** `['touchpoints', 3, 'timing', 'at']` → `timing.at`: the field a finding points at. */
function formatField(path: YamlPath): string {
  const named = path.filter((step): step is string => typeof step === 'string');
  return (named[0] === 'touchpoints' ? named.slice(1) : named).join('.');
}

/** An explicit journey: stage ids, or `{ id, segments }` for a stage only some segments pass. */
function explicitJourney(value: unknown): Journey {
  const journey: Journey = { stages: [] };
  if (!Array.isArray(value)) return journey;
  for (const entry of value) {
    if (typeof entry === 'string') journey.stages.push(entry);
    else if (isMapping(entry) && typeof entry.id === 'string') {
      journey.stages.push(entry.id);
      if (Array.isArray(entry.segments)) {
        journey.applies ??= Object.create(null) as Record<string, string[]>;
        journey.applies[entry.id] = entry.segments.filter(
          (s): s is string => typeof s === 'string',
        );
      }
    }
  }
  return journey;
}

function fieldLocations(source: YamlSource, base: YamlPath): Record<string, Location> {
  const fields: Record<string, Location> = Object.create(null) as Record<string, Location>;
  for (const { key, location } of mappingKeys(source, base)) {
    fields[key] = location;
    if (key === 'timing' || key === 'metric') {
      for (const nested of mappingKeys(source, [...base, key])) {
        fields[`${key}.${nested.key}`] = nested.location;
      }
    }
    // A per-segment target map: each segment key has a position of its own.
    if (key === 'metric') {
      for (const nested of mappingKeys(source, [...base, key, 'target'])) {
        fields[`metric.target.${nested.key}`] = nested.location;
      }
    }
  }
  return fields;
}

/** The keys a timing object has: a mapping with none of them is a timing per segment. */
const TIMING_KEYS = new Set([
  'anchor',
  'at',
  'every',
  'until',
  'trigger',
  'sla',
  'continuous',
  'calendar',
  'day',
]);

/**
 * A timing per segment (`timing: { enterprise: { … }, default: { … } }`), or undefined for one
 * timing: a non-empty mapping of mappings, none of whose keys is a timing key.
 */
function segmentTimings(raw: unknown): Mapping | undefined {
  if (!isMapping(raw)) return undefined;
  const entries = Object.entries(raw);
  if (entries.length === 0) return undefined;
  return entries.every(([key, value]) => !TIMING_KEYS.has(key) && isMapping(value))
    ? raw
    : undefined;
}

function buildTiming(raw: unknown): Timing | undefined {
  if (!isMapping(raw)) return undefined;
  if (typeof raw.trigger === 'string') {
    const sla = typeof raw.sla === 'string' ? parseDuration(raw.sla) : undefined;
    return sla === undefined
      ? { kind: 'reactive', trigger: raw.trigger }
      : { kind: 'reactive', trigger: raw.trigger, sla };
  }
  if (raw.continuous === true) return { kind: 'continuous' };
  if (typeof raw.calendar === 'string') {
    const calendar = raw.calendar;
    if (calendar !== 'weekly' && calendar !== 'monthly' && calendar !== 'quarterly')
      return undefined;
    return { kind: 'calendar', calendar, day: typeof raw.day === 'number' ? raw.day : 1 };
  }
  const anchor = str(raw.anchor);
  const point = typeof raw.at === 'string' ? parseDuration(raw.at) : undefined;
  const window =
    point === undefined && typeof raw.at === 'string' ? parseWindow(raw.at) : undefined;
  const at = window ? window.from : point;
  if (anchor === undefined || at === undefined) return undefined;
  const timing: Timing = { kind: 'scheduled', anchor, at };
  const every = typeof raw.every === 'string' ? parseDuration(raw.every) : undefined;
  if (window && window.to !== window.from) timing.latest = window.to;
  if (every !== undefined) timing.every = every;
  if (Array.isArray(raw.every)) {
    const phases = raw.every.map((phase: unknown): CadencePhase | undefined => {
      if (!isMapping(phase) || typeof phase.every !== 'string') return undefined;
      const interval = parseDuration(phase.every);
      if (interval === undefined) return undefined;
      return typeof phase.until === 'string'
        ? { every: interval, until: parseUntil(phase.until) }
        : { every: interval };
    });
    // A cadence with a phase the schema rejects counts as absent, like any invalid field.
    if (phases.length > 0 && phases.every((phase) => phase !== undefined)) timing.phases = phases;
  }
  if (typeof raw.until === 'string') timing.until = parseUntil(raw.until);
  return timing;
}

function buildMetric(raw: unknown, unit: Unit | undefined): MetricSpec | undefined {
  if (!isMapping(raw) || typeof raw.name !== 'string') return undefined;
  const metric: MetricSpec = { name: raw.name };
  const { target, segmentTargets } = parseTargets(raw.target, unit);
  if (target) metric.target = target;
  if (segmentTargets) metric.segmentTargets = segmentTargets;
  if (unit !== undefined) metric.unit = unit;
  return metric;
}
