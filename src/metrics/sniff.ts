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
  | { kind: 'binary'; reason: 'utf-16' | 'nul-bytes' | 'control-characters' };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(buf: Buffer, bytes: number[]): boolean {
  return bytes.every((b, i) => buf[i] === b);
}

/**
 * Looks at the first bytes of a file (a few KB are enough): text or binary, and which delimiter
 * the header line uses (the most frequent of `,` `;` tab outside quotes; `,` when none occurs).
 */
export function sniff(head: Buffer): Sniffed {
  const start = startsWith(head, UTF8_BOM) ? 3 : 0;
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) {
    return { kind: 'binary', reason: 'utf-16' };
  }
  if (head.subarray(start).every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d)) {
    return { kind: 'empty' };
  }
  let control = 0;
  for (let i = start; i < head.length; i++) {
    const b = head[i] ?? 0;
    if (b === 0) return { kind: 'binary', reason: 'nul-bytes' };
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) control++;
  }
  if (control > 8 && control * 10 > head.length - start) {
    return { kind: 'binary', reason: 'control-characters' };
  }
  const text = head.subarray(start).toString('utf8');
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
