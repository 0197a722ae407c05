/** Alias keys that are patterns: a glob or a `/regex/`, and why one cannot be used. */
import { globProblem } from './glob.js';

/** A `/regex/` key: the text between the slashes, with an optional `i` flag (always implied). */
export const REGEX_KEY = /^\/(.+)\/i?$/s;
const GLOB_CHARS = /[*?[\]{}]/;

/** True when an `aliases:` key is a pattern (a glob or a `/regex/`) rather than an exact id. */
export function isPatternKey(key: string): boolean {
  return REGEX_KEY.test(key) || GLOB_CHARS.test(key);
}

/**
 * Why an alias pattern cannot be used: a glob the bounded matcher refuses, or a regex key that
 * does not compile or can backtrack for ever on a long id (a quantified group that itself holds a
 * quantifier, `(a+)+`): refused when the config is loaded.
 */
export function unsafeRegexReason(key: string): string | undefined {
  const body = REGEX_KEY.exec(key)?.[1];
  if (body === undefined) return isPatternKey(key) ? globProblem(key) : undefined;
  try {
    new RegExp(body, 'iu');
  } catch (error) {
    return `not a valid regular expression (${error instanceof Error ? error.message : String(error)})`;
  }
  if (/\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)\s*[+*{]/.test(body))
    return 'a quantified group holding a quantifier can backtrack for ever: write it without the nesting';
  return undefined;
}
