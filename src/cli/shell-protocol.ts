import type { MessagePort } from 'node:worker_threads';

/** What the worker thread tells the main thread (all on one port, so in order). */
export type ShellMessage =
  | { kind: 'write'; fd: 1 | 2; text: string }
  /** A temp file about to be created (`inFlight`), or gone again. */
  | { kind: 'temp'; path: string; inFlight: boolean }
  /** Show or update the spinner; no text stops it. */
  | { kind: 'spinner'; text?: string }
  /** The worker wants standard input: pipe it in. */
  | { kind: 'stdin' }
  | { kind: 'done'; code: number };

export interface StreamInfo {
  isTTY: boolean;
  columns?: number;
}

/** What the main thread hands the worker thread when it starts it. */
export interface ShellWorkerData {
  argv: string[];
  port: MessagePort;
  stdout: StreamInfo;
  stderr: StreamInfo;
}
