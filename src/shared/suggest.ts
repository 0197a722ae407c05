/**
 * Edit distance with adjacent transpositions (optimal string alignment, a restricted
 * Damerau–Levenshtein): `onbaording` → `onboarding` is one edit, not two.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  // Three rolling rows: two back (for transpositions), previous and current.
  let twoBack = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (twoBack[j - 2] ?? 0) + 1);
      }
      current[j] = best;
    }
    [twoBack, previous, current] = [previous, current, twoBack];
  }
  return previous[b.length] ?? 0;
}

/**
 * Longest word a suggestion is looked for (a typo in a 60,000-character name helps no one, and
 * the edit distance costs the product of the lengths).
 */
export const MAX_SUGGEST_LENGTH = 100;

/** Most candidates compared for one suggestion, in the order given. */
export const MAX_SUGGEST_CANDIDATES = 1_000;

/** Most edits a suggestion may be away from the word: one per three characters, at least one. */
export function maxSuggestionDistance(word: string): number {
  return Math.max(1, Math.floor(word.length / 3));
}

/**
 * The candidate closest to `word` (case-insensitive), for "did you mean …?" messages, or
 * undefined when none is within {@link maxSuggestionDistance}. Ties go to the candidate
 * listed first, so the answer is deterministic for a given candidate order. When nothing is
 * that close, a candidate that is one of the word's `-`/`_`-separated parts is suggested
 * (`cs-team` → `cs`).
 */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  const needle = word.trim().toLowerCase();
  if (needle === '' || needle.length > MAX_SUGGEST_LENGTH) return undefined;
  const limit = maxSuggestionDistance(needle);
  let best: string | undefined;
  let bestDistance = Infinity;
  let compared = 0;
  for (const candidate of candidates) {
    if (++compared > MAX_SUGGEST_CANDIDATES) break;
    const hay = candidate.toLowerCase();
    // Lengths further apart than the limit can never be within it.
    if (Math.abs(hay.length - needle.length) > limit) continue;
    const distance = editDistance(needle, hay);
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best !== undefined) return best;
  // A qualified form of a candidate: `cs-team` or `email_newsletter` → `cs`, `email`.
  const parts = new Set(needle.split(/[-_\s./]+/u).filter((part) => part !== ''));
  if (parts.size < 2) return undefined;
  for (const candidate of candidates) {
    if (parts.has(candidate.toLowerCase())) return candidate;
  }
  return undefined;
}
