import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { defaultConfig } from '../config/config.js';
import type { Config } from '../config/config.js';
import { loadConfig } from '../config/load-config.js';
import { maxInputBytes } from '../fs/read-input.js';
import { inputError } from '../i18n/worded-error.js';
import { defaultMetricInputs, locateConfig } from '../files/default-inputs.js';
import { expandInputs, METRIC_FILES } from '../fs/expand-inputs.js';
import { checkOutputClashes, resolveWriteTarget } from '../fs/write-target.js';
import { textPieces } from '../fs/text-pieces.js';
import type { TextChunks } from '../fs/text-pieces.js';
import type { NamedPath, OutputPath } from '../fs/write-target.js';
import { INVENTORY_FILES } from '../inventory/load-inventory.js';
import { evaluateGate, gateFailureText } from '../gate.js';
import type { AuditStage } from '../audit.js';
import type { AuditReport } from '../report.js';
import type { UiKey } from '../i18n/ui-en.js';
import { loadReporter } from '../reporters/index.js';
import type { ReporterContext } from '../reporters/types.js';
import type { CliIo } from './io.js';
import { useColor } from './io.js';
import type { CommandOptions, OutputRequest } from './options.js';
import { resolveAsOf } from './as-of.js';
import { EXIT_FAILED_GATE, EXIT_OK } from '../exit-codes.js';
import { startProgress } from './progress.js';
import { readReportFile } from './previous-report.js';
import { terminalWidth } from './terminal-width.js';
import { loadLocale, resolveLang } from './locale.js';
import { createLocale } from '../i18n/locale.js';
import { WordedUsageError } from './worded-usage-error.js';

type CheckCommand = 'validate' | 'audit' | 'scorecard';

export async function resolveConfig(
  options: CommandOptions,
  inventory: readonly string[],
  io: CliIo,
): Promise<Config> {
  const located = await locateConfig(options.config, inventory, io.cwd);
  return located === undefined
    ? defaultConfig()
    : loadConfig(located.path, located.display, maxInputBytes(io.env));
}

/** Metrics default to `metrics/*.csv` beside the (first) inventory, when that folder exists. */
async function resolveMetrics(
  options: CommandOptions,
  inventory: readonly string[],
  io: CliIo,
): Promise<string[]> {
  return options.metrics ?? defaultMetricInputs(inventory, io.cwd);
}

function outputRequests(options: CommandOptions): OutputRequest[] {
  const requests: OutputRequest[] =
    options.format.length > 0 ? options.format : [{ format: 'table' }];
  if (options.output !== undefined) {
    const toStdout = requests.filter((r) => r.file === undefined);
    if (toStdout.length !== 1) {
      throw new WordedUsageError('cli.outputOneFormat');
    }
    return requests.map((r) => (r.file === undefined ? { ...r, file: options.output } : r));
  }
  if (requests.filter((r) => r.file === undefined).length > 1) {
    throw new WordedUsageError('cli.oneStdout');
  }
  return requests;
}

function errorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : String(error);
}

/** Fails with a one-line message when `file` cannot be written: a directory, or no parent. */
async function checkWritable(file: string, io: CliIo): Promise<void> {
  const absolute = path.resolve(io.cwd, file);
  const target = await stat(absolute).catch(() => undefined);
  if (target?.isDirectory()) throw inputError('err.isDirectory', { file });
  const dir = await stat(path.dirname(absolute)).catch(() => undefined);
  if (!dir?.isDirectory()) {
    throw inputError('err.noDirectory', { file, dir: path.dirname(file) });
  }
}

function onlyErrors(report: AuditReport): AuditReport {
  return {
    ...report,
    findings: report.findings.filter((f) => f.severity === 'error' || f.waived !== undefined),
  };
}

/** Every file the run will read, as the user named it (inventories and metrics expanded). */
async function inputPaths(
  command: CheckCommand,
  inventory: readonly string[],
  options: CommandOptions,
  config: Config,
  io: CliIo,
): Promise<NamedPath[]> {
  const named = (display: string, kind: string, base = io.cwd): NamedPath => ({
    path: path.resolve(base, display),
    display,
    kind,
  });
  const inputs: NamedPath[] = [];
  const files = await expandInputs(inventory, { cwd: io.cwd, ...INVENTORY_FILES });
  for (const file of files) if (file !== '-') inputs.push(named(file, 'inventory file'));
  if (command !== 'validate') {
    const metrics = await resolveMetrics(options, inventory, io);
    if (metrics.length > 0) {
      for (const file of await expandInputs(metrics, { cwd: io.cwd, ...METRIC_FILES }))
        inputs.push(named(file, 'metric export'));
    }
  }
  if (config.file !== undefined) {
    const configPath = path.resolve(io.cwd, config.file);
    inputs.push(named(config.file, 'config file'));
    if (config.waiversFile !== undefined) {
      inputs.push({
        path: path.resolve(path.dirname(configPath), config.waiversFile),
        display: config.waiversFile,
        kind: 'waivers file',
      });
    }
  }
  if (options.baseline !== undefined) inputs.push(named(options.baseline, 'baseline'));
  if (options.compare !== undefined) inputs.push(named(options.compare, 'previous report'));
  return inputs;
}

/**
 * Fails before any work when an output would overwrite an input or another output, or cannot
 * be written at all.
 */
async function checkOutputTargets(
  outputs: readonly OutputPath[],
  inputs: readonly NamedPath[],
  io: CliIo,
): Promise<void> {
  await checkOutputClashes(outputs, inputs);
  await Promise.all(outputs.map((output) => checkWritable(output.display, io)));
}

/** Runs the library for the command, with a spinner on an interactive terminal. */
async function produceReport(
  command: CheckCommand,
  inventory: string[],
  options: CommandOptions,
  config: Config,
  io: CliIo,
): Promise<AuditReport> {
  // Resolved before the spinner starts: a bad SOURCE_DATE_EPOCH is a usage error.
  const { asOf } = resolveAsOf({
    flag: options.asOf,
    config: config.asOf,
    env: io.env,
    now: io.now?.() ?? new Date(),
  });
  // The spinner's words in the run's language.
  const words = createLocale(resolveLang(options.lang, config.lang, io.env));
  const progress = startProgress(io, options.quiet === true, words);
  try {
    const common = {
      inventory,
      config,
      cwd: io.cwd,
      readStdin: () => io.readStdin(),
      maxInputBytes: maxInputBytes(io.env),
      asOf,
    };
    if (command === 'validate') {
      const { validateReport } = await import('../validate-report.js');
      return await validateReport(common);
    }
    const { audit } = await import('../audit.js');
    return await audit({
      ...common,
      metrics: await resolveMetrics(options, inventory, io),
      command,
      onProgress: (stage) => {
        progress.update(words.text(STAGE_WORDS[stage]));
      },
      ...(options.since !== undefined ? { since: options.since } : {}),
      ...(options.events !== undefined ? { events: options.events } : {}),
      ...(options.accounts !== undefined ? { accounts: options.accounts } : {}),
      ...(options.engine !== undefined ? { engine: options.engine } : {}),
    });
  } finally {
    progress.stop();
  }
}

async function applyBaselineFile(
  report: AuditReport,
  file: string,
  io: CliIo,
): Promise<AuditReport> {
  const { parseBaseline } = await import('../baseline/index.js');
  const { withBaseline } = await import('../audit.js');
  const text = await readFile(path.resolve(io.cwd, file), 'utf8').catch(() => {
    throw inputError('err.cannotReadBaseline', { file });
  });
  return withBaseline(report, parseBaseline(text, file), file);
}

/** The pipeline's stages as the spinner shows them. */
const STAGE_WORDS: Readonly<Record<AuditStage, UiKey>> = {
  'loading the inventory': 'progress.inventory',
  'reading metric exports': 'progress.metrics',
  'reading event logs': 'progress.events',
  analysing: 'progress.analysing',
};

/** A report's text, whole or in pieces (`json` and `sarif` can be longer than one string). */
interface OutputText {
  file: string;
  text: string | TextChunks;
}

function writeToStream(stream: CliIo['stdout'], text: string | TextChunks): void {
  for (const piece of textPieces(text)) stream.write(piece);
}

/** Renders every requested format; stdout output is written at once, files are returned. */
async function renderOutputs(
  command: CheckCommand,
  report: AuditReport,
  outputs: readonly OutputRequest[],
  options: CommandOptions,
  config: Config,
  io: CliIo,
): Promise<OutputText[]> {
  const shown = options.quiet ? onlyErrors(report) : report;
  // Only SARIF and JUnit describe rules; loading the whole catalogue costs start-up time.
  const rules = outputs.some((o) => o.format === 'sarif' || o.format === 'junit')
    ? (await import('../rules/index.js')).RULE_CATALOGUE
    : [];
  const files: OutputText[] = [];
  const locale = await loadLocale(resolveLang(options.lang, config.lang, io.env));
  for (const request of outputs) {
    const reporter = await loadReporter(request.format);
    const toTerminal = request.file === undefined;
    const ctx: ReporterContext = {
      cwd: io.cwd,
      color:
        toTerminal &&
        request.format === 'table' &&
        useColor(options.color, io.env, io.stdout.isTTY),
      rules,
      explain: options.explain === true,
      // `--by` exists only on `scorecard`; `audit -f csv` writes the per-touchpoint scorecard.
      by: command === 'scorecard' ? options.by : 'touchpoint',
      // A file gets the default layout, whatever the terminal it was written from.
      ...(toTerminal ? { width: terminalWidth(io) } : {}),
      locale,
    };
    const text = reporter(shown, ctx);
    if (request.file === undefined) writeToStream(io.stdout, text);
    else files.push({ file: request.file, text });
  }
  return files;
}

async function writeOutputs(writes: readonly OutputText[], io: CliIo): Promise<void> {
  const { writeFileAtomic } = await import('../fs/atomic-write.js');
  for (const { file, text } of writes) {
    const absolute = path.resolve(io.cwd, file);
    const stream = (await resolveWriteTarget(absolute)).standardStream;
    if (stream !== undefined) {
      writeToStream(stream === 1 ? io.stdout : io.stderr, text);
      continue;
    }
    await writeFileAtomic(absolute, text).catch((error: unknown) => {
      // The text is produced as it is written: a reporter's failure is no fault of the file.
      if (typeof (error as NodeJS.ErrnoException | undefined)?.code !== 'string') throw error;
      throw inputError('err.cannotWrite', { file, code: errorCode(error) });
    });
  }
}

/**
 * `validate`, `audit` and `scorecard`: resolve config and inputs, run the library, write the
 * requested reports, and turn the gate into an exit code.
 */
export async function runCheck(
  command: CheckCommand,
  inventory: string[],
  options: CommandOptions,
  io: CliIo,
): Promise<number> {
  const config = await resolveConfig(options, inventory, io);
  // The CLI's own lines (gate, stale baseline) in the run's language: UI strings only.
  const words = createLocale(resolveLang(options.lang, config.lang, io.env));
  if (options.printConfig) {
    io.stdout.write(`${JSON.stringify(config, null, 2)}\n`);
    return EXIT_OK;
  }
  const outputs = outputRequests(options);
  const outputFiles: OutputPath[] = outputs.flatMap((o) =>
    o.file === undefined
      ? []
      : [{ path: path.resolve(io.cwd, o.file), display: o.file, kind: `${o.format} report` }],
  );
  if (options.writeBaseline !== undefined) {
    outputFiles.push({
      path: path.resolve(io.cwd, options.writeBaseline),
      display: options.writeBaseline,
      kind: 'baseline',
      // Refreshing a baseline in place is what --write-baseline is for.
      mayReplace: 'baseline',
    });
  }
  await checkOutputTargets(
    outputFiles,
    await inputPaths(command, inventory, options, config, io),
    io,
  );

  // Read before the audit runs: a report that cannot be compared fails at once.
  const previous =
    options.compare === undefined
      ? undefined
      : await readReportFile(options.compare, io, 'previous report');
  let report = await produceReport(command, inventory, options, config, io);
  if (options.verbose === true && options.quiet !== true && report.metrics !== undefined) {
    const { renderFilesRead } = await import('../reporters/files-read.js');
    io.stderr.write(renderFilesRead(report.metrics.files, io.cwd, words));
  }
  if (options.baseline !== undefined)
    report = await applyBaselineFile(report, options.baseline, io);
  if (previous !== undefined && options.compare !== undefined) {
    const { compareReports } = await import('../baseline/compare-reports.js');
    report = { ...report, comparison: compareReports(previous, report, options.compare) };
  }

  const writes = await renderOutputs(command, report, outputs, options, config, io);
  if (options.writeBaseline !== undefined) {
    const { createBaseline, serializeBaseline } = await import('../baseline/index.js');
    writes.push({
      file: options.writeBaseline,
      text: serializeBaseline(createBaseline(report.findings)),
    });
  }
  await writeOutputs(writes, io);
  if (outputs.some((o) => o.format === 'github') && io.env.GITHUB_STEP_SUMMARY) {
    const { appendStepSummary } = await import('./github-summary.js');
    // The summary is an extra: the annotations are out and the gate still decides the exit code.
    const locale = await loadLocale(resolveLang(options.lang, config.lang, io.env));
    await appendStepSummary(report, io, locale).catch((error: unknown) => {
      io.stderr.write(
        `touchpoint: ${words.text('cli.summaryWarning', { code: errorCode(error) })}\n`,
      );
    });
  }

  const stale = report.baseline?.stale.length ?? 0;
  if (stale > 0 && !options.quiet) {
    io.stderr.write(
      `touchpoint: ${words.text(stale === 1 ? 'cli.staleOne' : 'cli.staleMany', { n: stale })}\n`,
    );
  }
  const gate = evaluateGate(report, {
    // A scorecard is a report: it fails only when a gate flag asks it to.
    failOn: options.failOn ?? (command === 'scorecard' ? 'never' : 'error'),
    ...(options.maxWarnings !== undefined ? { maxWarnings: options.maxWarnings } : {}),
    ...(options.minScore !== undefined ? { minScore: options.minScore } : {}),
    ...(options.failAnyUnder !== undefined ? { failAnyUnder: options.failAnyUnder } : {}),
  });
  if (gate.failed) {
    // The library names the gate's options; the user set them as flags.
    const reasons = gate.failures.map((failure) =>
      gateFailureText(failure, failure.kind === 'fail-on' ? undefined : `--${failure.kind}`, words),
    );
    io.stderr.write(`touchpoint: ${words.text('cli.failed', { reasons: reasons.join('; ') })}\n`);
    return EXIT_FAILED_GATE;
  }
  return EXIT_OK;
}
