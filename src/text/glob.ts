import { loadPicomatch } from './load-picomatch.js';

/**
 * Globs over ids and rule names (`ignore:`, waiver `touchpoint:` and `rule:`). picomatch
 * compiles `*` to a lazy regex group, and a pattern such as `*a*a*a…*b` then backtracks
 * exponentially against a long id (DESIGN §8: bounded time on any input). Patterns made of
 * literals, `*` and `?` — nearly every real one — are matched here segment by segment in
 * O(pattern × text) with picomatch's semantics (`*` and `?` stay within a `/`-separated
 * segment, never match a leading `.`, and a lone `*` needs one character); anything richer
 * (classes, braces, extglobs, `**`, negation) goes to picomatch, with at most
 * {@link MAX_GLOB_STARS} wildcards so its backtracking stays polynomial and small.
 */
export type GlobMatcher = (text: string) => boolean;

/** Most `*` a pattern with classes, braces or extglobs may hold. */
export const MAX_GLOB_STARS = 3;

const RICH = /[[\]{}()!@+\\]|\*\*/;

/** Why `pattern` cannot be used as a glob, or undefined when it can. */
export function globProblem(pattern: string): string | undefined {
  const issue = globIssue(pattern);
  if (issue === undefined) return undefined;
  return issue.kind === 'empty'
    ? 'a glob may not be empty'
    : `a glob with classes, braces or extglobs may hold at most ${String(issue.limit)} '*' (this one has ${String(issue.stars)})`;
}

/** What {@link globProblem} refuses, as facts (for findings worded by their rule). */
export type GlobIssue = { kind: 'empty' } | { kind: 'tooManyStars'; stars: number; limit: number };

export function globIssue(pattern: string): GlobIssue | undefined {
  if (pattern === '') return { kind: 'empty' };
  if (!RICH.test(pattern)) return undefined;
  const stars = pattern.split('*').length - 1;
  return stars > MAX_GLOB_STARS
    ? { kind: 'tooManyStars', stars, limit: MAX_GLOB_STARS }
    : undefined;
}

/** A matcher for any of `patterns`; throws on a pattern {@link globProblem} refuses. */
export function compileGlobs(
  patterns: string | readonly string[],
  options: { dot?: boolean } = {},
): GlobMatcher {
  const list = typeof patterns === 'string' ? [patterns] : patterns;
  const dot = options.dot === true;
  const matchers = list.map((pattern) => compileGlob(pattern, dot));
  return (text) => matchers.some((match) => match(text));
}

function compileGlob(pattern: string, dot: boolean): GlobMatcher {
  const problem = globProblem(pattern);
  if (problem !== undefined) throw new Error(`${problem}: ${pattern}`);
  if (RICH.test(pattern)) return loadPicomatch()(pattern, { dot });
  const segments = pattern.split('/');
  return (text) => {
    const parts = text.split('/');
    return (
      parts.length === segments.length &&
      segments.every((segment, i) => matchSegment(segment, parts[i] ?? '', dot))
    );
  };
}

/** `*` and `?` against one segment: the greedy wildcard walk, retrying from the last `*`. */
function matchSegment(pattern: string, text: string, dot: boolean): boolean {
  if (!dot && text.startsWith('.') && !pattern.startsWith('.')) return false;
  if (text === '' && pattern !== '') return false;
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    const char = pattern[p];
    if (char === '?' || (char !== undefined && char !== '*' && char === text[t])) {
      p++;
      t++;
    } else if (char === '*') {
      star = p++;
      mark = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}
