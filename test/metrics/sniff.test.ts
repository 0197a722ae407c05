import { describe, expect, it } from 'vitest';
import { decodeHead, detectEncoding } from '../../src/metrics/decode-text.js';
import { sniff as sniffText } from '../../src/metrics/sniff.js';

const text = (s: string) => Buffer.from(s, 'utf8');
/** As the reader does: the encoding from the bytes, then the decoded head. */
const sniff = (head: Buffer) => sniffText(decodeHead(head, detectEncoding(head).encoding));

describe('sniff', () => {
  it.each([
    ['touchpoint_id,metric,value\n', ','],
    ['touchpoint_id;metric;value\r\n', ';'],
    ['touchpoint_id\tmetric\tvalue\n', '\t'],
    ['\uFEFFtouchpoint_id;metric;value\r\n', ';'],
    ['"Open rate, %";"Clicks, total";touchpoint_id\n', ';'],
    ['"a;b";c,d,e\n', ','],
    ['touchpoint_id\n', ','],
    ['a,b;c;d\na,b,c,d,e,f\n', ';'],
  ])('%j → %j', (head, delimiter) => {
    const result = sniff(text(head));
    expect(result.kind === 'text' ? result.dialect.delimiter : result.kind).toBe(delimiter);
  });

  it('reads decimal commas in `;` and tab files only', () => {
    const decimalComma = (head: string) => {
      const result = sniff(text(head));
      return result.kind === 'text' && result.dialect.decimalComma;
    };
    expect([decimalComma('a,b\n'), decimalComma('a;b\n'), decimalComma('a\tb\n')]).toEqual([
      false,
      true,
      true,
    ]);
  });

  it("honours Excel's sep= line", () => {
    expect(sniff(text('sep=;\r\na,b;c\n'))).toEqual({
      kind: 'text',
      dialect: { delimiter: ';', separatorLine: true, decimalComma: true },
    });
  });

  it.each([
    [Buffer.alloc(0), { kind: 'empty' }],
    [text('\uFEFF\r\n  \n'), { kind: 'empty' }],
    [Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), { kind: 'binary', reason: 'nul-bytes' }],
    [
      Buffer.from(Array.from({ length: 64 }, (_, i) => (i % 2 ? 0x01 : 0x41))),
      { kind: 'binary', reason: 'control-characters' },
    ],
  ])('%j is not CSV text', (head, expected) => {
    expect(sniff(head)).toEqual(expected);
  });
});
