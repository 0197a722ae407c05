import { InvalidArgumentError, Option } from 'commander';
import type { Command } from 'commander';
import { FORMAT_NAMES, isFormatName } from '../reporters/index.js';
import type { FormatName } from '../reporters/index.js';
import type { ScorecardGrouping } from '../reporters/types.js';
import type { FailOn } from '../gate.js';
import type { ColorMode } from './io.js';
import { LANGS } from '../i18n/lang.js';
import type { Lang } from '../i18n/lang.js';

export interface OutputRequest {
  format: FormatName;
  /** Where to write; undefined means stdout. */
  file?: string;
}

/** Every flag any command takes, after commander parsed it. */
export interface CommandOptions {
  config?: string;
  printConfig?: boolean;
  format: OutputRequest[];
  output?: string;
  /** Undefined when not given: `error`, or `never` for `scorecard`. */
  failOn?: FailOn;
  maxWarnings?: number;
  minScore?: number;
  failAnyUnder?: number;
  baseline?: string;
  writeBaseline?: string;
  asOf?: string;
  since?: string;
  metrics?: string[];
  events?: string[];
  accounts?: string;
  engine?: 'streaming' | 'duckdb';
  quiet?: boolean;
  verbose?: boolean;
  color: ColorMode;
  explain?: boolean;
  by: ScorecardGrouping;
  compare?: string;
  lang?: Lang;
}

function parseFormat(value: string, previous: OutputRequest[] | undefined): OutputRequest[] {
  const [name = '', ...rest] = value.split('=');
  if (!isFormatName(name)) {
    throw new InvalidArgumentError(
      `unknown format '${name}' (choose from ${FORMAT_NAMES.join(', ')})`,
    );
  }
  const file = rest.join('=');
  const request: OutputRequest = file === '' ? { format: name } : { format: name, file };
  return [...(previous ?? []), request];
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number, 0 or more');
  return Number(value);
}

function parseScore(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) {
    throw new InvalidArgumentError('expected a score from 0 to 100');
  }
  return n;
}

function parseDate(value: string): string {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : NaN;
  // Date.parse rolls 2026-02-30 over to March: only a date that reads back the same is one.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value) {
    throw new InvalidArgumentError('expected a date as YYYY-MM-DD');
  }
  return value;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** `--lang`: shared by every command that prints text for people. */
export function langOption(): Option {
  return new Option(
    '--lang <lang>',
    'language of human output: en or id (Bahasa Indonesia); default: lang: in the config, else id when LC_ALL/LC_MESSAGES/LANG say id, else en',
  ).choices(LANGS);
}

/** What `touchpoint diff -f` writes. */
export const DIFF_FORMATS = ['table', 'markdown', 'json'] as const;

type OptionGroup = 'common' | 'metrics' | 'score' | 'scorecard';

/** The option catalogue, defined once: help text, parsing and defaults come from here. */
const OPTIONS: { group: OptionGroup; make: () => Option }[] = [
  {
    group: 'common',
    make: () =>
      new Option(
        '-c, --config <file>',
        'config file (default: touchpoint.config.yaml found upward from the inventory)',
      ),
  },
  {
    group: 'common',
    make: () => new Option('--print-config', 'print the merged configuration as JSON and exit'),
  },
  {
    group: 'common',
    make: () =>
      new Option(
        '-f, --format <format[=file]>',
        `output format, repeatable: ${FORMAT_NAMES.join(', ')}; FORMAT=FILE writes a file`,
      ).argParser(parseFormat),
  },
  {
    group: 'common',
    make: () =>
      new Option('-o, --output <file>', 'write the (single) report to a file instead of stdout'),
  },
  {
    group: 'common',
    make: () =>
      // No commander default: `scorecard` is a report and fails only on a gate flag given.
      new Option(
        '--fail-on <severity>',
        'lowest severity that fails the run (exit 1; default: error, for scorecard never)',
      ).choices(['error', 'warning', 'info', 'never']),
  },
  {
    group: 'common',
    make: () =>
      new Option('--max-warnings <n>', 'fail when there are more than n warnings').argParser(
        parseCount,
      ),
  },
  {
    group: 'common',
    make: () =>
      new Option('--baseline <file>', 'only findings not in this baseline count toward failure'),
  },
  {
    group: 'common',
    make: () =>
      new Option('--write-baseline <file>', 'write the current findings as a baseline file'),
  },
  {
    group: 'common',
    make: () =>
      new Option(
        '--as-of <date>',
        'evaluate as of this date (YYYY-MM-DD; default: asOf: in the config, SOURCE_DATE_EPOCH, else today): metric period end, stale data, waiver expiry',
      ).argParser(parseDate),
  },
  {
    group: 'common',
    make: () => new Option('-q, --quiet', 'report errors only; no progress output'),
  },
  {
    group: 'common',
    make: () =>
      new Option('--color <when>', 'colour output')
        .choices(['auto', 'always', 'never'])
        .default('auto'),
  },
  {
    group: 'common',
    make: () => langOption(),
  },
  {
    group: 'metrics',
    make: () =>
      new Option(
        '-m, --metrics <csv...>',
        'metric exports (files, directories or globs; default: metrics/*.csv beside the inventory)',
      ).argParser(collect),
  },
  {
    group: 'metrics',
    make: () =>
      new Option(
        '--events <file...>',
        'per-account event logs (CSV, .csv.gz; Parquet with --engine duckdb), or a touchpoint sql result',
      ).argParser(collect),
  },
  {
    group: 'metrics',
    make: () =>
      new Option(
        '--accounts <file>',
        'accounts file for --events: account → segment and lifecycle dates (default: events.accounts in the config)',
      ),
  },
  {
    group: 'metrics',
    make: () =>
      new Option('--engine <engine>', 'how --events are aggregated')
        .choices(['streaming', 'duckdb'])
        .default('streaming'),
  },
  {
    group: 'metrics',
    make: () =>
      new Option(
        '-v, --verbose',
        'print to stderr how each metric export was read: encoding, delimiter, header, section, date order and decimal mark per column and how each was decided, rows used and left out',
      ),
  },
  {
    group: 'metrics',
    make: () =>
      new Option(
        '--since <date>',
        'start of the metric period (default: period: days, 90, up to the as-of date)',
      ).argParser(parseDate),
  },
  {
    group: 'score',
    make: () =>
      new Option('--min-score <n>', 'fail when the inventory score is below n').argParser(
        parseScore,
      ),
  },
  {
    group: 'score',
    make: () =>
      new Option('--fail-any-under <n>', 'fail when any touchpoint scores below n').argParser(
        parseScore,
      ),
  },
  { group: 'score', make: () => new Option('--explain', 'show every component of every score') },
  {
    group: 'score',
    make: () =>
      new Option(
        '--compare <report.json>',
        'add what changed since this earlier JSON report (touchpoint audit -f json)',
      ),
  },
  {
    group: 'scorecard',
    make: () =>
      new Option('--by <grouping>', 'one row per touchpoint, or per group')
        .choices(['touchpoint', 'stage', 'owner', 'channel', 'segment', 'sequence'])
        .default('touchpoint'),
  },
];

export function addOptions(command: Command, groups: readonly OptionGroup[]): Command {
  command.setOptionValueWithSource('format', [], 'default');
  for (const spec of OPTIONS) {
    if (groups.includes(spec.group)) command.addOption(spec.make());
  }
  return command;
}

/** Adds the catalogue's options with these long names (a command that shares a few flags). */
export function addNamedOptions(command: Command, longNames: readonly string[]): Command {
  for (const spec of OPTIONS) {
    const option = spec.make();
    if (option.long !== undefined && longNames.includes(option.long)) command.addOption(option);
  }
  return command;
}
