import { InvalidArgumentError, Option } from 'commander';
import type { Command } from 'commander';
import { FORMAT_NAMES, isFormatName } from '../reporters/index.js';
import type { FormatName } from '../reporters/index.js';
import type { ScorecardGrouping } from '../reporters/types.js';
import type { FailOn } from '../gate.js';
import type { ColorMode } from './io.js';
import { LANGS } from '../i18n/lang.js';
import type { Lang } from '../i18n/lang.js';
import type { Locale } from '../i18n/locale.js';

/** A help text in the CLI's language (`Locale['text']`). */
export type HelpText = Locale['text'];

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

function parseFormat(
  value: string,
  previous: OutputRequest[] | undefined,
  t: HelpText,
): OutputRequest[] {
  const [name = '', ...rest] = value.split('=');
  if (!isFormatName(name)) {
    throw new InvalidArgumentError(t('cli.argFormat', { name, formats: FORMAT_NAMES.join(', ') }));
  }
  const file = rest.join('=');
  const request: OutputRequest = file === '' ? { format: name } : { format: name, file };
  return [...(previous ?? []), request];
}

function parseCount(value: string, t: HelpText): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError(t('cli.argCount'));
  return Number(value);
}

function parseScore(value: string, t: HelpText): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) {
    throw new InvalidArgumentError(t('cli.argScore'));
  }
  return n;
}

function parseDate(value: string, t: HelpText): string {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : NaN;
  // Date.parse rolls 2026-02-30 over to March: only a date that reads back the same is one.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value) {
    throw new InvalidArgumentError(t('cli.argDate'));
  }
  return value;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/**
 * `--lang`: shared by every command that prints text for people. Its help names the config's
 * `lang:` only for the commands that read it (`readsConfig`).
 */
export function langOption(t: HelpText, readsConfig = true): Option {
  return new Option('--lang <lang>', t(readsConfig ? 'help.lang' : 'help.langNoConfig')).choices(
    LANGS,
  );
}

/** What `touchpoint diff -f` writes. */
export const DIFF_FORMATS = ['table', 'markdown', 'json'] as const;

type OptionGroup = 'common' | 'metrics' | 'score' | 'scorecard';

/** The option catalogue, defined once: help text, parsing and defaults come from here. */
const OPTIONS: { group: OptionGroup; make: (t: HelpText) => Option }[] = [
  {
    group: 'common',
    make: (t) => new Option('-c, --config <file>', t('help.config')),
  },
  {
    group: 'common',
    make: (t) => new Option('--print-config', t('help.printConfig')),
  },
  {
    group: 'common',
    make: (t) =>
      new Option(
        '-f, --format <format[=file]>',
        t('help.format', { formats: FORMAT_NAMES.join(', ') }),
      ).argParser((value: string, previous?: OutputRequest[]) => parseFormat(value, previous, t)),
  },
  {
    group: 'common',
    make: (t) => new Option('-o, --output <file>', t('help.output')),
  },
  {
    group: 'common',
    make: (t) =>
      // No commander default: `scorecard` is a report and fails only on a gate flag given.
      new Option('--fail-on <severity>', t('help.failOn')).choices([
        'error',
        'warning',
        'info',
        'never',
      ]),
  },
  {
    group: 'common',
    make: (t) =>
      new Option('--max-warnings <n>', t('help.maxWarnings')).argParser((value: string) =>
        parseCount(value, t),
      ),
  },
  {
    group: 'common',
    make: (t) => new Option('--baseline <file>', t('help.baseline')),
  },
  {
    group: 'common',
    make: (t) => new Option('--write-baseline <file>', t('help.writeBaseline')),
  },
  {
    group: 'common',
    make: (t) =>
      new Option('--as-of <date>', t('help.asOf')).argParser((value: string) =>
        parseDate(value, t),
      ),
  },
  {
    group: 'common',
    make: (t) => new Option('-q, --quiet', t('help.quiet')),
  },
  {
    group: 'common',
    make: (t) =>
      new Option('--color <when>', t('help.color'))
        .choices(['auto', 'always', 'never'])
        .default('auto'),
  },
  {
    group: 'common',
    make: (t) => langOption(t),
  },
  {
    group: 'metrics',
    make: (t) => new Option('-m, --metrics <csv...>', t('help.metrics')).argParser(collect),
  },
  {
    group: 'metrics',
    make: (t) => new Option('--events <file...>', t('help.events')).argParser(collect),
  },
  {
    group: 'metrics',
    make: (t) => new Option('--accounts <file>', t('help.accounts')),
  },
  {
    group: 'metrics',
    make: (t) =>
      new Option('--engine <engine>', t('help.engine'))
        .choices(['streaming', 'duckdb'])
        .default('streaming'),
  },
  {
    group: 'metrics',
    make: (t) => new Option('-v, --verbose', t('help.verbose')),
  },
  {
    group: 'metrics',
    make: (t) =>
      new Option('--since <date>', t('help.since')).argParser((value: string) =>
        parseDate(value, t),
      ),
  },
  {
    group: 'score',
    make: (t) =>
      new Option('--min-score <n>', t('help.minScore')).argParser((value: string) =>
        parseScore(value, t),
      ),
  },
  {
    group: 'score',
    make: (t) =>
      new Option('--fail-any-under <n>', t('help.failAnyUnder')).argParser((value: string) =>
        parseScore(value, t),
      ),
  },
  { group: 'score', make: (t) => new Option('--explain', t('help.explainScores')) },
  {
    group: 'score',
    make: (t) => new Option('--compare <report.json>', t('help.compare')),
  },
  {
    group: 'scorecard',
    make: (t) =>
      new Option('--by <grouping>', t('help.by'))
        .choices(['touchpoint', 'stage', 'owner', 'channel', 'segment', 'sequence'])
        .default('touchpoint'),
  },
];

export function addOptions(command: Command, groups: readonly OptionGroup[], t: HelpText): Command {
  command.setOptionValueWithSource('format', [], 'default');
  for (const spec of OPTIONS) {
    if (groups.includes(spec.group)) command.addOption(spec.make(t));
  }
  return command;
}

/** Adds the catalogue's options with these long names (a command that shares a few flags). */
export function addNamedOptions(
  command: Command,
  longNames: readonly string[],
  t: HelpText,
): Command {
  for (const spec of OPTIONS) {
    const option = spec.make(t);
    if (option.long !== undefined && longNames.includes(option.long)) command.addOption(option);
  }
  return command;
}
