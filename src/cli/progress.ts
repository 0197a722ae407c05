import type { Locale } from '../i18n/locale.js';
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
export function startProgress(io: CliIo, quiet: boolean, words: Locale): Progress {
  // A terminal that reports no width (some pseudo-terminals) would make the spinner's line
  // clearing loop forever, so it counts as non-interactive.
  const interactive =
    io.stderr.isTTY === true &&
    (io.stderr.columns ?? 0) > 0 &&
    !quiet &&
    io.env.CI === undefined &&
    io.env.TERM !== 'dumb';
  if (!interactive) return SILENT;
  return (io.startSpinner ?? ((text) => startSpinner(text, process.stderr)))(
    words.text('progress.working'),
  );
}

/**
 * An ora spinner on `stream` (loaded on first use). The process shell runs it on the main
 * thread, which stays free while the work runs in a worker, so the spinner keeps turning.
 */
export function startSpinner(text: string, stream: NodeJS.WritableStream): Progress {
  let spinner: { text: string; stop(): void } | undefined;
  let stopped = false;
  let pending = text;
  void import('ora').then(({ default: ora }) => {
    if (stopped) return;
    spinner = ora({ text: pending, stream }).start();
  });
  return {
    update(next) {
      pending = next;
      if (spinner) spinner.text = next;
    },
    stop() {
      stopped = true;
      spinner?.stop();
    },
  };
}
