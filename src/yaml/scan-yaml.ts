import { isScalar, parseDocument } from 'yaml';

/**
 * A collection read by {@link scanYaml}, with yaml's source ranges: `start` and `end` are what
 * the `yaml` package puts in `range[0]` and `range[1]` of the same node.
 */
export interface ScannedCollection {
  start: number;
  end: number;
  /** A mapping's keys in file order; undefined for a sequence. */
  keys?: string[];
  /**
   * Per entry: key start and end (mappings only), then value start and end. A sequence has
   * two numbers per item, a mapping four per pair.
   */
  ranges: number[];
  /** Per entry, the value when it is a collection. */
  children: (ScannedCollection | undefined)[];
}

export interface ScannedYaml {
  data: unknown;
  root: ScannedCollection;
  /** Offsets at which lines start, as yaml's LineCounter holds them. */
  lineStarts: number[];
}

/** Thrown inside the scanner at the first construct outside the subset it reads. */
class Unsupported extends Error {}
const unsupported = (): never => {
  throw new Unsupported();
};

/** Deepest nesting the scanner reads itself; deeper files go to yaml (and its depth limit). */
const MAX_SCANNED_DEPTH = 32;

/** The core schema's scalar tags that resolve plain scalars (null, bool, int, float). */
const CORE_TAGS = parseDocument('').schema.tags.filter(
  (tag) => tag.default === true && tag.test !== undefined,
);

/**
 * Every core tag's test pattern starts with one of these characters (`~`, null, true, false,
 * a sign, a dot or a digit), so a plain scalar starting with anything else is a string.
 */
const MAY_RESOLVE = /^[~nNtTfF+\-.0-9]/;

/** A plain scalar's value under yaml's core schema, exactly as `yaml` resolves it. */
function resolvePlain(text: string): unknown {
  if (!MAY_RESOLVE.test(text)) return text;
  for (const tag of CORE_TAGS) {
    if (!tag.test?.test(text)) continue;
    const problem = { found: false };
    const resolved: unknown = tag.resolve(
      text,
      () => {
        problem.found = true;
      },
      {},
    );
    if (problem.found) return unsupported();
    return isScalar(resolved) ? resolved.value : resolved;
  }
  return text;
}

const SPACE = 0x20;
const NEWLINE = 0x0a;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;

/** A lookup table of the characters in `chars` (all ASCII), by char code. */
function charTable(chars: string): { has(code: number): boolean } {
  const table = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return { has: (code) => code < 128 && table[code] === 1 };
}

/** Characters that cannot start a plain scalar the scanner reads (YAML indicators). */
const INDICATOR = charTable('?:,[]{}#&*!|>\'"%@`');
/** Characters that end a plain scalar inside a flow collection. */
const FLOW_END = charTable(',[]{}');

interface Value {
  value: unknown;
  start: number;
  end: number;
  /** Where yaml's node ends, trailing spaces, comment and line break included (`range[2]`). */
  nodeEnd: number;
  child?: ScannedCollection;
}

/**
 * Reads the plain subset of YAML that machine-written and most hand-written inventories use —
 * block mappings and sequences, one-line flow collections, one-line plain and quoted scalars,
 * comments at the start of a line — producing the same data and node ranges as `yaml`'s
 * `parseDocument` + `toJS`, several times faster and without a node per scalar. Returns
 * undefined for anything else (anchors, tags, block scalars, multi-line scalars, indented
 * comment lines, tabs, CR, duplicate keys, any error…): the caller then parses with `yaml`.
 */
export function scanYaml(text: string): ScannedYaml | undefined {
  if (/[\t\r\ufeff]/.test(text)) return undefined;
  try {
    return new Scanner(text).scan();
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

class Scanner {
  private readonly text: string;
  private readonly length: number;
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    this.text = text;
    this.length = text.length;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
      this.lineStarts.push(i + 1);
    }
  }

  scan(): ScannedYaml {
    const first = this.nextContent(0);
    if (first === this.length) return unsupported();
    if (this.indentOf(first) !== 0) return unsupported();
    const node = this.block(first, 0, 1);
    if (node.child === undefined || this.nextContent(node.nodeEnd) !== this.length)
      return unsupported();
    return { data: node.value, root: node.child, lineStarts: this.lineStarts };
  }

  private code(i: number): number {
    return i < this.length ? this.text.charCodeAt(i) : NEWLINE;
  }

  private atLineEnd(i: number): boolean {
    return i >= this.length || this.text.charCodeAt(i) === NEWLINE;
  }

  /** Column (0-based) of an offset: the spaces before it on its line. */
  private indentOf(i: number): number {
    const lineStart = this.text.lastIndexOf('\n', i - 1) + 1;
    return i - lineStart;
  }

  /**
   * The first content character at or after `from`, a line start or the rest of a line,
   * skipping blank lines and comment lines at column 0; `length` at the end. A comment line
   * that is indented, a document marker or a directive is outside the subset.
   */
  private nextContent(from: number, commentsAllowed = true): number {
    let i = from;
    for (;;) {
      const lineStart = i;
      while (this.code(i) === SPACE && i < this.length) i++;
      if (i >= this.length) return this.length;
      const c = this.text.charCodeAt(i);
      if (c === NEWLINE) {
        i++;
        continue;
      }
      if (c === HASH) {
        if (!commentsAllowed) return unsupported();
        if (i !== lineStart || (lineStart > 0 && this.text.charCodeAt(lineStart - 1) !== NEWLINE))
          return unsupported();
        const end = this.text.indexOf('\n', i);
        if (end === -1) return this.length;
        i = end + 1;
        continue;
      }
      if (
        i === lineStart &&
        (c === 0x25 || this.text.startsWith('---', i) || this.text.startsWith('...', i))
      )
        return unsupported();
      return i;
    }
  }

  /** After a value ending at `end`: its trailing spaces, comment and line break. */
  private nodeEnd(end: number): number {
    let i = end;
    while (i < this.length && this.text.charCodeAt(i) === SPACE) i++;
    if (i >= this.length) return this.length;
    const c = this.text.charCodeAt(i);
    if (c === HASH) return i === end ? unsupported() : this.lineEndAfter(i);
    if (c === NEWLINE) return i + 1;
    return unsupported();
  }

  /** The offset after the line break ending the line that holds `i` (or the end of text). */
  private lineEndAfter(i: number): number {
    const lineEnd = this.text.indexOf('\n', i);
    return lineEnd === -1 ? this.length : lineEnd + 1;
  }

  /** The block collection starting at content offset `at`, in column `column`. */
  private block(at: number, column: number, depth: number): Value {
    if (depth > MAX_SCANNED_DEPTH) return unsupported();
    return this.isSeqEntry(at) ? this.sequence(at, column, depth) : this.mapping(at, column, depth);
  }

  private isSeqEntry(at: number): boolean {
    if (this.text.charCodeAt(at) !== DASH) return false;
    const next = this.code(at + 1);
    return next === SPACE || next === NEWLINE;
  }

  private sequence(at: number, column: number, depth: number): Value {
    const items: unknown[] = [];
    const node: ScannedCollection = { start: at, end: at, ranges: [], children: [] };
    let i = at;
    for (;;) {
      const item = this.entryValue(i + 1, column, depth, false);
      items.push(item.value);
      node.ranges.push(item.start, item.end);
      node.children.push(item.child);
      node.end = item.nodeEnd;
      const next = this.nextContent(item.nodeEnd);
      if (next === this.length) break;
      const indent = this.indentOf(next);
      if (indent < column) break;
      if (indent > column) return unsupported();
      if (!this.isSeqEntry(next)) break;
      i = next;
    }
    return { value: items, start: at, end: node.end, nodeEnd: node.end, child: node };
  }

  private mapping(at: number, column: number, depth: number): Value {
    const map: Record<string, unknown> = {};
    const node: ScannedCollection = { start: at, end: at, keys: [], ranges: [], children: [] };
    let i = at;
    for (;;) {
      const colon = this.keyEnd(i);
      if (colon - i > 1000) return unsupported();
      const key = resolvePlain(this.text.slice(i, colon));
      if (typeof key !== 'string' || Object.hasOwn(map, key)) return unsupported();
      const value = this.entryValue(colon + 1, column, depth, true);
      setKey(map, key, value.value);
      node.keys?.push(key);
      node.ranges.push(i, colon, value.start, value.end);
      node.children.push(value.child);
      node.end = value.nodeEnd;
      const next = this.nextContent(value.nodeEnd);
      if (next === this.length) break;
      const indent = this.indentOf(next);
      if (indent < column) break;
      if (indent > column || this.isSeqEntry(next)) return unsupported();
      i = next;
    }
    return { value: map, start: at, end: node.end, nodeEnd: node.end, child: node };
  }

  /** The end of a plain key starting at `i`: the offset of its `:` (followed by a space or EOL). */
  private keyEnd(i: number): number {
    const c = this.text.charCodeAt(i);
    if (INDICATOR.has(c) || c === DASH) return unsupported();
    for (let j = i; ; j++) {
      const d = this.code(j);
      if (d === NEWLINE) return unsupported();
      if (d === HASH && this.text.charCodeAt(j - 1) === SPACE) return unsupported();
      if (d === COLON) {
        const after = this.code(j + 1);
        if (after === SPACE || after === NEWLINE) {
          if (this.text.charCodeAt(j - 1) === SPACE) return unsupported();
          return j;
        }
      }
    }
  }

  /**
   * The value after a mapping's `:` or a sequence's `-` at `from`: on the same line, or a
   * nested block on the next lines, or empty (null).
   */
  private entryValue(from: number, column: number, depth: number, inMap: boolean): Value {
    let i = from;
    while (this.code(i) === SPACE && i < this.length) i++;
    if (this.atLineEnd(i) || this.text.charCodeAt(i) === HASH) {
      // Empty here: yaml places the empty node after the spaces (at the comment, if any), and
      // ends it there or after the comment's line break.
      // With a comment, yaml ends it where the next content starts. Comment lines after an
      // empty value would end it elsewhere: those are left to yaml.
      const commented = !this.atLineEnd(i);
      const next = this.nextContent(commented ? this.lineEndAfter(i) : i, false);
      if (next < this.length) {
        const indent = this.indentOf(next);
        if (indent > column || (inMap && indent === column && this.isSeqEntry(next))) {
          const nested = this.block(next, indent, depth + 1);
          return { ...nested, nodeEnd: nested.end };
        }
      }
      return { value: null, start: i, end: i, nodeEnd: commented ? next : i };
    }
    if (!inMap) {
      if (this.isSeqEntry(i)) return unsupported();
      if (this.looksLikeKey(i)) {
        const nested = this.mapping(i, this.indentOf(i), depth + 1);
        return { ...nested, nodeEnd: nested.end };
      }
    }
    const value = this.inline(i, depth);
    const next = this.nextContent(value.nodeEnd);
    if (next < this.length && this.indentOf(next) > column) return unsupported();
    return value;
  }

  /** Whether the rest of the line from `i` is a `key: …` entry (a compact mapping). */
  private looksLikeKey(i: number): boolean {
    const c = this.text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b || c === 0x22 || c === 0x27) return false;
    for (let j = i; ; j++) {
      const d = this.code(j);
      if (d === NEWLINE) return false;
      if (d === HASH && this.text.charCodeAt(j - 1) === SPACE) return false;
      if (d === COLON) {
        const after = this.code(j + 1);
        if (after === SPACE || after === NEWLINE) return true;
      }
    }
  }

  /** A value that starts and ends on this line: a flow collection or a scalar. */
  private inline(i: number, depth: number): Value {
    const c = this.text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      const flow = this.flow(i, depth + 1);
      return { ...flow, nodeEnd: this.nodeEnd(flow.end) };
    }
    if (c === 0x22 || c === 0x27) {
      const quoted = this.quoted(i);
      return { ...quoted, nodeEnd: this.nodeEnd(quoted.end) };
    }
    if (INDICATOR.has(c) || this.isSeqEntry(i)) return unsupported();
    // A plain scalar: to the end of the line or a comment; `: ` inside would be a mapping.
    let j = i;
    let last = i;
    for (; ; j++) {
      const d = this.code(j);
      if (d === NEWLINE) break;
      if (d === HASH && this.text.charCodeAt(j - 1) === SPACE) break;
      if (d === COLON) {
        const after = this.code(j + 1);
        if (after === SPACE || after === NEWLINE) return unsupported();
      }
      if (d !== SPACE) last = j + 1;
    }
    const end = last;
    return {
      value: resolvePlain(this.text.slice(i, end)),
      start: i,
      end,
      nodeEnd: this.nodeEnd(end),
    };
  }

  /** A single- or double-quoted scalar on one line; double quotes without escapes. */
  private quoted(i: number): { value: string; start: number; end: number } {
    const quote = this.text.charCodeAt(i);
    let value = '';
    let from = i + 1;
    for (let j = i + 1; ; j++) {
      const d = this.code(j);
      if (d === NEWLINE || (quote === 0x22 && d === 0x5c)) return unsupported();
      if (d !== quote) continue;
      if (quote === 0x27 && this.code(j + 1) === 0x27) {
        value += this.text.slice(from, j + 1);
        from = j + 2;
        j++;
        continue;
      }
      value += this.text.slice(from, j);
      return { value, start: i, end: j + 1 };
    }
  }

  private skipSpaces(i: number): number {
    let j = i;
    while (this.code(j) === SPACE && j < this.length) j++;
    return j;
  }

  /** A flow collection `[…]` or `{…}` on one line. */
  private flow(at: number, depth: number): Value & { child: ScannedCollection } {
    if (depth > MAX_SCANNED_DEPTH) return unsupported();
    const isMap = this.text.charCodeAt(at) === 0x7b;
    const close = isMap ? 0x7d : 0x5d;
    const node: ScannedCollection = { start: at, end: at, ranges: [], children: [] };
    const map: Record<string, unknown> = {};
    const items: unknown[] = [];
    if (isMap) node.keys = [];
    let i = this.skipSpaces(at + 1);
    for (;;) {
      if (this.text.charCodeAt(i) === close) break;
      let key: string | undefined;
      if (isMap) {
        const keyStart = i;
        const keyEnd = this.flowPlainEnd(i);
        if (this.code(keyEnd) !== COLON || this.code(keyEnd + 1) !== SPACE) return unsupported();
        const resolved = resolvePlain(this.text.slice(keyStart, keyEnd));
        if (typeof resolved !== 'string' || Object.hasOwn(map, resolved)) return unsupported();
        key = resolved;
        node.keys?.push(key);
        node.ranges.push(keyStart, keyEnd);
        i = this.skipSpaces(keyEnd + 1);
      }
      const value = this.flowValue(i, depth);
      if (key === undefined) items.push(value.value);
      else setKey(map, key, value.value);
      node.ranges.push(value.start, value.end);
      node.children.push(value.child);
      i = this.skipSpaces(value.end);
      const d = this.code(i);
      if (d === close) break;
      if (d !== 0x2c) return unsupported();
      i = this.skipSpaces(i + 1);
    }
    node.end = i + 1;
    return { value: isMap ? map : items, start: at, end: i + 1, nodeEnd: i + 1, child: node };
  }

  private flowValue(i: number, depth: number): Value {
    const c = this.code(i);
    if (c === 0x5b || c === 0x7b) return this.flow(i, depth + 1);
    if (c === 0x22 || c === 0x27) return { ...this.quoted(i), nodeEnd: 0 };
    const end = this.flowPlainEnd(i);
    if (this.code(end) === COLON) return unsupported();
    return { value: resolvePlain(this.text.slice(i, end)), start: i, end, nodeEnd: 0 };
  }

  /** The end (trailing spaces excluded) of a plain scalar in a flow collection at `i`. */
  private flowPlainEnd(i: number): number {
    const c = this.code(i);
    if (INDICATOR.has(c) || c === NEWLINE || c === SPACE) return unsupported();
    let last = i;
    for (let j = i; ; j++) {
      const d = this.code(j);
      if (d === NEWLINE) return unsupported();
      // A `:` right after the scalar ends a flow mapping's key; anywhere else it is left to yaml.
      if (d === COLON) return last === j ? j : unsupported();
      if (FLOW_END.has(d)) return last;
      if (d === HASH && this.text.charCodeAt(j - 1) === SPACE) return unsupported();
      if (d !== SPACE) last = j + 1;
    }
  }
}

/** Sets a key as yaml's toJS does: a key the object inherits becomes an own property. */
function setKey(map: Record<string, unknown>, key: string, value: unknown): void {
  if (key in map)
    Object.defineProperty(map, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  else map[key] = value;
}
