import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { InputError } from '../errors.js';

/**
 * Largest inventory, config, waivers file or standard input read, in bytes (64 MiB: a
 * 100,000-touchpoint inventory is about 25 MB). `TOUCHPOINT_MAX_INPUT_MB` changes it.
 */
export const DEFAULT_MAX_INPUT_BYTES = 64 * 2 ** 20;

/** The limit `TOUCHPOINT_MAX_INPUT_MB` sets (a positive number of MiB), else the default. */
export function maxInputBytes(env: Readonly<Record<string, string | undefined>>): number {
  const raw = env.TOUCHPOINT_MAX_INPUT_MB;
  if (raw === undefined || raw.trim() === '') return DEFAULT_MAX_INPUT_BYTES;
  const mib = Number(raw);
  if (!Number.isFinite(mib) || mib <= 0) {
    throw new InputError(
      `TOUCHPOINT_MAX_INPUT_MB is ${JSON.stringify(raw)}: give a positive number of MiB`,
    );
  }
  return Math.floor(mib * 2 ** 20);
}

const KINDS: [
  test: 'isDirectory' | 'isFIFO' | 'isCharacterDevice' | 'isBlockDevice' | 'isSocket',
  name: string,
][] = [
  ['isDirectory', 'a directory'],
  ['isFIFO', 'a FIFO (named pipe)'],
  ['isCharacterDevice', 'a character device'],
  ['isBlockDevice', 'a block device'],
  ['isSocket', 'a socket'],
];

/** The one-line message for an input that is too large. */
export function tooLargeMessage(display: string, what: string, limit: number): string {
  return `${display}: the ${what} is larger than ${formatMiB(limit)}, the limit for one input (set TOUCHPOINT_MAX_INPUT_MB to raise it)`;
}

function formatMiB(bytes: number): string {
  return `${Math.round((bytes / 2 ** 20) * 10) / 10} MiB`;
}

/**
 * Reads a whole input file: only a regular file (a symlink is followed), at most `limit`
 * bytes. A FIFO, device or directory would block or never end (`-c /dev/zero`), so it is
 * refused before a byte is read. Errors are one-line `InputError`s (exit 2).
 */
export async function readInputFile(
  file: string,
  display: string,
  what: string,
  limit: number = DEFAULT_MAX_INPUT_BYTES,
): Promise<Uint8Array> {
  const cannot = (error: unknown): InputError =>
    new InputError(
      `${display}: cannot read the ${what} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  // Checked before opening: opening a FIFO with no writer blocks.
  const info = await stat(file).catch((error: unknown) => {
    throw cannot(error);
  });
  const kind = KINDS.find(([test]) => info[test]());
  if (kind) throw new InputError(`${display}: the ${what} is ${kind[1]}, not a regular file`);
  if (info.size > limit) throw new InputError(tooLargeMessage(display, what, limit));
  // O_NONBLOCK: should the path be swapped for a FIFO since the stat, opening it cannot hang.
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK).catch(
    (error: unknown) => {
      throw cannot(error);
    },
  );
  try {
    const bytes = await handle.readFile();
    // The file may have grown since the stat.
    if (bytes.length > limit) throw new InputError(tooLargeMessage(display, what, limit));
    return bytes;
  } finally {
    await handle.close();
  }
}
