import { isAscii, isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { TextDecoder } from 'node:util';
import type { Encoding } from '../config/config.js';
import type { EncodingReason } from '../report.js';

export type { Encoding };

/** How a file's encoding was decided: its BOM or bytes (evidence), the config, or ASCII only. */
export interface EncodingChoice {
  encoding: Encoding;
  by: 'evidence' | 'config' | 'default';
  /** Said why, for `-v`: `BOM`, `not valid UTF-8`, … */
  reason: EncodingReason;
}

/** Text the decoding could not read faithfully: where it starts and how much of it. */
export interface EncodingDamage {
  cause: 'invalid-bytes' | 'replacement-characters' | 'undefined-bytes';
  encoding: Encoding;
  /** Characters affected in the file. */
  count: number;
  /** The 1-based physical line of the first one. */
  line: number;
}

const REPLACEMENT = '\uFFFD';
const REPLACEMENT_BYTES = Buffer.from(REPLACEMENT, 'utf8');
/** Bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D mean nothing in Windows-1252: decoded as C1 controls. */
const C1_CONTROL = /[\u0080-\u009f]/g;

/** The length of `buf` without a UTF-8 sequence cut off at its end. */
function completeLength(buf: Uint8Array): number {
  const end = buf.length;
  for (let i = end - 1; i >= 0 && i >= end - 3; i--) {
    const b = buf[i] ?? 0;
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return i + need > end ? i : end;
  }
  return end;
}

/** UTF-16 without a BOM: ASCII text has a NUL in every other byte. */
function utf16Without(head: Buffer): Encoding | undefined {
  const pairs = Math.min(head.length >> 1, 512);
  if (pairs < 2) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  if (oddNul >= pairs * 0.9 && evenNul === 0) return 'utf-16le';
  if (evenNul >= pairs * 0.9 && oddNul === 0) return 'utf-16be';
  return undefined;
}

/** Non-ASCII characters decoded from valid UTF-8, and U+FFFD for bytes that were not. */
function utf8Tally(bytes: Buffer): { valid: number; invalid: number } {
  const text = new TextDecoder('utf-8').decode(bytes);
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) invalid++;
    else if (c > 0x7f) valid++;
  }
  return { valid, invalid };
}

/**
 * Decides a file's encoding from its first bytes (`whole` when they are the whole file): a BOM
 * (UTF-8, UTF-16LE/BE), then `configured`, then UTF-16 without a BOM (NULs in every other byte),
 * then UTF-8 when the bytes are valid UTF-8 (or mostly: real UTF-8 with a few broken bytes),
 * else Windows-1252 (what Excel and Microsoft Forms write on Western Windows).
 */
export function detectEncoding(head: Buffer, configured?: Encoding, whole = true): EncodingChoice {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { encoding: 'utf-8', by: 'evidence', reason: 'BOM' };
  if (head[0] === 0xff && head[1] === 0xfe)
    return { encoding: 'utf-16le', by: 'evidence', reason: 'BOM' };
  if (head[0] === 0xfe && head[1] === 0xff)
    return { encoding: 'utf-16be', by: 'evidence', reason: 'BOM' };
  if (configured !== undefined) return { encoding: configured, by: 'config', reason: 'encoding:' };
  const utf16 = utf16Without(head);
  if (utf16 !== undefined)
    return { encoding: utf16, by: 'evidence', reason: 'NUL in every other byte' };
  const complete = whole ? head : head.subarray(0, completeLength(head));
  if (isAscii(complete)) return { encoding: 'utf-8', by: 'default', reason: 'ASCII only so far' };
  if (isUtf8(complete)) return { encoding: 'utf-8', by: 'evidence', reason: 'valid UTF-8' };
  const { valid, invalid } = utf8Tally(complete);
  if (valid > 0 && valid >= invalid)
    return { encoding: 'utf-8', by: 'evidence', reason: 'mostly valid UTF-8' };
  return { encoding: 'windows-1252', by: 'evidence', reason: 'not valid UTF-8' };
}

/**
 * Decodes a file's first bytes as text, for sniffing (no BOM in the result). Always through a
 * streaming TextDecoder: Node 20's one-shot `decode()` reads windows-1252 as Latin-1
 * (nodejs/node#56542), the streaming path goes through ICU and is right.
 */
export function decodeHead(head: Buffer, encoding: Encoding): string {
  const bytes = encoding === 'utf-8' ? head.subarray(0, completeLength(head)) : head;
  return new TextDecoder(encoding).decode(bytes, { stream: true });
}

function countNewlines(text: string, end = text.length): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Newlines in the first `offset` bytes of a file whose newline is the byte 0x0A. */
async function newlinesBefore(file: string, offset: number): Promise<number> {
  if (offset === 0) return 0;
  let n = 0;
  for await (const chunk of createReadStream(file, { end: offset - 1 })) {
    const buf = chunk as Buffer;
    for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, i + 1)) n++;
  }
  return n;
}

/**
 * Turns a file's bytes into UTF-8 for the CSV parser. Valid UTF-8 passes through untouched
 * (checked per chunk, nothing copied: the common case costs one validation pass); anything else
 * goes through a TextDecoder. A UTF-8 guess that meets invalid bytes after ASCII only switches
 * to Windows-1252 (ASCII reads the same in both); after real UTF-8 it decodes on with U+FFFD
 * and records the damage. Text that decodes to U+FFFD, or to C1 controls in Windows-1252, is
 * recorded too: `damage()` tells where it starts once the file is read.
 */
export class DecodeStream extends Transform {
  encoding: Encoding;
  private decoder: TextDecoder | undefined;
  private readonly switchable: boolean;
  private sawNonAscii = false;
  /** Bytes passed through unchanged so far, and a UTF-8 sequence cut at the last chunk's end. */
  private offset = 0;
  private carry: Buffer | undefined;
  /** Where decoding began (byte offset) and newlines decoded since. */
  private decodedFrom = 0;
  private decodedLines = 0;
  private first: { cause: EncodingDamage['cause']; offset: number; lines: number } | undefined;
  private count = 0;

  constructor(
    choice: EncodingChoice,
    private readonly file: string,
  ) {
    super();
    this.encoding = choice.encoding;
    this.switchable = choice.encoding === 'utf-8' && choice.by === 'default';
    if (choice.encoding !== 'utf-8') this.decoder = new TextDecoder(choice.encoding);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.decoder !== undefined) this.decode(chunk);
    else this.check(chunk);
    done();
  }

  override _flush(done: TransformCallback): void {
    if (this.carry !== undefined) {
      // The file ends inside a UTF-8 sequence.
      this.startDecoding(this.offset, 'utf-8');
      const carry = this.carry;
      this.carry = undefined;
      this.decode(carry);
    }
    if (this.decoder !== undefined) this.pass(this.decoder.decode());
    done();
  }

  /** What the decoding could not read faithfully, with the line of the first such character. */
  async damage(): Promise<EncodingDamage | undefined> {
    const first = this.first;
    if (first === undefined) return undefined;
    const before = await newlinesBefore(this.file, first.offset);
    return {
      cause: first.cause,
      encoding: this.encoding,
      count: this.count,
      line: before + first.lines + 1,
    };
  }

  private check(input: Buffer): void {
    let chunk = input;
    if (this.carry !== undefined) {
      chunk = Buffer.concat([this.carry, input]);
      this.carry = undefined;
    }
    const end = completeLength(chunk);
    const piece = end === chunk.length ? chunk : chunk.subarray(0, end);
    if (!isUtf8(piece)) {
      const toWindows = this.switchable && !this.sawNonAscii;
      this.startDecoding(this.offset, toWindows ? 'windows-1252' : 'utf-8');
      this.decode(chunk);
      return;
    }
    if (!this.sawNonAscii && !isAscii(piece)) this.sawNonAscii = true;
    if (this.sawNonAscii) {
      let at = piece.indexOf(REPLACEMENT_BYTES);
      if (at >= 0) {
        this.first ??= { cause: 'replacement-characters', offset: this.offset + at, lines: 0 };
        for (; at >= 0; at = piece.indexOf(REPLACEMENT_BYTES, at + 3)) this.count++;
      }
    }
    this.offset += piece.length;
    if (end < chunk.length) this.carry = Buffer.from(chunk.subarray(end));
    this.push(piece);
  }

  private startDecoding(offset: number, encoding: Encoding): void {
    this.encoding = encoding;
    this.decoder = new TextDecoder(encoding);
    this.decodedFrom = offset;
  }

  private decode(chunk: Buffer): void {
    this.pass((this.decoder as TextDecoder).decode(chunk, { stream: true }));
  }

  private pass(text: string): void {
    if (text === '') return;
    const replaced = text.indexOf(REPLACEMENT);
    if (replaced >= 0)
      this.note('invalid-bytes', text, replaced, (t) => t.split(REPLACEMENT).length - 1);
    if (this.encoding === 'windows-1252') {
      C1_CONTROL.lastIndex = 0;
      const c1 = C1_CONTROL.exec(text);
      if (c1 !== null)
        this.note('undefined-bytes', text, c1.index, (t) => t.match(C1_CONTROL)?.length ?? 0);
    }
    this.decodedLines += countNewlines(text);
    this.push(Buffer.from(text, 'utf8'));
  }

  private note(
    cause: EncodingDamage['cause'],
    text: string,
    index: number,
    count: (text: string) => number,
  ): void {
    this.count += count(text);
    this.first ??= {
      cause,
      offset: this.decodedFrom,
      lines: this.decodedLines + countNewlines(text, index),
    };
  }
}
