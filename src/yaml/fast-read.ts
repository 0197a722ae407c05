import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';
import type { LoadOptions, State } from 'js-yaml';
import { Document, isScalar } from 'yaml';
import type { ScalarTag } from 'yaml';
import { NO_NODE, TreeBuilder } from './position-tree.js';
import type { PositionTree } from './position-tree.js';

/**
 * The quick reading of a YAML file: js-yaml (about twenty times faster than the `yaml` package on
 * a 35 MB inventory) with a listener that records where each node was written. It reads only
 * files whose meaning and positions it can give exactly as the `yaml` package would, and says
 * `undefined` for anything else — a syntax error, a tag, an anchor or alias, a directive, a
 * complex or explicit key, tab indentation, a shape the two readers place differently (see the
 * checks in {@link readFast}), nesting past the limit — so the caller reads that file with the
 * `yaml` package,
 * which words the findings. A differential test holds the two readers to the same data and
 * positions on every fixture and on thousands of mutated files.
 */

export interface FastRead {
  data: unknown;
  tree: PositionTree;
}

/**
 * The YAML 1.2 core schema of the `yaml` package as js-yaml types: the same regular expressions
 * pick a plain scalar's type and the same functions make its value, so `0o17`, `1_000`, `.inf`
 * or `TRUE` read the same in both readers.
 */
function coreSchema() {
  const groups = new Map<string, ScalarTag[]>();
  for (const tag of new Document().schema.tags) {
    if (!tag.default || !('test' in tag) || !(tag.test instanceof RegExp)) continue;
    const group = groups.get(tag.tag) ?? [];
    group.push(tag as ScalarTag);
    groups.set(tag.tag, group);
  }
  const options = { intAsBigInt: false };
  const types = [...groups].map(
    ([name, tags]) =>
      new Type(name, {
        kind: 'scalar',
        resolve: (text: unknown) =>
          typeof text === 'string' && tags.some((tag) => tag.test?.test(text) === true),
        construct: (text: string) => {
          const tag = tags.find((candidate) => candidate.test?.test(text) === true) as ScalarTag;
          const value = tag.resolve(
            text,
            () => {
              throw new Unsure();
            },
            options,
          );
          // Booleans come back as a node that remembers how they were written.
          return isScalar(value) ? value.value : value;
        },
      }),
  );
  return FAILSAFE_SCHEMA.extend({ implicit: types });
}

let schema: ReturnType<typeof coreSchema> | undefined;

/** Thrown inside the parse to give the file to the `yaml` package. */
class Unsure extends Error {}

/** The state js-yaml hands its listener, with the fields its types leave out. */
interface ListenedState extends Omit<State, 'kind'> {
  kind: 'scalar' | 'mapping' | 'sequence' | null;
}

/** js-yaml's load options with the one its types leave out. */
interface FastLoadOptions extends LoadOptions {
  maxDepth: number;
}

/** A node being read: where it opened, and what its children closed with, in order. */
interface Frame {
  open: number;
  /** The children's nodes. */
  ids: number[];
  /** Each child's text when it is a scalar (a mapping's keys are its even children). */
  texts: (string | undefined)[];
  /** Where js-yaml stood when each child closed, and the value it made. */
  closedAt: number[];
  results: unknown[];
  /** The deepest nesting of collections under this node. */
  height: number;
}

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const HASH = 0x23;

/**
 * Whether every line a node continues on (after the one it starts on) is indented more than that
 * first line: where a flow collection or plain scalar comes back further left, js-yaml reads on
 * and the `yaml` package refuses.
 */
function indentedOnward(text: string, start: number, end: number): boolean {
  let eol = text.indexOf('\n', start);
  if (eol === -1 || eol >= end) return true;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  // The first line's indentation, counting the dashes of sequence items (`- - x: [`) as YAML does.
  let base = 0;
  for (;;) {
    const code = text.charCodeAt(lineStart + base);
    const dash = code === 0x2d && isSeparator(text.charCodeAt(lineStart + base + 1));
    if (code !== SPACE && !dash) break;
    base++;
  }
  while (eol !== -1 && eol < end) {
    let at = eol + 1;
    while (text.charCodeAt(at) === SPACE) at++;
    const code = text.charCodeAt(at);
    if (code !== LF && code !== CR && at < end && at - (eol + 1) <= base) return false;
    eol = text.indexOf('\n', eol + 1);
  }
  return true;
}

function isSeparator(code: number): boolean {
  return code === SPACE || code === TAB || code === LF || code === CR;
}

function isSpace(code: number): boolean {
  return code === SPACE || code === TAB;
}

/** The offset of the next node text after `offset`: past spaces, line breaks and comments. */
function skipSeparation(text: string, offset: number): number {
  let at = offset;
  for (;;) {
    const code = text.charCodeAt(at);
    if (isSeparator(code)) {
      at++;
    } else if (code === HASH) {
      // `[#1`: js-yaml reads a comment the `yaml` package refuses without a space before it.
      if (at > 0 && !isSeparator(text.charCodeAt(at - 1))) throw new Unsure();
      const eol = text.indexOf('\n', at);
      if (eol === -1) return text.length;
      at = eol + 1;
    } else {
      return at;
    }
  }
}

/** `end` moved back over spaces and line breaks, not before `start`. */
function trimEnd(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && isSeparator(text.charCodeAt(at - 1))) at--;
  return at;
}

/**
 * The end of a block scalar's value as the `yaml` package counts it: the line break after its
 * last line with text, not the blank lines js-yaml has read past.
 */
function blockScalarEnd(text: string, start: number, after: number): number {
  const at = trimEnd(text, start, after);
  const eol = text.indexOf('\n', at);
  return eol === -1 ? text.length : eol + 1;
}

/**
 * Whether a block scalar's header (`|`, `>-`, `|2+`) keeps its trailing lines (`+`) or sets
 * its indentation (a digit): the readers place the end of those differently, or disagree.
 */
function unusualHeader(text: string, start: number): boolean {
  for (let at = start + 1; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x2b /* + */ || (code >= 0x30 && code <= 0x39)) return true;
    if (isSeparator(code) || code === HASH) return false;
  }
  return false;
}

const HASH_AFTER_FLOW = /[[{,]#/;
const EXPLICIT_KEY = /(?:^|[ \t[{,])\?(?:[ \t\r\n]|$)/m;
const LONE_CR = /\r(?!\n)/;
const TAB_INDENT = /^ *\t/m;
const MARKER_RUN_ON = /^(?:---|\.\.\.)(?:[^ \t\r\n]|[ \t]+[^ \t\r\n#])/m;

/** Longest implicit key the YAML spec allows; the `yaml` package refuses longer ones. */
const MAX_KEY_LENGTH = 1024;

/**
 * Reads `text` quickly when it can be read exactly; `undefined` means "use the `yaml` package".
 * `maxDepth` is the deepest nesting of collections to accept.
 */
export function readFast(text: string, maxDepth: number): FastRead | undefined {
  // A directive (`%YAML 1.1`) can change what scalars mean.
  // js-yaml drops a byte order mark, which would shift every offset.
  if (text.startsWith('%') || text.includes('\n%') || text.startsWith('\uFEFF')) return undefined;
  // `---#`, `...x` or `--- b: c` at a line start: the two readers disagree on what the line holds.
  if (MARKER_RUN_ON.test(text)) return undefined;
  // `[#1` or `,#`: js-yaml reads a comment there, the `yaml` package refuses one without a space.
  if (HASH_AFTER_FLOW.test(text)) return undefined;
  // An explicit key (`? key`): rare in an inventory, and the readers place its nodes differently.
  if (EXPLICIT_KEY.test(text)) return undefined;
  // A tab in a line's indentation, which the `yaml` package refuses and js-yaml may not.
  if (TAB_INDENT.test(text)) return undefined;
  // A carriage return alone ends a line for js-yaml, not for the `yaml` package.
  if (LONE_CR.test(text)) return undefined;
  schema ??= coreSchema();
  const builder = new TreeBuilder();
  const frames: Frame[] = [];
  let root = NO_NODE;
  let rootHeight = 0;

  const blockScalar = (start: number, end: number, value: unknown): number => {
    // An empty one ends where the `yaml` package ends its blank lines, which differs.
    if (value === '' || unusualHeader(text, start)) throw new Unsure();
    return builder.scalar(start, blockScalarEnd(text, start, end));
  };

  const close = (state: ListenedState): void => {
    const frame = frames.pop() as Frame;
    const { open, ids, texts: keyTexts, closedAt, results: childResults } = frame;
    let height = frame.height;
    const start = skipSeparation(text, open);
    const first = text.charCodeAt(start);
    // A tag (`!`), an anchor (`&`) or an alias (`*`): no plain scalar starts with these.
    if (first === 0x21 || first === 0x26 || first === 0x2a) throw new Unsure();
    // js-yaml reads the text with a line break added when it has none at the end.
    const end = Math.min(state.position, text.length);
    // `"x"#c`: js-yaml reads a comment the `yaml` package refuses without a space before it.
    if (text.charCodeAt(end) === HASH && !isSpace(text.charCodeAt(end - 1))) throw new Unsure();
    let id: number;
    let scalarText: string | undefined;
    if (ids.length === 1 && closedAt[0] === state.position && childResults[0] === state.result) {
      // js-yaml tried this node as the key of a block mapping, found no `:`, and kept it.
      id = ids[0] as number;
      scalarText = keyTexts[0];
    } else if (state.kind === 'mapping' || state.kind === 'sequence') {
      const flow = first === (state.kind === 'mapping' ? 0x7b /* { */ : 0x5b); /* [ */
      if (flow && !indentedOnward(text, start, end)) throw new Unsure();
      if (!flow && ids.length === 0) throw new Unsure();
      height++;
      if (height > maxDepth) throw new Unsure();
      if (state.kind === 'mapping') {
        if (ids.length % 2 !== 0) throw new Unsure();
        const keys: number[] = [];
        for (let i = 0; i < ids.length; i += 2) {
          const key = ids[i] as number;
          const keyText = keyTexts[i];
          if (keyText === undefined) throw new Unsure();
          if (builder.endOf(key) - builder.startOf(key) > MAX_KEY_LENGTH) throw new Unsure();
          keys.push(builder.key(key, keyText, ids[i + 1] as number));
        }
        const last = ids[ids.length - 1] as number;
        id = builder.mapping(start, flow ? end : builder.endOf(last), keys);
      } else {
        if (ids.length !== (state.result as unknown[]).length) throw new Unsure();
        const last = ids[ids.length - 1] as number;
        id = builder.sequence(start, flow ? end : builder.endOf(last), ids);
      }
    } else if (ids.length === 1 && state.kind === 'scalar' && (first === 0x7c || first === 0x3e)) {
      // A block scalar read after an empty try at a key (`- >`): the try is dropped.
      id = blockScalar(start, end, state.result);
      scalarText = String(state.result);
    } else if (ids.length > 0) {
      throw new Unsure();
    } else if (state.kind === null) {
      // An empty value (`owner:`) sits after the spaces on its line.
      let at = open;
      while (isSpace(text.charCodeAt(at))) at++;
      id = builder.scalar(at, at);
    } else if (first === 0x7c /* | */ || first === 0x3e /* > */) {
      id = blockScalar(start, end, state.result);
      scalarText = String(state.result);
    } else {
      // js-yaml has read past the spaces after a plain scalar; no plain scalar ends in one.
      const quoted = first === 0x22 /* " */ || first === 0x27; /* ' */
      // A quoted scalar over several lines: the readers differ on how far its lines may go left.
      if (quoted) {
        const eol = text.indexOf('\n', start);
        if (eol !== -1 && eol < end) throw new Unsure();
      }
      const valueEnd = quoted ? end : trimEnd(text, start, end);
      if (!quoted && !indentedOnward(text, start, valueEnd)) throw new Unsure();
      id = builder.scalar(start, valueEnd);
      scalarText = state.result === null ? undefined : String(state.result);
    }
    const parent = frames[frames.length - 1];
    if (parent === undefined) {
      root = id;
      rootHeight = height;
      return;
    }
    parent.ids.push(id);
    parent.texts.push(scalarText);
    parent.closedAt.push(state.position);
    parent.results.push(state.result);
    if (parent.height < height) parent.height = height;
  };

  const options: FastLoadOptions = {
    schema,
    // Deeper input fails here and is read (and reported) by the `yaml` package.
    maxDepth: 4 * maxDepth + 16,
    listener(event, state) {
      if (event === 'open') {
        frames.push({
          open: state.position,
          ids: [],
          texts: [],
          closedAt: [],
          results: [],
          height: 0,
        });
      } else {
        close(state as ListenedState);
      }
    },
  };

  let data: unknown;
  try {
    data = load(text, options);
  } catch {
    return undefined;
  }
  if (data === null || data === undefined || root === NO_NODE || rootHeight > maxDepth) {
    return undefined;
  }
  return { data, tree: builder.finish(root) };
}
