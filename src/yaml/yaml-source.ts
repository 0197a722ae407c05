import {
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
} from 'yaml';
import type { Document, Node, Pair } from 'yaml';
import type { Finding, Location } from '../types.js';

/**
 * Nodes that aliases may add to a document beyond the ones it spells out: a shared block used
 * by every touchpoint stays far below it, an alias bomb (each level ten aliases of the last)
 * passes it in six levels. Limits the expansion, not the number of aliases.
 */
export const MAX_ALIAS_EXPANSION = 1_000_000;

/** Deepest nesting of mappings and sequences: an inventory needs five. */
export const MAX_YAML_DEPTH = 64;

/** A YAML file parsed with positions kept, for pointing findings at lines and columns. */
export interface YamlSource {
  file: string;
  doc: Document;
  lineCounter: LineCounter;
  /** The plain JavaScript value, or undefined when the file could not be parsed. */
  data: unknown;
}

export type YamlPath = readonly (string | number)[];

export interface ParsedYaml {
  source?: YamlSource;
  findings: Finding[];
}

/**
 * A `schema/syntax` finding: the message id and facts of the problem. Its message is rendered
 * later from the rule's templates (this layer does not know the catalogue).
 */
function syntaxFinding(
  file: string,
  messageId: string,
  data: Record<string, unknown> = {},
  line = 1,
  column = 1,
): Finding {
  return {
    rule: 'schema/syntax',
    severity: 'error',
    messageId,
    data,
    message: '',
    location: { file, line, column },
  };
}

/** Text decoding that refuses binary and non-UTF-8 files instead of guessing. */
export function decodeText(bytes: Uint8Array, file: string): { text?: string; finding?: Finding } {
  if (bytes.includes(0)) {
    return { finding: syntaxFinding(file, 'binary') };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text };
  } catch {
    return { finding: syntaxFinding(file, 'notUtf8') };
  }
}

/** The message id and facts of a parser error. */
function yamlError(code: string, detail: string): [string, Record<string, unknown>] {
  switch (code) {
    case 'DUPLICATE_KEY':
      return ['duplicateKey', {}];
    case 'TAB_AS_INDENT':
      return ['tabIndent', {}];
    case 'RESOURCE_EXHAUSTION':
      // The parser ran out of stack: only nesting far past the limit gets here.
      return ['tooDeep', { limit: MAX_YAML_DEPTH }];
    default:
      return ['syntaxError', { detail }];
  }
}

/**
 * Parses YAML text into a document that keeps source positions. Syntax problems, alias bombs
 * and an empty file become `schema/syntax` findings; nothing here throws for bad input.
 */
export function parseYaml(text: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    strict: true,
  });
  const at = (offset: number): { line: number; column: number } => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  if (doc.errors.length > 0) {
    const findings = doc.errors.map((error) => {
      const { line, column } = at(error.pos[0]);
      return syntaxFinding(file, ...yamlError(error.code, error.message), line, column);
    });
    return { findings };
  }
  if (doc.contents === null) {
    return { findings: [syntaxFinding(file, 'empty')] };
  }
  const walked = walkNodes(doc.contents);
  if (walked.tooDeep !== undefined) {
    const { line, column } = at(walked.tooDeep);
    return {
      findings: [syntaxFinding(file, 'tooDeep', { limit: MAX_YAML_DEPTH }, line, column)],
    };
  }
  // Without aliases the document holds exactly the nodes it spells out.
  if (
    walked.aliases &&
    expandedSize(doc, doc.contents, new Map()) - walked.nodes > MAX_ALIAS_EXPANSION
  ) {
    return { findings: [syntaxFinding(file, 'aliasBomb', { limit: MAX_ALIAS_EXPANSION })] };
  }
  let data: unknown;
  try {
    // The expansion is bounded above; the library's own alias count would refuse a shared
    // block used a hundred times.
    data = doc.toJS({ maxAliasCount: -1 });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { findings: [syntaxFinding(file, 'unreadable', { detail })] };
  }
  return { source: { file, doc, lineCounter, data }, findings: [] };
}

/** Children of a collection node: items of a sequence, keys and values of a mapping. */
function children(node: unknown): unknown[] {
  if (!isCollection(node)) return [];
  const out: unknown[] = [];
  for (const item of node.items) {
    if (isPair(item)) out.push(item.key, item.value);
    else out.push(item);
  }
  return out;
}

/**
 * One iterative pass over the nodes written in the file: how many there are (an alias counts
 * as one), whether any is an alias, and the start offset of the first collection nested deeper
 * than {@link MAX_YAML_DEPTH}, in the order of a depth-first walk that visits the last child
 * first (the pass stops there).
 */
function walkNodes(root: unknown): { nodes: number; aliases: boolean; tooDeep?: number } {
  let nodes = 0;
  let aliases = false;
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (node === null || node === undefined) continue;
    nodes++;
    if (isAlias(node)) aliases = true;
    if (!isCollection(node)) continue;
    if (depth > MAX_YAML_DEPTH) return { nodes, aliases, tooDeep: nodeRange(node)?.[0] ?? 0 };
    for (const child of children(node)) stack.push([child, depth + 1]);
  }
  return { nodes, aliases };
}

/**
 * Nodes the document holds once every alias is replaced by what it names, without expanding
 * it: each anchored node's size is computed once. Saturates, so a bomb's size stays a number.
 */
function expandedSize(doc: Document, node: unknown, memo: Map<unknown, number>): number {
  if (node === null || node === undefined) return 0;
  const known = memo.get(node);
  if (known !== undefined) return known;
  memo.set(node, 1); // a cycle counts once
  let size = 1;
  if (isAlias(node)) {
    size = expandedSize(doc, node.resolve(doc), memo);
  } else {
    for (const child of children(node)) {
      size = Math.min(size + expandedSize(doc, child, memo), Number.MAX_SAFE_INTEGER);
    }
  }
  memo.set(node, size);
  return size;
}

function findPair(node: unknown, key: string | number): Pair | undefined {
  if (!isMap(node)) return undefined;
  return node.items.find(
    (item): item is Pair =>
      isPair(item) && isScalar(item.key) && String(item.key.value) === String(key),
  );
}

function childNode(node: unknown, key: string | number): unknown {
  if (isMap(node)) return findPair(node, key)?.value ?? undefined;
  if (isSeq(node) && typeof key === 'number') return node.items[key];
  return undefined;
}

function nodeRange(node: unknown): [number, number] | undefined {
  if (node && typeof node === 'object' && 'range' in node) {
    const range = (node as Node).range;
    if (range) return [range[0], range[1]];
  }
  return undefined;
}

/**
 * The position of the node at `path`: its key when `target` is 'key' and the last step is a
 * mapping key, else its value. Falls back to the deepest ancestor that exists.
 */
export function locate(
  source: YamlSource,
  path: YamlPath,
  target: 'key' | 'value' = 'key',
): Location {
  let node: unknown = source.doc.contents;
  let range = nodeRange(node) ?? [0, 0];
  for (let i = 0; i < path.length; i++) {
    const step = path[i] as string | number;
    const last = i === path.length - 1;
    if (last && target === 'key' && isMap(node)) {
      const pair = findPair(node, step);
      const keyRange = nodeRange(pair?.key);
      if (keyRange) range = keyRange;
      break;
    }
    const child = childNode(node, step);
    const childRange = nodeRange(child);
    if (child === undefined || !childRange) {
      // A key present with no value (`owner:`) still has a key position worth pointing at.
      const keyRange = nodeRange(findPair(node, step)?.key);
      if (keyRange) range = keyRange;
      break;
    }
    node = child;
    range = childRange;
  }
  return locationOf(source, range, path);
}

/** The location of the offsets `range` in a file, naming the path of the node there. */
function locationOf(source: YamlSource, range: [number, number], path: YamlPath): Location {
  const start = source.lineCounter.linePos(range[0]);
  const end = source.lineCounter.linePos(range[1]);
  const location: Location = { file: source.file, line: start.line, column: start.col };
  if (end.line > 0) {
    location.endLine = end.line;
    location.endColumn = end.col;
  }
  if (path.length > 0) location.path = formatPath(path);
  return location;
}

/** `['touchpoints', 3, 'owner']` → `touchpoints[3].owner`. */
export function formatPath(path: YamlPath): string {
  let text = '';
  for (const step of path) {
    text += typeof step === 'number' ? `[${step}]` : text === '' ? step : `.${step}`;
  }
  return text;
}

/** Keys of the mapping at `path`, in file order, with their positions. */
export function mappingKeys(
  source: YamlSource,
  path: YamlPath,
): { key: string; location: Location }[] {
  let node: unknown = source.doc.contents;
  for (const step of path) node = childNode(node, step);
  if (!isMap(node)) return [];
  const keys: { key: string; location: Location }[] = [];
  // What `locate(source, [...path, key], 'key')` gives, without walking from the root per key:
  // the range of the first key that reads the same (`1` and `'1'` are both `1`).
  const first = new Map<string, [number, number]>();
  const mapRange = nodeRange(node) ?? [0, 0];
  for (const item of node.items) {
    if (isPair(item) && isScalar(item.key)) {
      const key = String(item.key.value);
      let range = first.get(key);
      if (range === undefined) {
        range = nodeRange(item.key) ?? mapRange;
        first.set(key, range);
      }
      keys.push({ key, location: locationOf(source, range, [...path, key]) });
    }
  }
  return keys;
}
