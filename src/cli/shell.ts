import { rmSync } from 'node:fs';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { EXIT_CANNOT_RUN, EXIT_SIGNAL } from '../exit-codes.js';
import { visibleText } from '../text/visible-text.js';
import { startSpinner } from './progress.js';
import type { Progress } from './progress.js';
import type { ShellMessage, ShellWorkerData, StreamInfo } from './shell-protocol.js';
import { createLocale } from '../i18n/locale.js';
import type { Locale } from '../i18n/locale.js';
import { argvLang } from './locale.js';

const SIGNAL_EXIT = { SIGINT: EXIT_SIGNAL.SIGINT, SIGTERM: EXIT_SIGNAL.SIGTERM } as const;
const EXIT_PIPE_CLOSED = EXIT_SIGNAL.SIGPIPE;

/** How long a stop waits for the worker thread before it removes temp files regardless. */
const TERMINATE_WAIT_MS = 300;

function info(stream: NodeJS.WriteStream): StreamInfo {
  return {
    isTTY: stream.isTTY,
    ...(stream.isTTY && stream.columns > 0 ? { columns: stream.columns } : {}),
  };
}

/** The line for a worker that failed outside the CLI's own error path, in the run's language. */
export function workerErrorText(error: Error & { code?: string }, words: Locale): string {
  return error.code === 'ERR_WORKER_OUT_OF_MEMORY'
    ? words.text('cli.outOfMemory')
    : words.text('cli.internalError', { detail: visibleText(error.message, 'keep') });
}

/**
 * The process shell: runs the CLI in a worker thread and keeps this thread free, so Ctrl-C
 * and SIGTERM stop the process within moments whatever the work is doing (a JavaScript signal
 * handler cannot run while its own thread is busy), a closed stdout ends the run quietly, and
 * no temp file of an interrupted write is left behind. Resolves to the exit code.
 */
export function runShell(argv: readonly string[]): Promise<number> {
  const { port1: port, port2 } = new MessageChannel();
  const data: ShellWorkerData = {
    argv: [...argv],
    port: port2,
    stdout: info(process.stdout),
    stderr: info(process.stderr),
  };
  const worker = new Worker(new URL('./worker.js', import.meta.url), {
    workerData: data,
    transferList: [port2],
    stdin: true,
    stdout: false,
    stderr: false,
  });

  // The words of its own two lines: --lang in the arguments, else the locale environment.
  const words = createLocale(argvLang(argv, process.env));
  const temps = new Set<string>();
  let spinner: Progress | undefined;
  let stdinPiped = false;
  let code: number | undefined;
  let stopping = false;

  const handle = async (message: ShellMessage): Promise<void> => {
    switch (message.kind) {
      case 'write': {
        if (stopping) return;
        const stream = message.fd === 1 ? process.stdout : process.stderr;
        // Wait until the text is out, so a closed stdout is noticed before anything follows.
        await new Promise<void>((resolve) => {
          stream.write(message.text, () => {
            resolve();
          });
        });
        return;
      }
      case 'temp':
        if (message.inFlight) temps.add(message.path);
        else temps.delete(message.path);
        return;
      case 'spinner':
        if (message.text === undefined) {
          spinner?.stop();
          spinner = undefined;
        } else if (spinner) spinner.update(message.text);
        else if (!stopping) spinner = startSpinner(message.text, process.stderr);
        return;
      case 'stdin':
        if (!stdinPiped && worker.stdin) process.stdin.pipe(worker.stdin);
        stdinPiped = true;
        return;
      case 'done':
        code = message.code;
        // The worker has its answer: a stdin without end (`- < /dev/zero`) must not keep the
        // process alive.
        if (stdinPiped) {
          process.stdin.unpipe();
          process.stdin.destroy();
          void worker.terminate();
        }
        return;
    }
  };
  // Messages are handled one after another, in the order the worker sent them.
  const queue: ShellMessage[] = [];
  let drained: Promise<void> = Promise.resolve();
  const pump = async (): Promise<void> => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) await handle(next);
  };
  const enqueue = (message: ShellMessage): void => {
    queue.push(message);
    if (queue.length === 1) drained = drained.then(pump);
  };
  port.on('message', enqueue);

  /** Stops the worker, removes every temp file it announced, and exits with `status`. */
  const stop = async (status: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    spinner?.stop();
    await Promise.race([
      worker.terminate(),
      new Promise((resolve) => setTimeout(resolve, TERMINATE_WAIT_MS)),
    ]);
    // Messages not handled yet may announce more temp files.
    for (let next = receiveMessageOnPort(port); next; next = receiveMessageOnPort(port)) {
      queue.push(next.message as ShellMessage);
    }
    for (const message of queue) {
      if (message.kind !== 'temp') continue;
      if (message.inFlight) temps.add(message.path);
      else temps.delete(message.path);
    }
    for (const temp of temps) rmSync(temp, { force: true });
    process.exit(status);
  };

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => void stop(SIGNAL_EXIT[signal]));
  }
  // A reader that went away (`| head -1`) is not an error: stop quietly, as SIGPIPE would.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      void stop(error.code === 'EPIPE' ? EXIT_PIPE_CLOSED : EXIT_CANNOT_RUN);
    });
  }

  return new Promise((resolve) => {
    worker.on('error', (error: Error & { code?: string }) => {
      process.stderr.write(`touchpoint: ${workerErrorText(error, words)}\n`);
      code = EXIT_CANNOT_RUN;
    });
    worker.on('exit', () => {
      // The port may still hold the last messages; they are handled before the process ends.
      for (let next = receiveMessageOnPort(port); next; next = receiveMessageOnPort(port)) {
        enqueue(next.message as ShellMessage);
      }
      void drained.then(() => {
        spinner?.stop();
        if (stdinPiped) process.stdin.destroy();
        port.close();
        resolve(code ?? EXIT_CANNOT_RUN);
      });
    });
  });
}
