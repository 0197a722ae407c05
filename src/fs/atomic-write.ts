import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { textPieces } from './text-pieces.js';
import type { TextChunks } from './text-pieces.js';
import { resolveWriteTarget } from './write-target.js';

/** Temp files being written right now, so an interrupted process can remove them. */
const pending = new Set<string>();

/** Told of each temp file before it is created and after it is gone (renamed or removed). */
export type PendingWriteObserver = (temp: string, inFlight: boolean) => void;

let observer: PendingWriteObserver | undefined;

/**
 * Reports temp files to another thread: a process whose work runs in a worker thread keeps
 * its signal handlers on the main thread, which must know what to remove when it stops.
 */
export function observePendingWrites(next: PendingWriteObserver | undefined): void {
  observer = next;
}

function tempPathFor(path: string): string {
  const suffix = randomBytes(9).toString('hex');
  return join(dirname(path), `.${basename(path)}.${suffix}.tmp`);
}

/** What a write takes: text, bytes, or text in pieces too long together for one string. */
export type WriteData = string | Uint8Array | TextChunks;

/**
 * Writes `data` at the handle's position. Text in pieces goes piece after piece (see
 * `textPieces`), each written whole, so it is never joined into one string.
 */
async function writeData(handle: FileHandle, data: WriteData): Promise<void> {
  if (data instanceof Uint8Array) {
    await handle.writeFile(data);
    return;
  }
  for (const piece of textPieces(data)) await handle.writeFile(piece);
}

async function existingMode(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).mode & 0o7777;
  } catch {
    return undefined;
  }
}

/**
 * Writes `data` to `path` so readers only ever see the old file or the complete new one:
 * the data goes to a temp file in the same directory (same file system, so the rename is
 * atomic), is flushed to disk, and is then renamed over `path`. On any error the temp file is
 * removed and the error rethrown; `path` is left untouched. An existing file's permissions
 * are kept. Text in pieces is written piece by piece, so it may be longer than one string can be;
 * if producing a piece throws, the write fails like any other.
 *
 * A symlink is followed and its target replaced, so the link stays a link. A path that is not
 * a regular file — a character device, a FIFO, `/dev/stdout` — is written through instead,
 * since renaming over it would replace the device with a file.
 */
export async function writeFileAtomic(path: string, data: WriteData): Promise<void> {
  const target = await resolveWriteTarget(path);
  if (target.writeThrough) {
    // A regular file behind /dev/stdout is the shell's redirection: append, as a write to the
    // descriptor would, instead of truncating what is already there.
    const handle = await open(path, target.regularFile ? 'a' : 'w');
    try {
      await writeData(handle, data);
    } finally {
      await handle.close();
    }
    return;
  }
  await replaceFile(target.path, data);
}

async function replaceFile(path: string, data: WriteData): Promise<void> {
  const temp = tempPathFor(path);
  const mode = await existingMode(path);
  pending.add(temp);
  observer?.(temp, true);
  try {
    const handle = await open(temp, 'wx', mode ?? 0o666);
    try {
      await writeData(handle, data);
      await handle.sync();
      if (mode !== undefined) await handle.chmod(mode);
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    pending.delete(temp);
    observer?.(temp, false);
  }
}

/**
 * Removes the temp files of writes still in flight. Synchronous, for a SIGINT/SIGTERM handler
 * in the CLI: after it, no half-written temp file is left behind.
 */
export function cleanupPendingWrites(): void {
  for (const temp of pending) {
    rmSync(temp, { force: true });
    pending.delete(temp);
  }
}
