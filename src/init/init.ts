import { lstat, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../errors.js';
import { inputError, usageError } from '../i18n/worded-error.js';
import { writeFileAtomic } from '../fs/atomic-write.js';
import { checkOutputClashes } from '../fs/write-target.js';

export type TemplateName = 'b2b-saas' | 'b2c';

/** The templates `touchpoint init --template` accepts. */
export const TEMPLATE_NAMES: readonly TemplateName[] = ['b2b-saas', 'b2c'];

/**
 * The files a scaffold consists of, relative to the target directory: exactly what the
 * commands read by default, so `touchpoint audit` works in the new directory with no arguments.
 */
export const SCAFFOLD_FILES: readonly string[] = [
  'touchpoints.yaml',
  'touchpoint.config.yaml',
  'metrics/sample.csv',
];

/**
 * The package's `templates/` folder. This file is `src/init/init.ts` under vitest and
 * `dist/init/init.js` once built; both sit two levels below the package root.
 */
export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export type InitProblem = { kind: 'files-exist'; files: string[] };

/**
 * A scaffold that would overwrite files. The message speaks of the `force` option, not of
 * flags: the CLI words it for `--force` from `problem`.
 */
export class InitError extends UsageError {
  constructor(readonly problem: InitProblem) {
    super(`${existingFiles(problem.files)}; set force to overwrite (nothing was written)`);
  }
}

/** "a, b already exist": the files a scaffold would overwrite. */
export function existingFiles(files: readonly string[]): string {
  return `${files.join(', ')} already ${files.length === 1 ? 'exists' : 'exist'}`;
}

export interface InitOptions {
  template: TemplateName;
  /** Overwrite scaffold files that already exist. */
  force: boolean;
  /** Where the templates live (default: {@link DEFAULT_TEMPLATES_DIR}). */
  templatesDir?: string;
  /**
   * Today's date (`YYYY-MM-DD`, default: the current UTC date). The sample metrics are moved
   * so their latest row falls on it, and a fresh scaffold never reports stale data.
   */
  today?: string;
}

/**
 * Scaffolds an inventory, a config and sample metrics in `dir` from a template, creating
 * `dir` and `dir/metrics` as needed. Refuses with an {@link InitError} naming every scaffold file
 * that already exists unless `force` is set; each file is written atomically. Returns the
 * written paths (`dir` joined with {@link SCAFFOLD_FILES}).
 */
export async function initProject(dir: string, options: InitOptions): Promise<string[]> {
  // The CLI passes whatever the user typed; the type alone does not guarantee it.
  const template: string = options.template;
  if (!(TEMPLATE_NAMES as readonly string[]).includes(template)) {
    throw usageError('err.initTemplate', { template, templates: TEMPLATE_NAMES.join(' or ') });
  }
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  if (parseIsoDay(today) === undefined) {
    throw usageError('err.initDate', { today });
  }
  const source = path.join(options.templatesDir ?? DEFAULT_TEMPLATES_DIR, template);
  // In order, so a broken install names the same missing file every time.
  const contents: string[] = [];
  for (const file of SCAFFOLD_FILES) contents.push(await readTemplateFile(path.join(source, file)));

  const targets = SCAFFOLD_FILES.map((file) => path.join(dir, file));
  // `init` into the package's own templates folder (with --force) would overwrite them.
  await checkOutputClashes(
    targets.map((target) => ({ path: target, display: target, kind: 'scaffold file' })),
    SCAFFOLD_FILES.map((file) => ({
      path: path.join(source, file),
      display: path.join(source, file),
      kind: 'template',
    })),
  );
  if (!options.force) {
    const existing = (
      await Promise.all(targets.map(async (t) => ((await exists(t)) ? t : '')))
    ).filter((t) => t !== '');
    if (existing.length > 0) {
      throw new InitError({ kind: 'files-exist', files: existing });
    }
  }

  await makeDirectory(path.join(dir, 'metrics'));
  for (const [index, target] of targets.entries()) {
    let data = contents[index] ?? '';
    if (target.endsWith('.csv')) data = shiftSampleDates(data, today);
    try {
      await writeFileAtomic(target, data);
    } catch (error) {
      throw inputError('err.cannotWrite', { file: target, code: errorCode(error) });
    }
  }
  return targets;
}

const ISO_DAY = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const DAY_MS = 86_400_000;

/**
 * Moves every ISO date in a sample CSV by the same number of days, so the latest one
 * becomes `today`; the spacing between rows is kept.
 */
export function shiftSampleDates(csv: string, today: string): string {
  const target = parseIsoDay(today);
  if (target === undefined) return csv;
  let latest: number | undefined;
  for (const match of csv.matchAll(ISO_DAY)) {
    const day = parseIsoDay(match[0]);
    if (day !== undefined && (latest === undefined || day > latest)) latest = day;
  }
  if (latest === undefined) return csv;
  const shift = target - latest;
  return csv.replace(ISO_DAY, (text) => {
    const day = parseIsoDay(text);
    return day === undefined ? text : new Date((day + shift) * DAY_MS).toISOString().slice(0, 10);
  });
}

/** Days since 1970-01-01 for a real calendar date, else undefined. */
function parseIsoDay(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const time = Date.parse(`${text}T00:00:00Z`);
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== text) return undefined;
  return time / DAY_MS;
}

async function readTemplateFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw inputError('err.cannotReadTemplate', { file, code: errorCode(error) });
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch (error) {
    // Anything but "not there" (a permission problem) counts as existing: refuse, never clobber.
    const code = errorCode(error);
    return code !== 'ENOENT' && code !== 'ENOTDIR';
  }
}

async function makeDirectory(directory: string): Promise<void> {
  try {
    await mkdir(directory, { recursive: true });
  } catch (error) {
    throw inputError('err.cannotCreateDirectory', { directory, code: errorCode(error) });
  }
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | undefined)?.code ?? 'error';
}
