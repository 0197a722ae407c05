import { createRequire } from 'node:module';
import type Picomatch from 'picomatch';

// picomatch is CommonJS, so require() loads it synchronously on first use: modules that only
// might match globs stay cheap to import (`validate` start-up).
const require = createRequire(import.meta.url);
let picomatch: typeof Picomatch | undefined;

/** picomatch, loaded on first call. */
export function loadPicomatch(): typeof Picomatch {
  return (picomatch ??= require('picomatch') as typeof Picomatch);
}
