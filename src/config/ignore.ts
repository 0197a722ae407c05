import { compileGlobs, type GlobMatcher } from '../text/glob.js';

/**
 * The matcher of the config's `ignore:` globs, or undefined when there are none. Ids are not
 * paths, so `*` also matches a leading `.`: every place that applies `ignore:` (the metric
 * reader's id limit, gap/undocumented-touchpoint, observed/unplanned) uses this one matcher and
 * so agrees on every id; each id is judged once, by the rule that reports it.
 */
export function ignoreMatcher(patterns: readonly string[]): GlobMatcher | undefined {
  return patterns.length > 0 ? compileGlobs(patterns, { dot: true }) : undefined;
}
