import { stat } from 'node:fs/promises';
import path from 'node:path';
import { inputError } from '../i18n/worded-error.js';

export interface ExpandOptions {
  cwd: string;
  /** File endings a directory is searched for, without the dot: ['yaml', 'yml']. */
  extensions: readonly string[];
  /** Base names left out of directory searches (the config file beside an inventory). */
  exclude?: (baseName: string) => boolean;
  /** What the files are, for the error message: "inventory files". */
  what: string;
}

/** How metric arguments (files, directories, globs) expand into files. */
export const METRIC_FILES = {
  extensions: ['csv', 'tsv', 'txt'],
  what: 'metric exports (*.csv)',
} as const;

/** How `--events` arguments expand into files. */
export const EVENT_FILES = {
  extensions: ['csv', 'gz', 'parquet'],
  what: 'event logs (*.csv, *.csv.gz, *.parquet)',
} as const;

/** tinyglobby loads only for directories and globs: a plain file path needs none of it. */
async function isGlob(input: string): Promise<boolean> {
  if (!/[*?[\]{}()!]/.test(input)) return false;
  return (await import('tinyglobby')).isDynamicPattern(input);
}

const toPosix = (p: string): string => p.split(path.sep).join('/');

/**
 * Expands files, directories and globs into a sorted, de-duplicated list of files, as paths
 * relative to `cwd` when the input was relative. `-` (stdin) passes through. Anything that
 * matches nothing is an error: a CI job must never pass because a glob was mistyped.
 */
export async function expandInputs(
  inputs: readonly string[],
  options: ExpandOptions,
): Promise<string[]> {
  const files: string[] = [];
  const pattern =
    options.extensions.length === 1
      ? `**/*.${options.extensions[0] ?? ''}`
      : `**/*.{${options.extensions.join(',')}}`;
  const keep = (file: string): boolean => !options.exclude?.(path.basename(file));
  for (const input of inputs) {
    if (input === '-') {
      files.push(input);
      continue;
    }
    const absolute = path.resolve(options.cwd, input);
    const info = await stat(absolute).catch(() => undefined);
    let matches: string[];
    if (info?.isFile()) {
      matches = [input];
    } else if (info?.isDirectory()) {
      const { glob } = await import('tinyglobby');
      const found = await glob(pattern, {
        cwd: absolute,
        ignore: ['**/node_modules/**'],
        dot: false,
      });
      matches = found
        .filter(keep)
        .sort()
        .map((file) => toPosix(path.join(input, file)));
    } else if (await isGlob(input)) {
      const { glob } = await import('tinyglobby');
      const found = await glob(toPosix(input), {
        cwd: options.cwd,
        ignore: ['**/node_modules/**'],
        absolute: path.isAbsolute(input),
      });
      matches = found.filter(keep).sort();
    } else {
      throw inputError('err.noSuchFile', { input });
    }
    if (matches.length === 0) {
      throw inputError('err.matchesNone', { input }, { what: options.what });
    }
    files.push(...matches);
  }
  return [...new Set(files)];
}
