import type { CliIo } from './io.js';

export interface Progress {
  update(text: string): void;
  stop(): void;
}

const SILENT: Progress = {
  update() {
    /* no progress display */
  },
  stop() {
    /* no progress display */
  },
};

/**
 * A spinner on stderr while long work runs — only on an interactive terminal: never in CI,
 * in pipes, or with --quiet, so stdout and logs stay clean. ora loads only when shown.
 */
export function startProgress(io: CliIo, quiet: boolean): Progress {
  // A terminal that reports no width (some pseudo-terminals) would make the spinner's line
  // clearing loop forever, so it counts as non-interactive.
  const interactive =
    io.stderr.isTTY === true &&
    (io.stderr.columns ?? 0) > 0 &&
    !quiet &&
    io.env.CI === undefined &&
    io.env.TERM !== 'dumb';
  if (!interactive) return SILENT;
  let spinner: { text: string; stop(): void } | undefined;
  let stopped = false;
  let pending = 'working';
  void import('ora').then(({ default: ora }) => {
    if (stopped) return;
    spinner = ora({ text: pending, stream: process.stderr }).start();
  });
  return {
    update(text) {
      pending = text;
      if (spinner) spinner.text = text;
    },
    stop() {
      stopped = true;
      spinner?.stop();
    },
  };
}
