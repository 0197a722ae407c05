import { compareReports } from '../baseline/compare-reports.js';
import { EXIT_OK } from '../exit-codes.js';
import type { ReporterContext } from '../reporters/types.js';
import type { CliIo, ColorMode } from './io.js';
import { useColor } from './io.js';
import type { DIFF_FORMATS } from './options.js';
import { readReportFile } from './previous-report.js';
import { terminalWidth } from './terminal-width.js';
import { loadLocale, resolveLang } from './locale.js';
import type { Lang } from '../i18n/lang.js';

export interface DiffOptions {
  format: (typeof DIFF_FORMATS)[number];
  color: ColorMode;
  lang?: Lang;
}

/** `touchpoint diff BEFORE AFTER`: what changed between two JSON reports, without an audit. */
export async function runDiff(
  before: string,
  after: string,
  options: DiffOptions,
  io: CliIo,
): Promise<number> {
  const previous = await readReportFile(before, io, 'earlier report');
  const current = await readReportFile(after, io, 'later report');
  const comparison = compareReports(previous, current, before);
  if (options.format === 'json') {
    io.stdout.write(`${JSON.stringify(comparison, null, 2)}\n`);
    return EXIT_OK;
  }
  // Reports carry no config: the language is --lang's, else the locale environment's.
  const locale = await loadLocale(resolveLang(options.lang, undefined, io.env));
  if (options.format === 'markdown') {
    const { comparisonMarkdown } = await import('../reporters/comparison-markdown.js');
    io.stdout.write(`${comparisonMarkdown(comparison, locale).join('\n').trimEnd()}\n`);
    return EXIT_OK;
  }
  const { comparisonTable } = await import('../reporters/comparison-table.js');
  const ctx: ReporterContext = {
    cwd: io.cwd,
    color: useColor(options.color, io.env, io.stdout.isTTY),
    rules: [],
    explain: false,
    by: 'touchpoint',
    width: terminalWidth(io),
    locale,
  };
  io.stdout.write(comparisonTable(comparison, ctx));
  return EXIT_OK;
}
