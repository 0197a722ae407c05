import { neverTogether, readConditions, type Conditions } from '../../timeline/conditions.js';
import { compareText, touchpointSegments } from '../../timeline/expand.js';
import { touchpointLocation } from '../../timeline/locate.js';
import type { Inventory, Touchpoint } from '../../types.js';
import { defineRule } from '../rule.js';

/** Purposes sharing at least this share of their words (Jaccard) are near-identical. */
export const PURPOSE_SIMILARITY = 0.8;
/** Purposes shorter than this (in meaningful words) are too vague to compare. */
const MIN_PURPOSE_WORDS = 3;

const STOPWORDS = new Set(
  'a an the and or of to for in on at by with from into about after before their our your its it this that these those is are be as so we they them'.split(
    ' ',
  ),
);

/** The distinct meaningful words of a purpose: lower-cased, punctuation and stop words removed. */
export function purposeWords(purpose: string): Set<string> {
  const words = new Set<string>();
  for (const word of purpose.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (word !== '' && !STOPWORDS.has(word)) words.add(word);
  }
  return words;
}

interface Pair {
  a: Touchpoint;
  b: Touchpoint;
  shared: string[];
  /** Set when the pair is redundant by purpose only. */
  similarity?: number;
}

export interface RedundantData {
  /** The pair, ordered by id. */
  first: string;
  second: string;
  /** The segments both reach. */
  segments: string[];
  /** For the same job: what they share. */
  stage?: string;
  channel?: string;
  metric?: string;
  /** For near-identical purposes: the share (0–1) of meaningful words in common. */
  similarity?: number;
}

export default defineRule<RedundantData>()({
  meta: {
    id: 'overlap/redundant',
    defaultSeverity: 'warning',
    description: `Two touchpoints for a shared segment do the same job: the same stage, channel and metric, or near-identical purposes (at least ${PURPOSE_SIMILARITY * 100}% of their meaningful words in common).`,
    rationale:
      'Redundant touchpoints cost twice, split the data that measures them, and tell the customer the same thing twice.',
    fix: 'Merge the two touchpoints into one, or sharpen their purposes, metrics or segments so each has its own job.',
    // Four overlap findings naming a touchpoint empty its hygiene pillar.
    hygiene: 0.25,
    messages: {
      sameJob:
        "'{{first}}' and '{{second}}' are redundant: same stage ({{stage}}), channel ({{channel}}) and metric ({{metric}}) for {{segments|segments}}",
      similarPurpose:
        "'{{first}}' and '{{second}}' have near-identical purposes ({{similarity|percent}} of words shared) for {{segments|segments}}",
    },
  },
  phase: 'audit',
  check(ctx) {
    const { inventory } = ctx;
    const conditions = ctx.timeline ? ctx.timeline.conditions : readConditions(inventory);
    const pairs = new Map<string, Pair>();
    for (const pair of sameJobPairs(inventory, conditions))
      pairs.set(pairKey(pair.a, pair.b), pair);
    for (const pair of similarPurposePairs(inventory, conditions)) {
      const key = pairKey(pair.a, pair.b);
      if (!pairs.has(key)) pairs.set(key, pair);
    }
    const sorted = [...pairs.values()].sort(
      (x, y) => compareText(x.a.id, y.a.id) || compareText(x.b.id, y.b.id),
    );
    for (const { a, b, shared, similarity } of sorted) {
      if (similarity === undefined) {
        ctx.report({
          messageId: 'sameJob',
          data: {
            first: a.id,
            second: b.id,
            segments: shared,
            stage: a.stage ?? '',
            channel: a.channel ?? '',
            metric: a.metric?.name ?? '',
          },
          location: touchpointLocation(a),
          touchpoint: a.id,
          related: [b.id],
        });
      } else {
        ctx.report({
          messageId: 'similarPurpose',
          data: { first: a.id, second: b.id, segments: shared, similarity },
          location: touchpointLocation(a, 'purpose'),
          touchpoint: a.id,
          related: [b.id],
          field: 'purpose',
        });
      }
    }
  },
});

function pairKey(a: Touchpoint, b: Touchpoint): string {
  return `${a.id}\u0000${b.id}`;
}

/** Orders a pair by id; undefined for a touchpoint paired with itself or with no shared segment. */
function makePair(
  x: Touchpoint,
  y: Touchpoint,
  inventory: Inventory,
  conditions: Conditions | undefined,
): Pair | undefined {
  if (x.id === y.id) return undefined;
  // Steps of one deliberate sequence share their job on purpose.
  if (x.sequence !== undefined && x.sequence === y.sequence) return undefined;
  // Alternatives that never reach the same customer do not repeat themselves to anyone.
  if (neverTogether(conditions, x.id, y.id)) return undefined;
  const [a, b] = compareText(x.id, y.id) < 0 ? [x, y] : [y, x];
  const other = new Set(touchpointSegments(b, inventory));
  const shared = touchpointSegments(a, inventory).filter((segment) => other.has(segment));
  return shared.length > 0 ? { a, b, shared } : undefined;
}

/**
 * Pairs with the same stage, channel and metric name and a shared segment: grouped by that key
 * and segment, so the work is proportional to the pairs found, never all pairs.
 */
function sameJobPairs(inventory: Inventory, conditions: Conditions | undefined): Pair[] {
  const groups = new Map<string, Touchpoint[]>();
  for (const touchpoint of inventory.touchpoints) {
    const { stage, channel } = touchpoint;
    const metric = touchpoint.metric?.name;
    if (stage === undefined || channel === undefined || metric === undefined || metric === '') {
      continue;
    }
    for (const segment of new Set(touchpointSegments(touchpoint, inventory))) {
      const key = `${stage}\u0000${channel}\u0000${metric}\u0000${segment}`;
      const group = groups.get(key);
      if (group) group.push(touchpoint);
      else groups.set(key, [touchpoint]);
    }
  }
  const pairs = new Map<string, Pair>();
  for (const group of groups.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const x = group[i] as Touchpoint;
        const y = group[j] as Touchpoint;
        const key = compareText(x.id, y.id) < 0 ? pairKey(x, y) : pairKey(y, x);
        if (pairs.has(key)) continue;
        const pair = makePair(x, y, inventory, conditions);
        if (pair) pairs.set(key, pair);
      }
    }
  }
  return [...pairs.values()];
}

/**
 * Pairs whose purposes have a Jaccard similarity ≥ {@link PURPOSE_SIMILARITY}, found with the
 * prefix and positional filters of PPJoin (Xiao et al., 2008): with every word list ordered
 * rarest word first, two lists that similar must share a word among their first
 * `|x| − ⌈t·|x|⌉ + 1` words (of the longer list's, and of the shorter list's first
 * `|y| − ⌈2t/(1+t)·|y|⌉ + 1`), and a shared word at positions i and j can only lead to a match
 * when the words after it could still make up the required overlap. Only the few pairs that
 * survive both filters are compared in full — near-linear for real text instead of all pairs.
 */
function similarPurposePairs(inventory: Inventory, conditions: Conditions | undefined): Pair[] {
  const t = PURPOSE_SIMILARITY;
  const entries: { touchpoint: Touchpoint; words: string[] }[] = [];
  const frequency = new Map<string, number>();
  for (const touchpoint of inventory.touchpoints) {
    if (touchpoint.purpose === undefined) continue;
    const words = [...purposeWords(touchpoint.purpose)];
    if (words.length < MIN_PURPOSE_WORDS) continue;
    for (const word of words) frequency.set(word, (frequency.get(word) ?? 0) + 1);
    entries.push({ touchpoint, words });
  }
  for (const entry of entries) {
    entry.words.sort(
      (x, y) => (frequency.get(x) ?? 0) - (frequency.get(y) ?? 0) || compareText(x, y),
    );
  }
  // Shortest first, so every earlier entry is at most as long (the size filter).
  entries.sort((a, b) => a.words.length - b.words.length);

  // word → entries holding it in their prefix, with its position there.
  const index = new Map<string, { entries: number[]; positions: number[] }>();
  const overlap = new Int32Array(entries.length);
  const touched: number[] = [];
  const pairs: Pair[] = [];
  entries.forEach((entry, current) => {
    const size = entry.words.length;
    const prefix = size - Math.ceil(t * size - 1e-9) + 1;
    for (let i = 0; i < prefix; i++) {
      const list = index.get(entry.words[i] ?? '');
      if (!list) continue;
      for (let k = 0; k < list.entries.length; k++) {
        const other = list.entries[k] ?? 0;
        if ((overlap[other] ?? 0) < 0) continue;
        const otherSize = entries[other]?.words.length ?? 0;
        if (otherSize < t * size - 1e-9) continue;
        const needed = Math.ceil((t / (1 + t)) * (size + otherSize) - 1e-9);
        const bound = 1 + Math.min(size - i - 1, otherSize - (list.positions[k] ?? 0) - 1);
        if ((overlap[other] ?? 0) === 0) touched.push(other);
        overlap[other] = (overlap[other] ?? 0) + bound >= needed ? (overlap[other] ?? 0) + 1 : -1;
      }
    }
    const mine = new Set(entry.words);
    for (const other of touched) {
      const survived = (overlap[other] ?? 0) > 0;
      overlap[other] = 0;
      const candidate = entries[other];
      if (!survived || !candidate) continue;
      let common = 0;
      for (const word of candidate.words) if (mine.has(word)) common++;
      const similarity = common / (size + candidate.words.length - common);
      if (similarity < t - 1e-9) continue;
      const pair = makePair(candidate.touchpoint, entry.touchpoint, inventory, conditions);
      if (pair) pairs.push({ ...pair, similarity });
    }
    touched.length = 0;
    // Index only the shorter indexing prefix: every later entry is at least as long, so a
    // similar pair must share a word inside it (AllPairs, Bayardo et al., 2007).
    const indexed = size - Math.ceil(((2 * t) / (1 + t)) * size - 1e-9) + 1;
    for (let i = 0; i < indexed; i++) {
      const word = entry.words[i] ?? '';
      let list = index.get(word);
      if (!list) {
        list = { entries: [], positions: [] };
        index.set(word, list);
      }
      list.entries.push(current);
      list.positions.push(i);
    }
  });
  return pairs;
}
