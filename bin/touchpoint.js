#!/usr/bin/env node
import { main } from '../dist/cli/main.js';
import { cleanupPendingWrites } from '../dist/fs/atomic-write.js';

// Ctrl-C or a CI timeout must never leave a half-written report or a stray temp file.
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
]) {
  process.once(signal, () => {
    cleanupPendingWrites();
    process.exit(code);
  });
}

process.exitCode = await main(process.argv);
