import { fileURLToPath } from 'node:url';
import { expectGoldenFile } from '../helpers/golden.js';

const GOLDEN_DIR = fileURLToPath(new URL('../fixtures/reporters/', import.meta.url));

/**
 * Compares `actual` with `test/fixtures/reporters/golden.<ext>` (see expectGoldenFile). The
 * fixture report names its own fixed tool version, so nothing is masked.
 */
export function expectGolden(ext: string, actual: string): void {
  expectGoldenFile(`${GOLDEN_DIR}golden.${ext}`, actual, (text) => text);
}
