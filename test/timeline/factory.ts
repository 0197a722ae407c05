/**
 * Builders for Inventory objects in tests, independent of the YAML loader.
 *
 * Positions are predictable: touchpoint `i` (0-based) starts at line 10 × (i + 1), column 5,
 * and its fields sit on the following lines (see FIELD_LINE).
 */
import { defaultConfig, type Config } from '../../src/config/config.js';
import type {
  Days,
  Inventory,
  Location,
  Owner,
  Timing,
  Touchpoint,
  Until,
} from '../../src/types.js';

export const FILE = 'touchpoints.yaml';

/** Line offset of each field from its touchpoint's first line. */
export const FIELD_LINE: Record<string, number> = {
  stage: 1,
  purpose: 2,
  channel: 3,
  owner: 4,
  timing: 5,
  metric: 6,
};

export function touchpointLine(index: number): number {
  return 10 * (index + 1);
}

export function fieldLocation(index: number, field: string): Location {
  const line = touchpointLine(index) + (FIELD_LINE[field] ?? 0);
  return { file: FILE, line, column: 5 + field.length + 2, path: `touchpoints[${index}].${field}` };
}

export type TouchpointInput = Partial<Omit<Touchpoint, 'location' | 'fields'>> & { id: string };

/** A fully documented proactive email touchpoint, with the given fields overridden. */
export function tp(input: TouchpointInput): TouchpointInput {
  return {
    name: input.id,
    stage: 'onboarding',
    purpose: `Help the customer succeed with ${input.id} early on.`,
    channel: 'email',
    owner: 'cs',
    segments: [],
    mode: 'proactive',
    transactional: false,
    metric: { name: 'open_rate', target: { op: '>=', value: 0.4, text: '>= 0.4' }, unit: 'ratio' },
    ...input,
  };
}

export function scheduled(anchor: string, at: Days, every?: Days, until?: Until): Timing {
  return {
    kind: 'scheduled',
    anchor,
    at,
    ...(every === undefined ? {} : { every }),
    ...(until === undefined ? {} : { until }),
  };
}

export interface InventoryInput {
  touchpoints: TouchpointInput[];
  stages?: string[];
  segments?: string[];
  lifecycle?: Record<string, Days>;
  owners?: (Partial<Owner> & { id: string })[] | undefined;
  withOwners?: boolean;
  locations?: Record<string, Location>;
}

/** An inventory with positions for every touchpoint, field and top-level key. */
export function inventory(input: InventoryInput): Inventory {
  const touchpoints: Touchpoint[] = input.touchpoints.map((raw, index) => {
    const fields: Record<string, Location> = {};
    for (const field of Object.keys(FIELD_LINE)) {
      if (raw[field as keyof TouchpointInput] !== undefined)
        fields[field] = fieldLocation(index, field);
    }
    return {
      name: raw.id,
      segments: [],
      mode: 'proactive',
      transactional: false,
      ...raw,
      location: {
        file: FILE,
        line: touchpointLine(index),
        column: 5,
        path: `touchpoints[${index}]`,
      },
      fields,
    };
  });
  const owners = input.owners?.map((owner, index) => ({
    location: { file: FILE, line: 3 + index, column: 5 },
    ...owner,
  }));
  return {
    version: 1,
    name: 'Test inventory',
    journey: { stages: input.stages ?? ['onboarding', 'adoption', 'renewal'] },
    segments: input.segments ?? [],
    lifecycle: input.lifecycle ?? { 'contract-start': 0, 'go-live': 14, renewal: 365 },
    ...(owners ? { owners } : {}),
    touchpoints,
    files: [FILE],
    locations: input.locations ?? {
      journey: { file: FILE, line: 2, column: 1, path: 'journey' },
      segments: { file: FILE, line: 3, column: 1, path: 'segments' },
    },
  };
}

export type ConfigPatch = {
  [K in keyof Config]?: Config[K] extends readonly unknown[]
    ? Config[K]
    : Config[K] extends object
      ? Partial<Config[K]>
      : Config[K];
};

/** The default config with top-level sections shallow-merged. */
export function config(patch: ConfigPatch = {}): Config {
  const base = defaultConfig();
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const current = (base as unknown as Record<string, unknown>)[key];
    merged[key] =
      typeof current === 'object' &&
      current !== null &&
      !Array.isArray(current) &&
      typeof value === 'object' &&
      !Array.isArray(value)
        ? { ...current, ...(value as Record<string, unknown>) }
        : value;
  }
  return merged as unknown as Config;
}
