/** What the first bytes of a file say about how to parse it. */
export interface Dialect {
  delimiter: ',' | ';' | '\t';
  /** True when the file starts with Excel's `sep=;` hint line, which is not the header. */
  separatorLine: boolean;
  /** `;` and tab exports come from locales that write decimal commas. */
  decimalComma: boolean;
}

export type Sniffed =
  | { kind: 'text'; dialect: Dialect }
  | { kind: 'empty' }
  | { kind: 'binary'; reason: 'nul-bytes' | 'control-characters' };

/**
 * Looks at the first characters of a file (decoded, without its BOM; a few KB are enough): text
 * or binary, and which delimiter the header line uses (the most frequent of `,` `;` tab outside
 * quotes; `,` when none occurs).
 */
export function sniff(text: string): Sniffed {
  if (/^[ \t\r\n]*$/.test(text)) return { kind: 'empty' };
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return { kind: 'binary', reason: 'nul-bytes' };
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) control++;
  }
  if (control > 8 && control * 10 > text.length) {
    return { kind: 'binary', reason: 'control-characters' };
  }
  const sep = /^sep=([,;\t])\r?\n/i.exec(text);
  if (sep !== null) {
    const delimiter = sep[1] as Dialect['delimiter'];
    return {
      kind: 'text',
      dialect: { delimiter, separatorLine: true, decimalComma: delimiter !== ',' },
    };
  }
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  let delimiter: Dialect['delimiter'] = ',';
  if (counts[';'] > counts[delimiter]) delimiter = ';';
  if (counts['\t'] > counts[delimiter]) delimiter = '\t';
  return {
    kind: 'text',
    dialect: { delimiter, separatorLine: false, decimalComma: delimiter !== ',' },
  };
}
