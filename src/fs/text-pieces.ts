/** Text in pieces, in order, that together may be longer than one string can be. */
export type TextChunks = Iterable<string>;

/**
 * The longest piece `textPieces` joins, in UTF-16 code units: far below V8's limit on one
 * string (about 512 MiB), and long enough that a report is written in a few hundred writes
 * rather than one per chunk.
 */
export const PIECE_LENGTH = 2 ** 20;

/**
 * Joins consecutive chunks into pieces of at most `limit` code units, to be written one after
 * another; a chunk longer than `limit` is a piece of its own, never cut (so no character is
 * split). Plain text is one piece.
 */
export function* textPieces(text: string | TextChunks, limit = PIECE_LENGTH): Generator<string> {
  if (typeof text === 'string') {
    yield text;
    return;
  }
  let batch: string[] = [];
  let length = 0;
  for (const chunk of text) {
    if (length + chunk.length > limit && batch.length > 0) {
      yield batch.join('');
      batch = [];
      length = 0;
    }
    batch.push(chunk);
    length += chunk.length;
  }
  if (batch.length > 0) yield batch.join('');
}
