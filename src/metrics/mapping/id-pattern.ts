/**
 * Names that change per send (`June 13th: Impact Report 2024`) share a shape once their dates
 * and numbers are wildcards: `*: Impact Report *`. Undocumented ids of one shape are one
 * finding with that shape as the suggested `aliases:` pattern.
 */
const MONTHS =
  'january|february|march|april|may|june|july|august|september|october|november|december|' +
  'januari|februari|maret|mei|juni|juli|agustus|oktober|desember|' +
  'jan|feb|mar|apr|jun|jul|aug|agu|sep|sept|oct|okt|nov|dec|des';
const VARIABLE = new RegExp(`\\b(?:${MONTHS})\\b|\\d+(?:st|nd|rd|th)?`, 'gi');
/** Wildcards separated only by spaces and date punctuation are one wildcard. */
const RUN = /\*(?:[\s\-/.,]*\*)+/g;
/** Ids longer than this are not given a shape (no pattern from a huge cell). */
const MAX_ID = 200;

/** The id's shape (`*: Impact Report *`), or undefined when it has no variable part or too little text. */
export function idPattern(id: string): string | undefined {
  if (id.length > MAX_ID) return undefined;
  const shape = id.trim().replace(VARIABLE, '*').replace(RUN, '*');
  if (!shape.includes('*')) return undefined;
  const letters = shape.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 ? shape : undefined;
}
