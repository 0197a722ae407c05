import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Real npm installs (minutes): `npm run test:install`, run by .ci/run.
    exclude: ['test/install/**', '**/node_modules/**'],
    // Checks that each rule's own test file makes that rule report a finding.
    setupFiles: ['test/setup/rule-file-check.ts'],
    testTimeout: 30_000,
    // One worker per core: vitest's default leaves one free, which on a 2-core machine runs
    // the files one at a time (about 225 s instead of 130; the e2e files spend most of their
    // time waiting for the processes they start).
    maxWorkers: availableParallelism(),
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary'],
    },
  },
});
