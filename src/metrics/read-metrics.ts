import type { Config } from '../config/config.js';
import { inputError } from '../i18n/worded-error.js';
import type { Inventory } from '../types.js';
import { Aggregator } from './aggregate.js';
import { basename } from 'node:path';
import { RowDecoder, type ReadSettings } from './decode-rows.js';
import { findSource } from './detect-format.js';
import { localeDateOrder, localeDecimal } from './locale.js';
import type { MetricPeriod } from './period.js';
import type { EncodingChoice } from './decode-text.js';
import { describeFile, type DescribeInput } from './describe.js';
import { ProblemLog } from './problems.js';
import type { Dialect } from './sniff.js';
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
  if (source?.section !== undefined) settings.section = source.section;
  const configMark = config.locale === undefined ? undefined : localeDecimal(config.locale);
  if (configMark !== undefined) settings.configDecimal = configMark;
  return settings;
}

/** Files `-m` is sometimes given by mistake: an inventory or a config is not a metric table. */
const NOT_TABLES = /\.(?:ya?ml|json)$/i;

/** What one file's pass collected for its description, besides the row counts. */
type FileFacts = Omit<DescribeInput, 'read' | 'bounded'>;

async function readFile(file: string, agg: Aggregator, config: Config): Promise<FileFacts> {
  if (NOT_TABLES.test(file)) {
    throw inputError('err.metricsYaml', { file });
  }
  agg.startFile(file);
  const log = new ProblemLog(file, agg.problems);
  let decoder: RowDecoder | undefined;
  let dialect: Dialect | undefined;
  let encoding: EncodingChoice = { encoding: 'utf-8', by: 'default', reason: 'not read' };
  const settings = settingsFor(file, config);
  await readRows(
    file,
    {
      start: (sniffed, stop) => {
        dialect = sniffed;
        decoder = new RowDecoder(file, sniffed, agg, log, config.sources, stop, settings);
        return decoder.onRecord;
      },
      fileProblem: (problem) => {
        if (problem.kind === 'not-text') {
          const what = problem.reason === 'nul-bytes' ? 'NUL bytes' : 'control characters';
          throw inputError('err.metricsBinary', { file }, { what });
        }
        log.fileProblem(problem);
      },
      broken: (problem, line) => {
        agg.current.bad++;
        log.badRow(problem, line);
      },
      decoded: (read, damage) => {
        encoding = read;
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
  const facts: FileFacts = { file, encoding };
  if (dialect !== undefined) facts.dialect = dialect;
  if (decoder !== undefined) facts.table = decoder.facts();
  return facts;
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
    config.ignore,
  );
  const facts: FileFacts[] = [];
  for (const file of files) facts.push(await readFile(file, agg, config));
  noteUnusedSources(files, config, agg);
  const result = agg.finish();
  const bounded = options.period?.since !== undefined || options.period?.asOf !== undefined;
  result.descriptions = facts.map((fileFacts, i) => {
    const read = result.reads[i];
    if (read === undefined) throw new Error(`no row counts for ${fileFacts.file}`);
    return describeFile({ ...fileFacts, read, bounded });
  });
  return result;
}
