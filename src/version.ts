import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * The package version from package.json: one level up from src/ and dist/, two from the
 * bundled CLI in dist/bundle/.
 */
function readVersion(): string {
  for (const candidate of ['../package.json', '../../package.json']) {
    try {
      const pkg = require(candidate) as { name?: string; version: string };
      if (pkg.name === 'touchpoint-audit') return pkg.version;
    } catch {
      // not at this level; try the next
    }
  }
  return '0.0.0';
}

export const TOOL_VERSION: string = readVersion();

/** What `touchpoint --version` prints: `touchpoint-audit 0.1.0 (Node v20.20.0)`. */
export function versionLine(nodeVersion: string): string {
  return `touchpoint-audit ${TOOL_VERSION} (Node ${nodeVersion})`;
}
