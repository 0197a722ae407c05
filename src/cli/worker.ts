import { workerData } from 'node:worker_threads';
import { observePendingWrites } from '../fs/atomic-write.js';
import type { CliIo } from './io.js';
import { processIo } from './io.js';
import { main } from './main.js';
import type { ShellMessage, ShellWorkerData } from './shell-protocol.js';

// The CLI's work runs here, in a worker thread, so the main thread stays free to act on
// signals and on a closed stdout at once, however long a synchronous step takes.
const data = workerData as ShellWorkerData;
const post = (message: ShellMessage): void => {
  data.port.postMessage(message);
};

observePendingWrites((temp, inFlight) => {
  post({ kind: 'temp', path: temp, inFlight });
});

const local = processIo();
const stream = (fd: 1 | 2, info: ShellWorkerData['stdout']): CliIo['stdout'] => ({
  write(text: string) {
    post({ kind: 'write', fd, text });
    return true;
  },
  isTTY: info.isTTY,
  ...(info.columns !== undefined ? { columns: info.columns } : {}),
});

const io: CliIo = {
  ...local,
  stdout: stream(1, data.stdout),
  stderr: stream(2, data.stderr),
  readStdin() {
    post({ kind: 'stdin' });
    return local.readStdin();
  },
  startSpinner(text) {
    post({ kind: 'spinner', text });
    return {
      update(next) {
        post({ kind: 'spinner', text: next });
      },
      stop() {
        post({ kind: 'spinner' });
      },
    };
  },
};

const code = await main(data.argv, io);
post({ kind: 'done', code });
data.port.close();
