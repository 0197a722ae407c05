import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { appendSource } from '../config/append-source.js';
import { defaultConfig } from '../config/config.js';
import { loadConfig } from '../config/load-config.js';
import { choices, WordedUsageError } from './worded-usage-error.js';
import { locateConfig } from '../files/default-inputs.js';
import { DEFAULT_INVENTORY } from '../files/default-inventory.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { expandInputs, METRIC_FILES } from '../fs/expand-inputs.js';
import { maxInputBytes } from '../fs/read-input.js';
import { loadInventory } from '../inventory/load-inventory.js';
import { metricPeriodOrThrow } from '../metrics/period.js';
import { examineExport } from '../metrics/vendors/examine-export.js';
import { renderSources, SOURCES_FORMATS } from '../reporters/sources.js';
import { EXIT_OK } from '../exit-codes.js';
import type { CliIo } from './io.js';
import { terminalWidth } from './terminal-width.js';
import { createLocale } from '../i18n/locale.js';
import type { Lang } from '../i18n/lang.js';
import { resolveLang } from './locale.js';

export interface SourcesOptions {
  config?: string;
  inventory?: string;
  format: string;
  write?: boolean;
  asOf?: string;
  lang?: Lang;
}

/**
 * `touchpoint sources <file…>`: what each export is, the `sources:` entry it needs and the
 * values that entry gives; `--write` appends the entries to the config, keeping its comments.
 */
export async function runSources(
  inputs: string[],
  options: SourcesOptions,
  io: CliIo,
): Promise<number> {
  const format = SOURCES_FORMATS.find((name) => name === options.format);
  if (format === undefined)
    throw new WordedUsageError('cli.sourcesFormat', {
      format: options.format,
      ...choices(SOURCES_FORMATS),
    });
  const files = await expandInputs(inputs, { cwd: io.cwd, ...METRIC_FILES });
  if (files.includes('-')) throw new WordedUsageError('cli.sourcesStdin');
  const located = await locateConfig(options.config, [], io.cwd);
  const config =
    located === undefined
      ? defaultConfig()
      : await loadConfig(located.path, located.display, maxInputBytes(io.env));
  const inventoryFile = options.inventory ?? DEFAULT_INVENTORY;
  const inventory =
    options.inventory !== undefined || existsSync(path.resolve(io.cwd, inventoryFile))
      ? (await loadInventory([inventoryFile], { cwd: io.cwd })).inventory
      : undefined;
  // The text format and the lines on stderr in the run's language (UI strings only); -f json
  // stays English.
  const words = createLocale(resolveLang(options.lang, config.lang, io.env));
  const asOf = options.asOf ?? config.asOf;
  // Without an as-of date the values are those of the latest `period:` days of data: the
  // preview shows what the export holds, whatever day it is run.
  const period = metricPeriodOrThrow({ days: config.period, asOf });
  const examinations = [];
  for (const file of files) {
    examinations.push(
      // Paths open as given, so the output names them as typed, unless cwd is another folder.
      await examineExport(io.cwd === process.cwd() ? file : path.resolve(io.cwd, file), {
        config,
        ...(inventory === undefined ? {} : { inventory }),
        period,
      }),
    );
  }
  io.stdout.write(renderSources(examinations, format, io.cwd, terminalWidth(io), words));
  if (options.write === true) {
    const suggestions = examinations.flatMap((e) =>
      e.suggestion === undefined ? [] : [e.suggestion],
    );
    const target = located?.path ?? path.resolve(io.cwd, 'touchpoint.config.yaml');
    const display = located?.display ?? 'touchpoint.config.yaml';
    if (suggestions.length === 0) {
      io.stderr.write(`${words.text('sources.nothingToAdd', { file: display })}\n`);
      return EXIT_OK;
    }
    let text = located === undefined ? '' : await readFile(target, 'utf8');
    for (const suggestion of suggestions) text = appendSource(text, suggestion, display);
    await writeFileAtomic(target, text);
    io.stderr.write(`${words.text('sources.added', { n: suggestions.length, file: display })}\n`);
  }
  return EXIT_OK;
}
