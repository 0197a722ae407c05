import { compileGlobs, globProblem } from '../../text/glob.js';

/** Ids longer than this are compared exactly only: a pattern never scans a huge cell. */
const PATTERN_ID_LIMIT = 512;
/** Distinct ids whose resolution is remembered; past it the memo starts over (bounded memory). */
const MEMO_LIMIT = 4096;

/** A `/regex/` key: the text between the slashes, with an optional `i` flag (always implied). */
const REGEX_KEY = /^\/(.+)\/i?$/s;
const GLOB_CHARS = /[*?[\]{}]/;

/** True when an `aliases:` key is a pattern (a glob or a `/regex/`) rather than an exact id. */
export function isPatternKey(key: string): boolean {
  return REGEX_KEY.test(key) || GLOB_CHARS.test(key);
}

/** Names as patterns compare them: trimmed, lower-case, runs of white space as one space. */
export function normaliseName(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
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

type Test = (normalised: string) => boolean;

function slashFree(text: string): string {
  return text.replaceAll('/', '\u0001');
}

function compile(key: string): Test {
  const body = REGEX_KEY.exec(key)?.[1];
  if (body !== undefined) {
    const regex = new RegExp(body, 'iu');
    return (id) => regex.test(id);
  }
  // Export names are not paths: a `/` in them is an ordinary character for `*`.
  const match = compileGlobs(slashFree(normaliseName(key)), { dot: true });
  return (id) => match(slashFree(id));
}

/**
 * `aliases:` as the reader applies them: an exact key wins; otherwise the first pattern (glob or
 * `/regex/`, case- and space-insensitive) in the order written. Unmatched ids stay as they are.
 */
export class AliasResolver {
  private readonly exact = new Map<string, string>();
  private readonly patterns: { key: string; test: Test; target: string }[] = [];
  private readonly memo = new Map<string, string>();

  constructor(aliases: Record<string, string>) {
    for (const [key, target] of Object.entries(aliases)) {
      if (isPatternKey(key)) this.patterns.push({ key, test: compile(key), target });
      else this.exact.set(key, target);
    }
  }

  get empty(): boolean {
    return this.exact.size === 0 && this.patterns.length === 0;
  }

  resolve(id: string): string {
    const exact = this.exact.get(id);
    if (exact !== undefined) return exact;
    if (this.patterns.length === 0) return id;
    let resolved = this.memo.get(id);
    if (resolved !== undefined) return resolved;
    resolved = id;
    if (id.length <= PATTERN_ID_LIMIT) {
      const normalised = normaliseName(id);
      for (const pattern of this.patterns) {
        if (pattern.test(normalised)) {
          resolved = pattern.target;
          break;
        }
      }
    }
    if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
    this.memo.set(id, resolved);
    return resolved;
  }
}
