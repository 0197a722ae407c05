import { loadConfig } from '../config/load-config.js';
import { TouchpointError } from '../errors.js';
import { defaultMetricInputs, locateConfig } from '../files/default-inputs.js';
import { DEFAULT_INVENTORY } from '../files/default-inventory.js';
import { EVENT_FILES, expandInputs, METRIC_FILES } from '../fs/expand-inputs.js';
import type { ExpandOptions } from '../fs/expand-inputs.js';
import { INVENTORY_FILES } from '../inventory/load-inventory.js';
import { TOOL_VERSION } from '../version.js';
import { findChromium } from './find-chromium.js';
import type { ConfigDiagnosis, Diagnosis, FileSearch, Runtime } from '../report.js';

export interface DoctorInput {
  /** Inventory arguments; none means the default, `touchpoints.yaml`. */
  inventory?: readonly string[];
  config?: string;
  metrics?: readonly string[];
  events?: readonly string[];
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  runtime: Runtime;
  /**
   * Words a user-facing error as the CLI would (an invalid config's findings get their
   * messages from the rule catalogue, which this layer does not load).
   */
  errorMessage: (error: TouchpointError) => string;
}

/** Environment variables the tool or its output depends on, in the order they are shown. */
export const RELEVANT_ENV = [
  'LC_ALL',
  'LC_MESSAGES',
  'LANG',
  'COLUMNS',
  'TZ',
  'CI',
  'GITHUB_ACTIONS',
  'GITHUB_STEP_SUMMARY',
  'NO_COLOR',
  'FORCE_COLOR',
  'CHROMIUM_PATH',
  'TOUCHPOINT_DEBUG',
] as const;

/** A user-facing failure becomes a problem to show; anything else is a bug and propagates. */
function problemOf(
  error: unknown,
  word: (error: TouchpointError) => string = (known) => known.message,
): string {
  if (error instanceof TouchpointError) return word(error);
  throw error;
}

async function search(
  inputs: readonly string[],
  defaulted: boolean,
  options: ExpandOptions,
  word: DoctorInput['errorMessage'],
): Promise<FileSearch> {
  const found: FileSearch = { inputs: [...inputs], defaulted, files: [] };
  if (inputs.length === 0) return found;
  try {
    found.files = await expandInputs(inputs, options);
  } catch (error) {
    found.problem = problemOf(error, word);
  }
  return found;
}

async function diagnoseConfig(
  input: DoctorInput,
  inventory: readonly string[],
): Promise<ConfigDiagnosis> {
  const located = await locateConfig(input.config, inventory, input.cwd);
  if (located === undefined) return { file: null, via: 'none' };
  const found: ConfigDiagnosis = { file: located.display, via: located.via };
  try {
    const config = await loadConfig(located.path, located.display);
    if (config.locale !== undefined) found.locale = config.locale;
    if (config.waiversFile !== undefined) found.waivers = config.waiversFile;
  } catch (error) {
    found.problem = problemOf(error, input.errorMessage);
  }
  return found;
}

/**
 * Finds what a run with these arguments would use — config file, inventories, metric exports,
 * event logs — and the environment around it (Node, platform, Chromium, locale). Never fails
 * on the user's files: what cannot be used is reported as a problem.
 */
export async function diagnose(input: DoctorInput): Promise<Diagnosis> {
  const { cwd } = input;
  const given = input.inventory !== undefined && input.inventory.length > 0;
  const inventory = given ? (input.inventory ?? []) : [DEFAULT_INVENTORY];
  const metricInputs = input.metrics ?? (await defaultMetricInputs(inventory, cwd));
  const intl = Intl.DateTimeFormat().resolvedOptions();
  const env: Record<string, string> = {};
  for (const name of RELEVANT_ENV) {
    const value = input.env[name];
    if (value !== undefined) env[name] = value;
  }
  return {
    version: 1,
    tool: { name: 'touchpoint-audit', version: TOOL_VERSION },
    runtime: input.runtime,
    cwd,
    config: await diagnoseConfig(input, inventory),
    inventories: await search(inventory, !given, { cwd, ...INVENTORY_FILES }, input.errorMessage),
    metrics: await search(
      metricInputs,
      input.metrics === undefined,
      { cwd, ...METRIC_FILES },
      input.errorMessage,
    ),
    events: await search(input.events ?? [], false, { cwd, ...EVENT_FILES }, input.errorMessage),
    chromium: findChromium(input.env),
    locale: { intl: intl.locale, timeZone: intl.timeZone },
    env,
  };
}
