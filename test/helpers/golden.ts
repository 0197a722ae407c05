import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { TOOL_VERSION } from '../../src/version.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** What golden files hold in place of the tool's version, so a version bump changes none. */
export const VERSION_MASK = '<tool-version>';
/** What golden files hold in place of Node's version (`--version`, `doctor`: `(Node v20.20.0)`). */
export const NODE_VERSION_MASK = '<node-version>';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Replaces the tool's own version where output names it — `"version": "…"` and
 * `"semanticVersion": "…"` (JSON, SARIF) and `touchpoint-audit …` (Markdown, HTML) — and
 * nowhere else, so a metric value that happens to read like the version stays as it is; and
 * Node's version in `(Node v20.20.0)`, so goldens pass on every Node the CI runs.
 */
export function maskToolVersion(text: string, version: string = TOOL_VERSION): string {
  const v = escapeRegExp(version);
  return text
    .replace(new RegExp(`("(?:version|semanticVersion)": ?)"${v}"`, 'g'), `$1"${VERSION_MASK}"`)
    .replace(new RegExp(`(touchpoint-audit[ @])${v}(?![\\w-]|\\.\\d)`, 'g'), `$1${VERSION_MASK}`)
    .replace(/\(Node v\d+\.\d+\.\d+\)/g, `(Node ${NODE_VERSION_MASK})`);
}

/**
 * Compares `actual` with a golden file byte for byte, after `mask` (by default the tool
 * version; output of a fixture report, which names a fixed version, passes `(text) => text`).
 * A missing golden file is a failure; only `UPDATE_GOLDEN=1` writes golden files, and CI
 * refuses to.
 */
export function expectGoldenFile(
  file: string,
  actual: string,
  mask: (text: string) => string = maskToolVersion,
): void {
  const masked = mask(actual);
  const shown = path.relative(ROOT, file);
  if (process.env.UPDATE_GOLDEN === '1') {
    if (process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false') {
      throw new Error(`UPDATE_GOLDEN=1 is refused in CI: golden files change only by a commit`);
    }
    writeFileSync(file, masked);
  }
  if (!existsSync(file)) {
    throw new Error(
      `golden file ${shown} is missing: check the output, then write it with UPDATE_GOLDEN=1 npx vitest run <test file>`,
    );
  }
  expect(masked).toBe(readFileSync(file, 'utf8'));
}
