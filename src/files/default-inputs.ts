import { stat } from 'node:fs/promises';
import path from 'node:path';
import { findConfigFile } from '../config/load-config.js';

const isDirectory = async (absolute: string): Promise<boolean> =>
  (await stat(absolute).catch(() => undefined))?.isDirectory() === true;

/** The config file a run uses: the absolute path, the path shown to the user, and why. */
export interface LocatedConfig {
  path: string;
  display: string;
  via: 'option' | 'found';
}

/**
 * The config file a run uses: `-c FILE` when given, else `touchpoint.config.yaml` found upward
 * from the first inventory's directory (or the working directory); undefined means defaults.
 */
export async function locateConfig(
  explicit: string | undefined,
  inventory: readonly string[],
  cwd: string,
): Promise<LocatedConfig | undefined> {
  if (explicit !== undefined) {
    return { path: path.resolve(cwd, explicit), display: explicit, via: 'option' };
  }
  const first = inventory.find((input) => input !== '-');
  let start = cwd;
  if (first !== undefined) {
    const absolute = path.resolve(cwd, first);
    start = (await isDirectory(absolute)) ? absolute : path.dirname(absolute);
  }
  const found = await findConfigFile(start);
  if (found === undefined) return undefined;
  return {
    path: found,
    display: path.relative(cwd, found).split(path.sep).join('/'),
    via: 'found',
  };
}

/**
 * The metric inputs when `-m` is not given: `metrics/` beside the first inventory that is a
 * plain path, when that folder exists; otherwise none.
 */
export async function defaultMetricInputs(
  inventory: readonly string[],
  cwd: string,
): Promise<string[]> {
  const first = inventory.find((input) => input !== '-' && !/[*?[\]{}]/.test(input));
  if (first === undefined) return [];
  const dir = (await isDirectory(path.resolve(cwd, first))) ? first : path.dirname(first);
  const metricsDir = path.join(dir, 'metrics');
  return (await isDirectory(path.resolve(cwd, metricsDir)))
    ? [metricsDir.split(path.sep).join('/')]
    : [];
}
