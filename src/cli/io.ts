import { maxInputBytes, tooLargeError } from '../fs/read-input.js';
/** The process surface the CLI touches, injectable so tests can run `main()` in-process. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  readStdin(): Promise<string>;
  /** The clock the as-of date defaults to (its local calendar date); default: the system's. */
  now?: () => Date;
  /** Shows a progress spinner; default: ora on this thread's stderr. */
  startSpinner?: (text: string) => { update(text: string): void; stop(): void };
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    async readStdin() {
      // `validate - < /dev/zero` must end: stop at the input limit.
      const limit = maxInputBytes(process.env);
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of process.stdin) {
        size += (chunk as Buffer).length;
        if (size > limit) {
          process.stdin.destroy();
          throw tooLargeError('-', 'standard input', limit);
        }
        chunks.push(chunk as Buffer);
      }
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

export type ColorMode = 'auto' | 'always' | 'never';

/**
 * Whether to colour output: `--color` wins, then NO_COLOR (any non-empty value) and
 * FORCE_COLOR (`0` means no), then whether the stream is a terminal.
 */
export function useColor(mode: ColorMode, env: CliIo['env'], isTTY: boolean | undefined): boolean {
  if (mode === 'always') return true;
  if (mode === 'never') return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return isTTY === true;
}
