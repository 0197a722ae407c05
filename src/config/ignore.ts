import { compileGlobs, type GlobMatcher } from '../text/glob.js';

/**
 * The matcher of the config's `ignore:` globs, or undefined when there are none. Ids are not
 * paths, so `*` also matches a leading `.`: every place that applies `ignore:` (the metric
 * reader, gap/undocumented-touchpoint, observed/unplanned, the policy) uses this one matcher and
 * so agrees on every id.
 */
export function ignoreMatcher(patterns: readonly string[]): GlobMatcher | undefined {
  return patterns.length > 0 ? compileGlobs(patterns, { dot: true }) : undefined;
}
