/**
 * Characters that a terminal, a log viewer or a text editor acts on instead of showing: C0
 * controls (ESC starts CSI/OSC sequences that move the cursor, erase lines, retitle the
 * window or draw spoofed links; CR overwrites the line), DEL, C1 controls (U+009B and U+009D
 * are one-byte CSI and OSC), the line and paragraph separators, and the bidirectional marks,
 * embeddings, overrides and isolates that reorder what is shown ("Trojan Source").
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu');

/** `keep`: line breaks stay (as `\n`) where the layout has room for them; `escape`: one line. */
export type LineBreaks = 'keep' | 'escape';

function escapeCharacter(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
}

/**
 * User text made safe to show to a person: every control character, bidi control and line
 * separator becomes a visible escape (`\x1b`, `\x0d`, `\u{202e}`), so an inventory name can
 * neither drive the terminal nor hide or reorder what is shown. With `keep`, CRLF and LF stay
 * line breaks (as LF); a lone CR, tabs and everything else are still escaped.
 */
export function visibleText(text: string, lineBreaks: LineBreaks = 'escape'): string {
  if (!INVISIBLE.test(text)) return text;
  const source = lineBreaks === 'keep' ? text.replaceAll('\r\n', '\n') : text;
  return source.replace(INVISIBLE_ALL, (character) =>
    character === '\n' && lineBreaks === 'keep' ? character : escapeCharacter(character),
  );
}

/**
 * A copy of `value` with `visibleText` applied to every string in it, keys included: the
 * boundary where a report's user text (names, ids, paths, messages, waiver reasons) enters a
 * format read by people. Plain data only (what a report holds).
 */
export function visibleStrings<T>(value: T, lineBreaks: LineBreaks = 'escape'): T {
  return copyVisible(value, lineBreaks) as T;
}

function copyVisible(value: unknown, lineBreaks: LineBreaks): unknown {
  if (typeof value === 'string') return visibleText(value, lineBreaks);
  if (Array.isArray(value)) return value.map((item) => copyVisible(item, lineBreaks));
  if (value === null || typeof value !== 'object') return value;
  // fromEntries defines own properties, so a `__proto__` key stays a key.
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      visibleText(key, lineBreaks),
      copyVisible(item, lineBreaks),
    ]),
  );
}
