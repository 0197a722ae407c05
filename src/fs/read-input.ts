import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { ErrorTerm, InputError } from '../errors.js';
import { inputError } from '../i18n/worded-error.js';

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
    throw inputError('err.maxInputMb', { value: JSON.stringify(raw) });
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

/** The one-line error for an input that is too large (`what`: a noun, see src/i18n/worded-error.ts). */
export function tooLargeError(display: string, what: ErrorTerm, limit: number): InputError {
  const mib = Math.round((limit / 2 ** 20) * 10) / 10;
  return inputError('err.tooLarge', { file: display, mib }, { what });
}

/**
 * Reads a whole input file: only a regular file (a symlink is followed), at most `limit`
 * bytes. A FIFO, device or directory would block or never end (`-c /dev/zero`), so it is
 * refused before a byte is read. Errors are one-line `InputError`s (exit 2).
 */
export async function readInputFile(
  file: string,
  display: string,
  what: ErrorTerm,
  limit: number = DEFAULT_MAX_INPUT_BYTES,
): Promise<Uint8Array> {
  const cannot = (error: unknown): InputError =>
    inputError(
      'err.cannotRead',
      { file: display, code: (error as NodeJS.ErrnoException).code ?? 'error' },
      { what },
    );
  // Checked before opening: opening a FIFO with no writer blocks.
  const info = await stat(file).catch((error: unknown) => {
    throw cannot(error);
  });
  const kind = KINDS.find(([test]) => info[test]());
  if (kind) throw inputError('err.notRegular', { file: display }, { what, kind: kind[1] });
  if (info.size > limit) throw tooLargeError(display, what, limit);
  // O_NONBLOCK: should the path be swapped for a FIFO since the stat, opening it cannot hang.
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK).catch(
    (error: unknown) => {
      throw cannot(error);
    },
  );
  try {
    const bytes = await handle.readFile();
    // The file may have grown since the stat.
    if (bytes.length > limit) throw tooLargeError(display, what, limit);
    return bytes;
  } finally {
    await handle.close();
  }
}
