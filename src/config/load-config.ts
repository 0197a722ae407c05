import { stat } from 'node:fs/promises';
import { readInputFile } from '../fs/read-input.js';
import path from 'node:path';
import { FindingsError } from '../errors.js';
import type { ErrorWording } from '../errors.js';
import { inputError, wordedInputError, withLines, wording } from '../i18n/worded-error.js';
import { durationRangeProblem, parseDuration } from '../inventory/duration.js';
import type { DurationRange } from '../inventory/duration.js';
import type { YamlSource } from '../yaml/yaml-source.js';
import { getValidator } from '../schema/validators.js';
import { translateSchemaErrors } from '../schema/translate-errors.js';
import type { Finding } from '../types.js';
import { globIssue } from '../text/glob.js';
import { decodeText, locate, parseYaml } from '../yaml/yaml-source.js';
import { unsafeRegexReason } from '../text/alias-pattern.js';
import { isLang } from '../i18n/lang.js';
import { defaultConfig } from './config.js';
import type {
  AccountsMapping,
  Config,
  DensityLimit,
  EventsMapping,
  LimitOverrides,
  MetricSource,
  RuleSetting,
  Waiver,
} from './config.js';

export const CONFIG_FILE_NAMES = ['touchpoint.config.yaml', 'touchpoint.config.yml'] as const;

/** The nearest `touchpoint.config.yaml` in `startDir` or any folder above it. */
export async function findConfigFile(startDir: string): Promise<string | undefined> {
  let dir = path.resolve(startDir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      const info = await stat(candidate).catch(() => undefined);
      if (info?.isFile()) return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

type Mapping = Record<string, unknown>;
const isMapping = (value: unknown): value is Mapping =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * A `schema/invalid` finding of the config: its message id and facts. The message is rendered
 * where the error is worded (`renderFindingsError`): this layer does not know the catalogue.
 */
function invalid(
  messageId: string,
  data: Record<string, unknown>,
  location: Finding['location'],
): Finding {
  return { rule: 'schema/invalid', severity: 'error', messageId, data, message: '', location };
}

function days(value: unknown, fallback: number): number {
  return typeof value === 'string' ? (parseDuration(value) ?? fallback) : fallback;
}

function durationOverrides(raw: unknown, fallback: number): Record<string, number> {
  const out: Record<string, number> = Object.create(null) as Record<string, number>;
  if (!isMapping(raw)) return out;
  for (const [key, value] of Object.entries(raw)) out[key] = days(value, fallback);
  return out;
}

function limits(raw: unknown, fallback: number): LimitOverrides<number> {
  const section = isMapping(raw) ? raw : {};
  const base = days(section.window ?? section.max, fallback);
  return {
    default: base,
    segments: durationOverrides(section.segments, base),
    channels: durationOverrides(section.channels, base),
  };
}

function densityLimit(raw: unknown, fallback: DensityLimit): DensityLimit {
  if (!isMapping(raw)) return fallback;
  return {
    max: typeof raw.max === 'number' ? raw.max : fallback.max,
    window: days(raw.window, fallback.window),
  };
}

function densityLimits(raw: unknown, fallback: DensityLimit): LimitOverrides<DensityLimit> {
  const section = isMapping(raw) ? raw : {};
  const base = densityLimit(section, fallback);
  const map = (value: unknown): Record<string, DensityLimit> =>
    Object.fromEntries(
      Object.entries(isMapping(value) ? value : {}).map(([k, v]) => [k, densityLimit(v, base)]),
    );
  return { default: base, segments: map(section.segments), channels: map(section.channels) };
}

/** Each config duration and the range it must be in (DESIGN §8: documented bounds). */
const CONFIG_DURATIONS: readonly [path: string, range: DurationRange][] = [
  ['horizon', 'positive'],
  ['period', 'positive'],
  ['freshness', 'length'],
  ['collision.window', 'length'],
  ['collision.segments.*', 'length'],
  ['collision.channels.*', 'length'],
  ['density.window', 'positive'],
  ['density.segments.*.window', 'positive'],
  ['density.channels.*.window', 'positive'],
  ['silence.max', 'length'],
  ['silence.segments.*', 'length'],
  ['silence.channels.*', 'length'],
];

/** Durations that parse but fall outside their range, as positioned findings. */
function durationRangeFindings(source: YamlSource, raw: Mapping): Finding[] {
  const findings: Finding[] = [];
  const visit = (
    value: unknown,
    steps: readonly string[],
    path: string[],
    range: DurationRange,
  ): void => {
    const [step, ...more] = steps;
    if (step === undefined) {
      const days = typeof value === 'string' ? parseDuration(value) : undefined;
      if (days === undefined || durationRangeProblem(days, range) === undefined) return;
      // The duration as written, its first 40 characters.
      const data = { field: path.join('.'), value: String(value).slice(0, 40), range };
      findings.push(invalid('configRange', data, locate(source, path, 'value')));
      return;
    }
    if (!isMapping(value)) return;
    const keys = step === '*' ? Object.keys(value) : [step];
    for (const key of keys) {
      if (Object.hasOwn(value, key)) visit(value[key], more, [...path, key], range);
    }
  };
  for (const [path, range] of CONFIG_DURATIONS) visit(raw, path.split('.'), [], range);
  return findings;
}

/** `ignore:` and waiver globs that could not be matched in bounded time. */
function globFindings(source: YamlSource, raw: Mapping): Finding[] {
  const globs: [path: (string | number)[], pattern: unknown][] = [];
  if (Array.isArray(raw.ignore))
    raw.ignore.forEach((p: unknown, i) => globs.push([['ignore', i], p]));
  if (Array.isArray(raw.waivers)) {
    raw.waivers.forEach((waiver: unknown, i) => {
      if (!isMapping(waiver)) return;
      globs.push(
        [['waivers', i, 'rule'], waiver.rule],
        [['waivers', i, 'touchpoint'], waiver.touchpoint],
      );
    });
  }
  const findings: Finding[] = [];
  for (const [path, pattern] of globs) {
    const issue = typeof pattern === 'string' ? globIssue(pattern) : undefined;
    if (issue === undefined) continue;
    const location = locate(source, path, 'value');
    findings.push(
      issue.kind === 'empty'
        ? invalid('emptyGlob', {}, location)
        : invalid('globTooManyStars', { limit: issue.limit, stars: issue.stars }, location),
    );
  }
  return findings;
}

/**
 * Reads and validates a config file into a full `Config` (defaults filled in). A config that
 * cannot be used stops the run: an `InputError` (exit 2) listing each problem with its position.
 */
export async function loadConfig(
  file: string,
  displayPath = file,
  maxInputBytes?: number,
): Promise<Config> {
  const bytes = await readInputFile(file, displayPath, 'config file', maxInputBytes);
  const decoded = decodeText(bytes, displayPath);
  if (decoded.finding) throw new FindingsError([decoded.finding]);
  const config = parseConfigText(decoded.text ?? '', displayPath);
  if (config.waiversFile !== undefined) {
    // `waivers: waivers.yaml` keeps accepted findings in a file of their own (DESIGN §5.1).
    const relative = config.waiversFile;
    const waiversPath = path.resolve(path.dirname(file), relative);
    const waiversDisplay = path.join(path.dirname(displayPath), relative).split(path.sep).join('/');
    const text = new TextDecoder().decode(
      await readInputFile(
        waiversPath,
        waiversDisplay,
        wording('noun.waiversFileIn', { file: displayPath }),
        maxInputBytes,
      ),
    );
    const waivers = parseConfigText(text, waiversDisplay);
    const { waivers: list, file: _file, ...rest } = waivers;
    const { waivers: _none, file: _noFile, ...defaults } = defaultConfig();
    if (JSON.stringify(rest) !== JSON.stringify(defaults)) {
      throw inputError('err.waiversOnly', { file: waiversDisplay });
    }
    config.waivers = list;
  }
  const accounts = config.events?.accounts;
  if (accounts?.file !== undefined && !path.isAbsolute(accounts.file)) {
    // Like waivers: a relative accounts file is found beside the config, wherever it is run from.
    accounts.file = path.join(path.dirname(file), accounts.file);
  }
  return config;
}

const READINGS = ['value', 'ratio', 'aggregate'] as const;

/**
 * What the schema cannot say about `sources:` and `aliases:`: each metric has exactly one of
 * value, ratio or aggregate, and a `/regex/` alias compiles and cannot backtrack for ever.
 */
function sourceProblems(
  raw: Mapping,
  source: Parameters<typeof locate>[0],
  file: string,
): ErrorWording[] | undefined {
  const problems: ErrorWording[] = [];
  const at = (path: (string | number)[], problem: ErrorWording): void => {
    const where = locate(source, path, 'key');
    problems.push(wording('err.at', { file, line: where.line, column: where.column }, { problem }));
  };
  (Array.isArray(raw.sources) ? (raw.sources as unknown[]) : []).forEach((entry, i) => {
    if (!isMapping(entry) || !Array.isArray(entry.metrics)) return;
    (entry.metrics as unknown[]).forEach((metric, j) => {
      if (!isMapping(metric)) return;
      const given = READINGS.filter((key) => metric[key] !== undefined);
      if (given.length !== 1)
        at(
          ['sources', i, 'metrics', j],
          given.length === 0
            ? wording('err.metricNeedsReading')
            : wording('err.metricOneReading', {}, { given: keyList(given) }),
        );
    });
  });
  for (const key of Object.keys(isMapping(raw.aliases) ? raw.aliases : {})) {
    const reason = unsafeRegexReason(key);
    if (reason !== undefined) at(['aliases', key], wording('err.aliasPattern', { key, reason }));
  }
  return problems.length === 0 ? undefined : problems;
}

/** Two or three config keys joined (`value and ratio`), as the language joins them. */
function keyList(keys: readonly string[]): ErrorWording {
  const [a = '', b = '', c = ''] = keys;
  return keys.length > 2 ? wording('err.threeKeys', { a, b, c }) : wording('err.twoKeys', { a, b });
}

/** Parses config text; see `loadConfig`. An empty file is an empty config. */
export function parseConfigText(text: string, file: string): Config {
  const config = defaultConfig();
  config.file = file;
  if (text.trim() === '') return config;
  const parsed = parseYaml(text, file);
  if (!parsed.source) throw new FindingsError(parsed.findings, 'invalid config');
  const source = parsed.source;
  const validate = getValidator('config');
  if (!validate(source.data)) {
    const findings = isMapping(source.data)
      ? translateSchemaErrors(validate.errors ?? [], source, { noun: 'config' })
      : [invalid('configNotMapping', {}, locate(source, [], 'value'))];
    throw new FindingsError(findings, 'invalid config');
  }
  const raw = source.data as Mapping;
  const problems = [...durationRangeFindings(source, raw), ...globFindings(source, raw)];
  if (problems.length > 0) throw new FindingsError(problems, 'invalid config');
  if (isMapping(raw.rules)) config.rules = { ...(raw.rules as Record<string, RuleSetting>) };
  config.horizon = days(raw.horizon, config.horizon);
  config.collisionWindow = limits(raw.collision, config.collisionWindow.default);
  config.density = densityLimits(raw.density, config.density.default);
  config.silence = limits(raw.silence, config.silence.default);
  config.freshness = days(raw.freshness, config.freshness);
  config.period = days(raw.period, config.period);
  if (typeof raw.asOf === 'string') {
    const ms = Date.parse(`${raw.asOf}T00:00:00Z`);
    // Date.parse rolls 2026-02-30 over to March: only a date that reads back the same is one.
    if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== raw.asOf) {
      const at = locate(source, ['asOf'], 'value');
      const problem = wording('err.asOfNotDate', { value: JSON.stringify(raw.asOf) });
      throw wordedInputError(
        withLines(wording('err.invalidConfig'), [
          wording('err.at', { file, line: at.line, column: at.column }, { problem }),
        ]),
      );
    }
    config.asOf = raw.asOf;
  }
  if (isLang(raw.lang)) config.lang = raw.lang;
  if (isMapping(raw.scoring)) {
    const scoring = raw.scoring;
    if (isMapping(scoring.weights)) Object.assign(config.scoring.weights, scoring.weights);
    if (isMapping(scoring.grades)) Object.assign(config.scoring.grades, scoring.grades);
    if (isMapping(scoring.stages))
      config.scoring.stages = { ...(scoring.stages as Record<string, number>) };
  }
  if (Array.isArray(raw.channels)) config.channels = raw.channels as string[];
  if (isMapping(raw.aliases)) config.aliases = { ...(raw.aliases as Record<string, string>) };
  if (Array.isArray(raw.ignore)) config.ignore = raw.ignore as string[];
  if (typeof raw.waivers === 'string') config.waiversFile = raw.waivers;
  if (Array.isArray(raw.waivers)) {
    config.waivers = (raw.waivers as Mapping[]).map((entry, index) => ({
      ...(entry as unknown as Waiver),
      location: locate(source, ['waivers', index], 'value'),
    }));
  }
  const mappingProblem = sourceProblems(raw, source, file);
  if (mappingProblem !== undefined)
    throw wordedInputError(withLines(wording('err.invalidConfig'), mappingProblem));
  if (Array.isArray(raw.sources)) {
    config.sources = (raw.sources as Mapping[]).map((entry, index) => ({
      ...(entry as unknown as MetricSource),
      location: locate(source, ['sources', index], 'value'),
    }));
  }
  if (typeof raw.locale === 'string') config.locale = raw.locale;
  if (isMapping(raw.events)) {
    const { accounts, ...columns } = raw.events as EventsMapping & { accounts?: unknown };
    config.events = { ...columns };
    if (typeof accounts === 'string') config.events.accounts = { file: accounts };
    else if (isMapping(accounts)) config.events.accounts = { ...(accounts as AccountsMapping) };
  }
  return config;
}
