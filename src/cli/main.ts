import { Command, CommanderError, Option } from 'commander';
import { TouchpointError, UsageError } from '../errors.js';
import { DEFAULT_INVENTORY } from '../files/default-inventory.js';
import { versionLine } from '../version.js';
import { DOCTOR_FORMATS } from '../reporters/diagnosis.js';
import type { DoctorOptions } from './doctor.js';
import { visibleText } from '../text/visible-text.js';
import type { CliIo } from './io.js';
import { processIo } from './io.js';
import { terminalWidth } from './terminal-width.js';
import { argvLang } from './locale.js';
import { WordedUsageError } from './worded-usage-error.js';
import { EXIT_CANNOT_RUN, EXIT_OK } from '../exit-codes.js';
import { addNamedOptions, addOptions, DIFF_FORMATS, langOption } from './options.js';
import type { Lang } from '../i18n/lang.js';
import type { CommandOptions, HelpText } from './options.js';
import { createLocale } from '../i18n/locale.js';
import type { Locale } from '../i18n/locale.js';
import { commanderErrorText, helpNotes } from './commander-words.js';
import type { UiKey } from '../i18n/ui-en.js';
import type { SqlOptions } from './sql.js';
import type { SourcesOptions } from './sources.js';
import { SOURCES_FORMATS } from '../reporters/sources.js';
import type { DiffOptions } from './diff.js';

const HELP_TITLES: Readonly<Record<string, UiKey>> = {
  'Usage:': 'help.titleUsage',
  'Options:': 'help.titleOptions',
  'Commands:': 'help.titleCommands',
  'Arguments:': 'help.titleArguments',
  'Global Options:': 'help.titleGlobalOptions',
};

function helpTitle(title: string, t: HelpText): string {
  const key = Object.hasOwn(HELP_TITLES, title) ? HELP_TITLES[title] : undefined;
  return key === undefined ? title : t(key);
}

function buildProgram(io: CliIo, setExit: (code: number) => void, words: Locale): Command {
  const t: HelpText = (key, data) => words.text(key, data);
  const program = new Command('touchpoint')
    .description(t('help.program'))
    .version(versionLine(process.version), '-v, --version', t('help.version'))
    .helpOption('-h, --help', t('help.help'))
    .helpCommand(`help ${t('help.commandWord')}`, t('help.help'))
    // Commander's own words in the language, where it lets us: headings (`Usage:`,
    // `Options:`, …), `[options]` and `[command]` in the usage lines (commander styles them
    // word by word), and the `(choices: …, default: …)` notes.
    .configureHelp({
      styleTitle: (title) => helpTitle(title, t),
      styleOptionText: (text) => (text === '[options]' ? t('help.optionsWord') : text),
      styleSubcommandText: (text) => (text === '[command]' ? t('help.commandWord') : text),
      ...helpNotes(words),
    })
    // `touchpoint -v` is the version; `touchpoint audit -v` is audit's --verbose.
    .enablePositionalOptions()
    .showHelpAfterError(t('help.afterError'))
    .addHelpText(
      'after',
      [
        '',
        t('help.examples'),
        '  touchpoint validate touchpoints.yaml',
        '  touchpoint audit -m metrics/*.csv -f table -f sarif=touchpoint.sarif',
        '  touchpoint scorecard --by stage -f csv -o scorecard.csv',
        '  touchpoint explain overlap/collision',
        '',
        t('help.exitCodes'),
      ].join('\n'),
    )
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      // Usage errors quote the user's arguments; their control characters are shown, not run.
      writeErr: (text) => io.stderr.write(visibleText(text, 'keep')),
      // Commander's parse errors (unknown option, missing argument, …) in the language.
      outputError: (text, write) => {
        write(commanderErrorText(text, words));
      },
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
      .description(t('help.validate'))
      .argument('[inventory...]', t('help.inventoryArg'), [DEFAULT_INVENTORY]),
    ['common'],
    t,
  ).action(check('validate'));

  addOptions(
    program
      .command('audit')
      .description(t('help.audit'))
      .argument('[inventory...]', t('help.inventoryArg'), [DEFAULT_INVENTORY]),
    ['common', 'metrics', 'score'],
    t,
  ).action(check('audit'));

  addOptions(
    program
      .command('scorecard')
      .description(t('help.scorecard'))
      .argument('[inventory...]', t('help.inventoryArg'), [DEFAULT_INVENTORY]),
    ['common', 'metrics', 'score', 'scorecard'],
    t,
  ).action(check('scorecard'));

  program
    .command('sql')
    .description(t('help.sql'))
    .argument('[inventory...]', t('help.inventoryFiles'), [DEFAULT_INVENTORY])
    .requiredOption('--dialect <dialect>', t('help.dialect'))
    .option('--table <name>', t('help.table'), 'events')
    .option('--accounts-table <name>', t('help.accountsTable'))
    .option('-c, --config <file>', t('help.sqlConfig'))
    .option('--since <date>', t('help.sqlSince'))
    .option('--as-of <date>', t('help.sqlAsOf'))
    .action(async (inventory: string[], options: SqlOptions) => {
      const { runSql } = await import('./sql.js');
      setExit(await runSql(inventory, options, io));
    });

  program
    .command('diff')
    .description(t('help.diff'))
    .argument('<before>', t('help.before'))
    .argument('<after>', t('help.after'))
    .addOption(
      new Option('-f, --format <format>', t('help.diffFormat'))
        .choices(DIFF_FORMATS)
        .default('table'),
    )
    .addOption(
      new Option('--color <when>', t('help.color'))
        .choices(['auto', 'always', 'never'])
        .default('auto'),
    )
    .addOption(langOption(t, false))
    .action(async (before: string, after: string, options: DiffOptions) => {
      const { runDiff } = await import('./diff.js');
      setExit(await runDiff(before, after, options, io));
    });

  program
    .command('rules')
    .description(t('help.rules'))
    .option('-f, --format <format>', t('help.tableOrJson'), 'table')
    .addOption(langOption(t, false))
    .action(async (options: { format: string; lang?: Lang }) => {
      const { listRules } = await import('./catalogue.js');
      const { loadLocale, resolveLang } = await import('./locale.js');
      const locale = await loadLocale(resolveLang(options.lang, undefined, io.env));
      io.stdout.write(listRules(options.format, terminalWidth(io), locale));
    });

  program
    .command('explain')
    .description(t('help.explain'))
    .argument('<rule>', t('help.ruleArg'))
    .addOption(langOption(t, false))
    .action(async (rule: string, options: { lang?: Lang }) => {
      const { explainRule } = await import('./catalogue.js');
      const { loadLocale, resolveLang } = await import('./locale.js');
      const locale = await loadLocale(resolveLang(options.lang, undefined, io.env));
      io.stdout.write(explainRule(rule, terminalWidth(io), locale));
    });

  program
    .command('schema')
    .description(t('help.schema'))
    .argument('<name>', t('help.schemaArg'))
    .action(async (name: string) => {
      const { schemaText } = await import('./catalogue.js');
      io.stdout.write(schemaText(name));
    });

  program
    .command('init')
    .description(t('help.init'))
    .argument('[dir]', t('help.dir'), '.')
    .option('-t, --template <name>', t('help.template'), 'b2b-saas')
    .option('--force', t('help.force'))
    .addOption(langOption(t, false))
    .action(async (dir: string, options: { template: string; force?: boolean; lang?: Lang }) => {
      const { runInit } = await import('./init.js');
      await runInit(dir, options, io);
    });

  program
    .command('sources')
    .description(t('help.sources'))
    .argument('<file...>', t('help.exportsArg'))
    .option('-c, --config <file>', t('help.sourcesConfig'))
    .option('-i, --inventory <file>', t('help.sourcesInventory', { file: DEFAULT_INVENTORY }))
    .addOption(
      new Option('-f, --format <format>', t('help.textOrJson'))
        .choices(SOURCES_FORMATS)
        .default('text'),
    )
    .option('--write', t('help.write'))
    .option('--as-of <date>', t('help.sourcesAsOf'))
    .addOption(langOption(t))
    .action(async (files: string[], options: SourcesOptions) => {
      const { runSources } = await import('./sources.js');
      setExit(await runSources(files, options, io));
    });

  addNamedOptions(
    program
      .command('doctor')
      .description(t('help.doctor'))
      .argument('[inventory...]', t('help.doctorArg')),
    ['--config', '--metrics', '--events'],
    t,
  )
    .addOption(
      new Option('-f, --format <format>', t('help.textOrJson'))
        .choices(DOCTOR_FORMATS)
        .default('text'),
    )
    .addOption(langOption(t, false))
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
  // Help texts in the language the arguments or the locale ask for (the config is not read).
  const words = createLocale(argvLang(argv, io.env));
  const program = buildProgram(
    io,
    (code) => {
      exitCode = code;
    },
    words,
  );
  try {
    await program.parseAsync([...argv], { from: 'node' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version "errors" are successes; commander already printed usage errors.
      return error.exitCode === 0 ? EXIT_OK : EXIT_CANNOT_RUN;
    }
    if (error instanceof WordedUsageError) {
      io.stderr.write(
        `touchpoint: ${visibleText(error.wordedIn(argvLang(argv, io.env)), 'keep')}\n`,
      );
      return EXIT_CANNOT_RUN;
    }
    if (error instanceof TouchpointError) {
      // Loaded only when there is an error to word: it reaches into the events, config and init code.
      const { cliErrorMessage } = await import('./error-message.js');
      io.stderr.write(
        `touchpoint: ${visibleText(cliErrorMessage(error, argvLang(argv, io.env)), 'keep')}\n`,
      );
      return error instanceof UsageError ? EXIT_CANNOT_RUN : error.exitCode;
    }
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr.write(
      `touchpoint: ${words.text('cli.internalError', { detail: visibleText(detail, 'keep') })}\n`,
    );
    if (io.env.TOUCHPOINT_DEBUG)
      io.stderr.write(`${error instanceof Error ? (error.stack ?? '') : ''}\n`);
    return EXIT_CANNOT_RUN;
  }
}
