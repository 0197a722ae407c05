import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Real npm installs (minutes): `npm run test:install`, run by .ci/run.
    exclude: ['test/install/**', '**/node_modules/**'],
    // Checks that each rule's own test file makes that rule report a finding.
    setupFiles: ['test/setup/rule-file-check.ts'],
    testTimeout: 30_000,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary'],
    },
  },
});
