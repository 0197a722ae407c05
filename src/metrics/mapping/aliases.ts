import { REGEX_KEY, isPatternKey, unsafeRegexReason } from '../../text/alias-pattern.js';
import { compileGlobs } from '../../text/glob.js';

export { isPatternKey, unsafeRegexReason };

/** Ids longer than this are compared exactly only: a pattern never scans a huge cell. */
const PATTERN_ID_LIMIT = 512;
/** Distinct ids whose resolution is remembered; past it the memo starts over (bounded memory). */
const MEMO_LIMIT = 4096;

/** Names as patterns compare them: trimmed, lower-case, runs of white space as one space. */
export function normaliseName(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
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
