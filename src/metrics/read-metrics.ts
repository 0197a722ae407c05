import type { Config } from '../config/config.js';
import { InputError } from '../errors.js';
import type { Inventory } from '../types.js';
import { Aggregator } from './aggregate.js';
import { basename } from 'node:path';
import { RowDecoder, type ReadSettings } from './decode-rows.js';
import { findSource } from './detect-format.js';
import { localeDateOrder, localeDecimal } from './locale.js';
import type { MetricPeriod } from './period.js';
import { ProblemLog } from './problems.js';
import { readRows } from './read-rows.js';
import type { MetricsResult } from './types.js';
import { noteUnusedFile, noteUnusedSources } from './mapping/unused.js';

export interface ReadMetricsOptions {
  config: Config;
  /** Used to read `72%` in each metric's unit and to spell metric names as the inventory does. */
  inventory?: Inventory;
  /** The window to aggregate over; default: the latest `config.period` days of data. */
  period?: MetricPeriod;
}

/** What the config says about reading one file: its `sources:` entry, then `locale:`. */
function settingsFor(file: string, config: Config): ReadSettings {
  const source = findSource(basename(file), config.sources);
  const settings: ReadSettings = {};
  const locale = source?.locale ?? config.locale;
  const order = source?.dateOrder ?? (locale === undefined ? undefined : localeDateOrder(locale));
  if (order !== undefined)
    settings.dateOrder = { order, by: source?.dateOrder === undefined ? 'locale' : 'config' };
  const sourceMark =
    source?.decimal ?? (source?.locale === undefined ? undefined : localeDecimal(source.locale));
  if (sourceMark !== undefined)
    settings.decimal = {
      mark: sourceMark,
      by: source?.decimal === undefined ? 'locale' : 'config',
    };
  if (source?.header !== undefined) settings.header = source.header;
  if (source?.skipRows !== undefined) settings.skipRows = source.skipRows;
  const configMark = config.locale === undefined ? undefined : localeDecimal(config.locale);
  if (configMark !== undefined) settings.configDecimal = configMark;
  return settings;
}

/** Files `-m` is sometimes given by mistake: an inventory or a config is not a metric table. */
const NOT_TABLES = /\.(?:ya?ml|json)$/i;

async function readFile(file: string, agg: Aggregator, config: Config): Promise<void> {
  if (NOT_TABLES.test(file)) {
    throw new InputError(
      `${file} is not a metric table (a YAML or JSON file): -m takes CSV exports; inventories are given without -m`,
    );
  }
  agg.startFile(file);
  const log = new ProblemLog(file, agg.problems);
  let decoder: RowDecoder | undefined;
  const settings = settingsFor(file, config);
  await readRows(
    file,
    {
      start: (dialect, stop) => {
        decoder = new RowDecoder(file, dialect, agg, log, config.sources, stop, settings);
        return decoder.onRecord;
      },
      fileProblem: (problem) => {
        if (problem.kind === 'not-text') {
          const what = problem.reason === 'nul-bytes' ? 'NUL bytes' : 'control characters';
          throw new InputError(
            `${file} is not a metric table (binary data: ${what}): -m takes CSV exports`,
          );
        }
        log.fileProblem(problem);
      },
      broken: (problem, line) => {
        agg.current.bad++;
        log.badRow(problem, line);
      },
      decoded: (_encoding, damage) => {
        if (damage === undefined) return;
        const { line, ...facts } = damage;
        log.fileProblem({ kind: 'undecodable-text', ...facts }, line);
      },
    },
    findSource(basename(file), config.sources)?.encoding,
  );
  decoder?.finish();
  log.finish();
  agg.endFile();
  if (decoder?.readHeaderOk === true) noteUnusedFile(file, agg);
}

/**
 * Streams metric exports (long, wide or config-mapped CSV) and aggregates, per touchpoint (after
 * `config.aliases`) and metric, the value over the period. Memory is bounded by touchpoints ×
 * metrics × period, never by row count. What is wrong in the files is returned as typed
 * `problems` (the `metrics/*` rules report them); a missing or unreadable file throws
 * `InputError`.
 */
export async function readMetrics(
  files: string[],
  options: ReadMetricsOptions,
): Promise<MetricsResult> {
  const { config } = options;
  const agg = new Aggregator(
    options.period ?? { days: config.period },
    config.aliases,
    options.inventory,
  );
  for (const file of files) await readFile(file, agg, config);
  noteUnusedSources(files, config, agg);
  return agg.finish();
}
