import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { expect } from 'vitest';

const GOLDEN_DIR = fileURLToPath(new URL('../fixtures/reporters/', import.meta.url));

/**
 * Compares `actual` with `test/fixtures/reporters/golden.<ext>` byte for byte.
 * `UPDATE_GOLDEN=1 npx vitest run test/reporters` rewrites the golden files instead.
 */
export function expectGolden(ext: string, actual: string): void {
  const file = `${GOLDEN_DIR}golden.${ext}`;
  if (process.env.UPDATE_GOLDEN === '1') {
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) {
    throw new Error(
      `missing golden file ${file}; run UPDATE_GOLDEN=1 npx vitest run test/reporters`,
    );
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
