#!/usr/bin/env node
import { cleanupPendingWrites, main } from '../dist/bundle/main.js';

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
