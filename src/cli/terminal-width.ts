import type { CliIo } from './io.js';

/** The width human output is laid out for when neither a terminal nor COLUMNS gives one. */
export const DEFAULT_WIDTH = 100;

/** The narrowest layout: a narrower terminal gets this one and wraps its longer lines itself. */
export const MIN_WIDTH = 80;

/**
 * The columns human output is laid out for: a terminal's own width, else `COLUMNS` when it is a
 * positive integer (as shells export it and many CLIs honour it), else 100, so that piped
 * output does not depend on where it ran. Never below 80.
 */
export function terminalWidth(io: Pick<CliIo, 'stdout' | 'env'>): number {
  const fromTerminal =
    io.stdout.isTTY === true && (io.stdout.columns ?? 0) > 0 ? io.stdout.columns : undefined;
  const fromEnv = /^[1-9][0-9]{0,5}$/.test(io.env.COLUMNS ?? '')
    ? Number(io.env.COLUMNS)
    : undefined;
  return Math.max(MIN_WIDTH, fromTerminal ?? fromEnv ?? DEFAULT_WIDTH);
}
