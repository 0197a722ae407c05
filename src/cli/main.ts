import { Command, CommanderError, Option } from 'commander';
import { TouchpointError, UsageError } from '../errors.js';
import { DEFAULT_INVENTORY } from '../files/default-inventory.js';
import { versionLine } from '../version.js';
import { DOCTOR_FORMATS } from '../doctor/render-diagnosis.js';
import type { DoctorOptions } from './doctor.js';
import { visibleText } from '../text/visible-text.js';
import type { CliIo } from './io.js';
import { processIo } from './io.js';
import { terminalWidth } from './terminal-width.js';
import { EXIT_CANNOT_RUN, EXIT_OK } from '../exit-codes.js';
import { addNamedOptions, addOptions, DIFF_FORMATS, langOption } from './options.js';
import type { Lang } from '../i18n/lang.js';
import type { CommandOptions } from './options.js';
import type { SqlOptions } from './sql.js';
import type { SourcesOptions } from './sources.js';
import { SOURCES_FORMATS } from '../reporters/sources.js';
import type { DiffOptions } from './diff.js';

function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command('touchpoint')
    .description(
      'Audit a customer-touchpoint inventory: validate it, find gaps, overlaps and ownerless touchpoints, and score it.',
    )
    .version(versionLine(process.version), '-v, --version')
    // `touchpoint -v` is the version; `touchpoint audit -v` is audit's --verbose.
    .enablePositionalOptions()
    .showHelpAfterError('(run touchpoint --help for usage)')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  touchpoint validate touchpoints.yaml',
        '  touchpoint audit -m metrics/*.csv -f table -f sarif=touchpoint.sarif',
        '  touchpoint scorecard --by stage -f csv -o scorecard.csv',
        '  touchpoint explain overlap/collision',
        '',
        'Exit codes: 0 pass, 1 findings or scores fail the gate, 2 the tool could not run.',
      ].join('\n'),
    )
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      // Usage errors quote the user's arguments; their control characters are shown, not run.
      writeErr: (text) => io.stderr.write(visibleText(text, 'keep')),
    });

  const check =
    (name: 'validate' | 'audit' | 'scorecard') =>
    async (inventory: string[], options: CommandOptions) => {
      const { runCheck } = await import('./run-check.js');
      setExit(await runCheck(name, inventory, options, io));
    };

  addOptions(
    program
      .command('validate')
      .description('check structure and references only (fast)')
      .argument('[inventory...]', 'inventory files, directories or globs; - reads stdin', [
        DEFAULT_INVENTORY,
      ]),
    ['common'],
  ).action(check('validate'));

  addOptions(
    program
      .command('audit')
      .description('everything: findings and scores')
      .argument('[inventory...]', 'inventory files, directories or globs; - reads stdin', [
        DEFAULT_INVENTORY,
      ]),
    ['common', 'metrics', 'score'],
  ).action(check('audit'));

  addOptions(
    program
      .command('scorecard')
      .description('one row per touchpoint (or --by stage|owner|channel|segment)')
      .argument('[inventory...]', 'inventory files, directories or globs; - reads stdin', [
        DEFAULT_INVENTORY,
      ]),
    ['common', 'metrics', 'score', 'scorecard'],
  ).action(check('scorecard'));

  program
    .command('sql')
    .description(
      'print the SQL that computes the observed aggregate in a warehouse; audit its result with --events',
    )
    .argument('[inventory...]', 'inventory files, directories or globs', [DEFAULT_INVENTORY])
    .requiredOption('--dialect <dialect>', 'bigquery, snowflake, duckdb or spark')
    .option('--table <name>', 'the events table', 'events')
    .option(
      '--accounts-table <name>',
      'the accounts table: account → segment and lifecycle dates (columns as in events.accounts)',
    )
    .option('-c, --config <file>', 'config file (default: found upward from the inventory)')
    .option('--since <date>', 'first day of the window (YYYY-MM-DD; default: the first event)')
    .option('--as-of <date>', 'last day of the window (YYYY-MM-DD; default: the last event)')
    .action(async (inventory: string[], options: SqlOptions) => {
      const { runSql } = await import('./sql.js');
      setExit(await runSql(inventory, options, io));
    });

  program
    .command('diff')
    .description(
      'what changed between two JSON reports (touchpoint audit -f json), without running an audit',
    )
    .argument('<before>', 'the earlier report')
    .argument('<after>', 'the later report')
    .addOption(
      new Option('-f, --format <format>', 'table, markdown or json')
        .choices(DIFF_FORMATS)
        .default('table'),
    )
    .addOption(
      new Option('--color <when>', 'colour output')
        .choices(['auto', 'always', 'never'])
        .default('auto'),
    )
    .addOption(langOption())
    .action(async (before: string, after: string, options: DiffOptions) => {
      const { runDiff } = await import('./diff.js');
      setExit(await runDiff(before, after, options, io));
    });

  program
    .command('rules')
    .description('list every rule with its default severity')
    .option('-f, --format <format>', 'table or json', 'table')
    .addOption(langOption())
    .action(async (options: { format: string; lang?: Lang }) => {
      const { listRules } = await import('./catalogue.js');
      const { loadLocale, resolveLang } = await import('./locale.js');
      const locale = await loadLocale(resolveLang(options.lang, undefined, io.env));
      io.stdout.write(listRules(options.format, terminalWidth(io), locale));
    });

  program
    .command('explain')
    .description('what a rule checks, why it matters and how to fix it')
    .argument('<rule>', 'rule id, e.g. overlap/collision')
    .addOption(langOption())
    .action(async (rule: string, options: { lang?: Lang }) => {
      const { explainRule } = await import('./catalogue.js');
      const { loadLocale, resolveLang } = await import('./locale.js');
      const locale = await loadLocale(resolveLang(options.lang, undefined, io.env));
      io.stdout.write(explainRule(rule, terminalWidth(io), locale));
    });

  program
    .command('schema')
    .description('print a JSON Schema')
    .argument('<name>', 'inventory, config or report')
    .action(async (name: string) => {
      const { schemaText } = await import('./catalogue.js');
      io.stdout.write(schemaText(name));
    });

  program
    .command('init')
    .description('scaffold touchpoints.yaml, touchpoint.config.yaml and metrics/sample.csv')
    .argument('[dir]', 'target directory', '.')
    .option('-t, --template <name>', 'b2b-saas or b2c', 'b2b-saas')
    .option('--force', 'overwrite existing files')
    .action(async (dir: string, options: { template: string; force?: boolean }) => {
      const { runInit } = await import('./init.js');
      await runInit(dir, options, io);
    });

  program
    .command('sources')
    .description(
      'what each metric export is (vendor, header, reading), the sources: entry it needs and the values it gives',
    )
    .argument('<file...>', 'metric exports: files, directories or globs')
    .option('-c, --config <file>', 'config file (default: found upward from the working directory)')
    .option(
      '-i, --inventory <file>',
      `inventory whose touchpoints and units the entry uses (default: ${DEFAULT_INVENTORY} when present)`,
    )
    .addOption(
      new Option('-f, --format <format>', 'text or json').choices(SOURCES_FORMATS).default('text'),
    )
    .option('--write', 'append the suggested entries to the config (atomically, comments kept)')
    .option(
      '--as-of <date>',
      'end of the period the values cover (default: asOf: in the config, else the latest data)',
    )
    .action(async (files: string[], options: SourcesOptions) => {
      const { runSources } = await import('./sources.js');
      setExit(await runSources(files, options, io));
    });

  addNamedOptions(
    program
      .command('doctor')
      .description(
        'show what the tool finds here (config, inputs, Node, Chromium, locale) for a bug report',
      )
      .argument(
        '[inventory...]',
        'inventory files, directories or globs (default: touchpoints.yaml)',
      ),
    ['--config', '--metrics', '--events'],
  )
    .addOption(
      new Option('-f, --format <format>', 'text or json').choices(DOCTOR_FORMATS).default('text'),
    )
    .action(async (inventory: string[], options: DoctorOptions) => {
      const { runDoctor } = await import('./doctor.js');
      await runDoctor(inventory, options, io);
    });

  return program;
}

/**
 * Runs the CLI and returns the exit code. The one place where errors become exit codes:
 * user-facing errors print one line and exit 2; anything else is a bug, reported as such.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode = EXIT_OK;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'node' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version "errors" are successes; commander already printed usage errors.
      return error.exitCode === 0 ? EXIT_OK : EXIT_CANNOT_RUN;
    }
    if (error instanceof TouchpointError) {
      // Loaded only when there is an error to word: it reaches into the events, config and init code.
      const { cliErrorMessage } = await import('./error-message.js');
      io.stderr.write(`touchpoint: ${visibleText(cliErrorMessage(error), 'keep')}\n`);
      return error instanceof UsageError ? EXIT_CANNOT_RUN : error.exitCode;
    }
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr.write(
      `touchpoint: internal error, please report it: ${visibleText(detail, 'keep')}\n`,
    );
    if (io.env.TOUCHPOINT_DEBUG)
      io.stderr.write(`${error instanceof Error ? (error.stack ?? '') : ''}\n`);
    return EXIT_CANNOT_RUN;
  }
}
