/**
 * Where each node of a parsed YAML file was written, kept as columns of numbers so a
 * 100,000-touchpoint inventory (millions of nodes) costs tens of megabytes, not gigabytes.
 * Both readers ({@link ./fast-read.ts} and the `yaml` package) build the same tree, and
 * {@link ./yaml-source.ts} answers every position question from it.
 *
 * A node is a scalar (or an alias, or a key), a mapping or a sequence. A mapping's children
 * are its keys, linked in order, each pointing at its value (or at {@link NO_NODE} when it has
 * none); a sequence's items are a slice of one shared column, so item `i` is found at once. A node's range is `[start, end)` in the text: a scalar's
 * value as written (quotes and block headers included), a flow collection's brackets, and a
 * block collection from its first key or dash to the end of its last value.
 */

export const NO_NODE = -1;

export const NodeKind = { Scalar: 0, Map: 1, Seq: 2 } as const;
export type NodeKind = (typeof NodeKind)[keyof typeof NodeKind];

export interface PositionTree {
  readonly root: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly kind: Uint8Array;
  /** A mapping's first key; a sequence's first slot in {@link items}. */
  readonly first: Int32Array;
  /** A key's next key in its mapping. */
  readonly next: Int32Array;
  /** A sequence's item count. */
  readonly count: Int32Array;
  /** The items of every sequence, each sequence's in one slice. */
  readonly items: Int32Array;
  /** A key's value. */
  readonly value: Int32Array;
  /** A key's text as the mapping compares it (`1` and `'1'` both read `1`); undefined for other nodes. */
  readonly keys: readonly (string | undefined)[];
}

/** Grows the columns of a {@link PositionTree}; nodes are added children first. */
export class TreeBuilder {
  private size = 0;
  private start = new Int32Array(1024);
  private end = new Int32Array(1024);
  private kind = new Uint8Array(1024);
  private first = new Int32Array(1024);
  private next = new Int32Array(1024);
  private value = new Int32Array(1024);
  private count = new Int32Array(1024);
  private items = new Int32Array(1024);
  private itemCount = 0;
  private readonly keys: (string | undefined)[] = [];

  private add(kind: NodeKind, start: number, end: number): number {
    if (this.size === this.start.length) this.grow();
    const id = this.size++;
    this.start[id] = start;
    this.end[id] = end;
    this.kind[id] = kind;
    this.first[id] = NO_NODE;
    this.next[id] = NO_NODE;
    this.value[id] = NO_NODE;
    this.count[id] = 0;
    return id;
  }

  private grow(): void {
    const length = this.start.length * 2;
    const wider = <T extends Int32Array | Uint8Array>(column: T, make: (n: number) => T): T => {
      const bigger = make(length);
      bigger.set(column);
      return bigger;
    };
    const int32 = (n: number) => new Int32Array(n);
    this.start = wider(this.start, int32);
    this.end = wider(this.end, int32);
    this.first = wider(this.first, int32);
    this.next = wider(this.next, int32);
    this.value = wider(this.value, int32);
    this.count = wider(this.count, int32);
    this.kind = wider(this.kind, (n) => new Uint8Array(n));
  }

  private link(parent: number, children: readonly number[]): void {
    if (children.length === 0) return;
    this.first[parent] = children[0] as number;
    for (let i = 1; i < children.length; i++) {
      this.next[children[i - 1] as number] = children[i] as number;
    }
  }

  private slice(parent: number, children: readonly number[]): void {
    while (this.itemCount + children.length > this.items.length) {
      const bigger = new Int32Array(this.items.length * 2);
      bigger.set(this.items);
      this.items = bigger;
    }
    this.first[parent] = this.itemCount;
    this.count[parent] = children.length;
    for (const child of children) this.items[this.itemCount++] = child;
  }

  scalar(start: number, end: number): number {
    return this.add(NodeKind.Scalar, start, end);
  }

  /** A mapping key: a scalar added before, with its text and its value (or {@link NO_NODE}). */
  key(node: number, text: string, value: number): number {
    this.keys[node] = text;
    this.value[node] = value;
    return node;
  }

  sequence(start: number, end: number, items: readonly number[]): number {
    const id = this.add(NodeKind.Seq, start, end);
    this.slice(id, items);
    return id;
  }

  mapping(start: number, end: number, keys: readonly number[]): number {
    const id = this.add(NodeKind.Map, start, end);
    this.link(id, keys);
    return id;
  }

  /** The start offset of a node added before. */
  startOf(node: number): number {
    return this.start[node] as number;
  }

  /** The end offset of a node added before. */
  endOf(node: number): number {
    return this.end[node] as number;
  }

  finish(root: number): PositionTree {
    const n = this.size;
    return {
      root,
      start: this.start.subarray(0, n),
      end: this.end.subarray(0, n),
      kind: this.kind.subarray(0, n),
      first: this.first.subarray(0, n),
      next: this.next.subarray(0, n),
      value: this.value.subarray(0, n),
      count: this.count.subarray(0, n),
      items: this.items.subarray(0, this.itemCount),
      keys: this.keys,
    };
  }
}

/** The key of `map` that reads `step` (the first one, as YAML keeps only one), if any. */
export function keyNode(tree: PositionTree, map: number, step: string | number): number {
  if (map === NO_NODE || tree.kind[map] !== NodeKind.Map) return NO_NODE;
  const text = String(step);
  for (let key = tree.first[map] as number; key !== NO_NODE; key = tree.next[key] as number) {
    if (tree.keys[key] === text) return key;
  }
  return NO_NODE;
}

/** The child of `node` at `step`: a mapping's value for a key, a sequence's item by index. */
export function childNode(tree: PositionTree, node: number, step: string | number): number {
  if (node === NO_NODE) return NO_NODE;
  if (tree.kind[node] === NodeKind.Map) {
    const key = keyNode(tree, node, step);
    return key === NO_NODE ? NO_NODE : (tree.value[key] as number);
  }
  if (tree.kind[node] === NodeKind.Seq && typeof step === 'number') {
    if (!Number.isInteger(step) || step < 0 || step >= (tree.count[node] as number)) return NO_NODE;
    return tree.items[(tree.first[node] as number) + step] as number;
  }
  return NO_NODE;
}
