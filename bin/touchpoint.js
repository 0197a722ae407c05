#!/usr/bin/env node
import { runShell } from '../dist/bundle/shell.js';

// The work runs in a worker thread; this thread keeps handling signals and a closed stdout.
process.exitCode = await runShell(process.argv);
