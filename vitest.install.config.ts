import { defineConfig } from 'vitest/config';

// The install tests: the README's install commands and the GitHub Action's npm ci, run for real.
export default defineConfig({
  test: {
    include: ['test/install/**/*.test.ts'],
    testTimeout: 900_000,
    // One at a time: each runs npm installs, and the machine's cores are shared.
    fileParallelism: false,
  },
});
