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
import type { Document, Node } from 'yaml';
import type { Finding, Location } from '../types.js';
import { readFast } from './fast-read.js';
import { childNode, keyNode, NO_NODE, NodeKind, TreeBuilder } from './position-tree.js';
import type { PositionTree } from './position-tree.js';

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
  /** Where each node was written. */
  tree: PositionTree;
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
 * Parses YAML text into its value and the positions of its nodes. Syntax problems, alias bombs
 * and an empty file become `schema/syntax` findings; nothing here throws for bad input. A file
 * the quick reader can read exactly is read by it; any other by the `yaml` package.
 */
export function parseYaml(text: string, file: string): ParsedYaml {
  const fast = readFast(text, MAX_YAML_DEPTH);
  if (fast !== undefined) {
    return {
      source: { file, tree: fast.tree, lineCounter: lineCounterOf(text), data: fast.data },
      findings: [],
    };
  }
  return parseFully(text, file);
}

/** The line starts of `text`, as the `yaml` package's parser records them. */
function lineCounterOf(text: string): LineCounter {
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
    lineCounter.addNewLine(at + 1);
  }
  return lineCounter;
}

/** {@link parseYaml} with the `yaml` package only (exported for the differential test). */
export function parseFully(text: string, file: string): ParsedYaml {
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
  return { source: { file, tree: treeOf(doc.contents), lineCounter, data }, findings: [] };
}

/** The offset where a node's value ends: a block collection's is its last value's. */
function valueEnd(node: unknown): number {
  let at: unknown = node;
  for (;;) {
    if (isCollection(at) && !at.flow && at.items.length > 0) {
      const last = at.items[at.items.length - 1];
      at = isPair(last) ? (last.value ?? last.key) : last;
      continue;
    }
    return nodeRange(at)?.[1] ?? 0;
  }
}

/** The {@link PositionTree} of a document the `yaml` package parsed. */
function treeOf(root: unknown): PositionTree {
  const builder = new TreeBuilder();
  const visit = (node: unknown): number => {
    if (node === null || node === undefined) return NO_NODE;
    const range = nodeRange(node) ?? [0, 0];
    const end = valueEnd(node);
    if (isMap(node)) {
      const keys: number[] = [];
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const key = visit(pair.key);
        keys.push(builder.key(key, String(pair.key.value), visit(pair.value)));
      }
      return builder.mapping(range[0], end, keys);
    }
    if (isSeq(node)) return builder.sequence(range[0], end, node.items.map(visit));
    return builder.scalar(range[0], end);
  };
  return builder.finish(visit(root));
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

function nodeRange(node: unknown): [number, number] | undefined {
  if (node && typeof node === 'object' && 'range' in node) {
    const range = (node as Node).range;
    if (range) return [range[0], range[1]];
  }
  return undefined;
}

function rangeOf(tree: PositionTree, node: number): [number, number] {
  return [tree.start[node] as number, tree.end[node] as number];
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
  const { tree } = source;
  let node = tree.root;
  let range = rangeOf(tree, node);
  for (let i = 0; i < path.length; i++) {
    const step = path[i] as string | number;
    const last = i === path.length - 1;
    if (last && target === 'key' && tree.kind[node] === NodeKind.Map) {
      const key = keyNode(tree, node, step);
      if (key !== NO_NODE) range = rangeOf(tree, key);
      break;
    }
    const child = childNode(tree, node, step);
    if (child === NO_NODE) {
      // A key present with no value (`owner:`) still has a key position worth pointing at.
      const key = keyNode(tree, node, step);
      if (key !== NO_NODE) range = rangeOf(tree, key);
      break;
    }
    node = child;
    range = rangeOf(tree, node);
  }
  return locationOf(source, range, path);
}

/** The value at `path` in the file's data, if there is one. */
export function valueAt(source: YamlSource, path: YamlPath): unknown {
  let value: unknown = source.data;
  for (const step of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = Object.hasOwn(value, step) ? (value as Record<string, unknown>)[step] : undefined;
  }
  return value;
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
  const { tree } = source;
  let node = tree.root;
  for (const step of path) node = childNode(tree, node, step);
  if (node === NO_NODE || tree.kind[node] !== NodeKind.Map) return [];
  const keys: { key: string; location: Location }[] = [];
  // What `locate(source, [...path, key], 'key')` gives, without walking from the root per key:
  // the range of the first key that reads the same (`1` and `'1'` are both `1`).
  const first = new Map<string, [number, number]>();
  for (let item = tree.first[node] as number; item !== NO_NODE; item = tree.next[item] as number) {
    const key = tree.keys[item] as string;
    let range = first.get(key);
    if (range === undefined) {
      range = rangeOf(tree, item);
      first.set(key, range);
    }
    keys.push({ key, location: locationOf(source, range, [...path, key]) });
  }
  return keys;
}
