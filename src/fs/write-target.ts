import { lstat, readlink, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { usageError } from '../i18n/worded-error.js';

/** More hops than this is a symlink loop (the kernel's own limit is 40). */
const MAX_SYMLINK_HOPS = 40;

/** Where a write to a path really lands. */
export interface WriteTarget {
  /** The path with every symlink followed and `..` resolved; the file need not exist yet. */
  path: string;
  /**
   * Write through `path` as given instead of replacing the target: the target is not a regular
   * file (a character device, a FIFO, a socket) or is reached through `/dev` or `/proc` (for
   * example `/dev/stdout`, which names whatever the process's standard output is).
   */
  writeThrough: boolean;
  /** The target exists and is a regular file (when it is written through, it is appended to). */
  regularFile: boolean;
  /**
   * 1 or 2 when the path names the process's standard output or error (`/dev/stdout`,
   * `/dev/fd/1`, `/proc/self/fd/2`): those are written through the stream, since a pipe or
   * socket behind them cannot always be opened by name.
   */
  standardStream?: 1 | 2;
}

function standardStreamOf(p: string): 1 | 2 | undefined {
  const match = /^\/(?:dev\/(stdout|stderr)|(?:dev\/fd|proc\/self\/fd)\/([12]))$/.exec(p);
  if (!match) return undefined;
  return match[1] === 'stdout' || match[2] === '1' ? 1 : 2;
}

const isSpecialTree = (p: string): boolean => /^\/(dev|proc)(\/|$)/.test(p);

async function realDirectory(dir: string): Promise<string> {
  return realpath(dir).catch(() => dir);
}

/**
 * Follows `absolute` through its symlinks (dangling ones too) to the file a write would
 * change, so that an atomic replace renames over the target and never over the link.
 */
export async function resolveWriteTarget(absolute: string): Promise<WriteTarget> {
  let current = path.resolve(absolute);
  let special = isSpecialTree(current);
  let stream = standardStreamOf(current);
  for (let hop = 0; hop < MAX_SYMLINK_HOPS && stream === undefined; hop++) {
    const info = await lstat(current).catch(() => undefined);
    if (!info?.isSymbolicLink()) break;
    const link = await readlink(current);
    current = path.resolve(path.dirname(current), link);
    special ||= isSpecialTree(current);
    stream = standardStreamOf(current);
  }
  // The kernel follows what readlink cannot (the "pipe:[123]" links under /proc/self/fd).
  const info = await stat(absolute).catch(() => undefined);
  const regularFile = info?.isFile() === true;
  const resolved = path.join(await realDirectory(path.dirname(current)), path.basename(current));
  return {
    path: resolved,
    writeThrough: special || (info !== undefined && !regularFile),
    regularFile,
    ...(stream !== undefined ? { standardStream: stream } : {}),
  };
}

/** An input the run reads, or an output it writes. */
export interface NamedPath {
  /** Absolute path. */
  path: string;
  /** As the user wrote it, for messages. */
  display: string;
  /** What it is, for messages: "inventory file", "metric export", "config file". */
  kind: string;
}

export interface OutputPath extends NamedPath {
  /** An input kind this output may replace on purpose (`--write-baseline` over `--baseline`). */
  mayReplace?: string;
}

interface Identity {
  key?: string;
  real: string;
}

async function identify(absolute: string): Promise<Identity> {
  const info = await stat(absolute).catch(() => undefined);
  const target = await resolveWriteTarget(absolute);
  return {
    ...(info?.isFile() ? { key: `${info.dev.toString()}:${info.ino.toString()}` } : {}),
    real: target.path,
  };
}

const same = (a: Identity, b: Identity): boolean =>
  (a.key !== undefined && a.key === b.key) || a.real === b.real;

/**
 * Refuses, with a `UsageError`, any output that would write over one of the run's inputs or
 * over another output. Paths are compared by where they really lead: symlinks and `..` are
 * resolved, and two names of one file (hard links) are the same file. Special files such as
 * `/dev/null` or `/dev/stdout` never clash: writing to them replaces nothing.
 */
export async function checkOutputClashes(
  outputs: readonly OutputPath[],
  inputs: readonly NamedPath[],
): Promise<void> {
  const inputIds = await Promise.all(inputs.map((input) => identify(input.path)));
  const seen: { output: OutputPath; id: Identity }[] = [];
  for (const output of outputs) {
    const target = await resolveWriteTarget(output.path);
    if (target.writeThrough) continue;
    const id = await identify(output.path);
    for (const [index, input] of inputs.entries()) {
      const inputId = inputIds[index];
      if (inputId === undefined || output.mayReplace === input.kind || !same(id, inputId)) continue;
      throw usageError(
        'err.overwritesInput',
        { output: output.display, input: input.display },
        { kind: input.kind },
      );
    }
    const earlier = seen.find((s) => same(s.id, id));
    if (earlier) {
      throw usageError('err.twoOutputs', { output: output.display });
    }
    seen.push({ output, id });
  }
}
