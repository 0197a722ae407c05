import path from 'node:path';
import type { CliIo } from '../../src/cli/io.js';

/** The repository root: the in-process CLI runs from it. */
export const ROOT = path.resolve(import.meta.dirname, '../..');

/** A CliIo that keeps what the CLI writes (not a terminal), for running main() in-process. */
export function fakeIo(env: Record<string, string> = {}): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: { write: (text: string) => (io.out += text), isTTY: false },
    stderr: { write: (text: string) => (io.err += text), isTTY: false },
    env,
    cwd: ROOT,
    readStdin: () => Promise.resolve(''),
  };
  return io;
}
