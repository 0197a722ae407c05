import { neverTogether, readConditions, type Conditions } from '../../timeline/conditions.js';
import { compareText } from '../../shared/compare-text.js';
import { touchpointSegments } from '../../timeline/expand.js';
import { touchpointLocation } from '../locate.js';
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

/**
 * Many touchpoints doing one job: one finding for all of them, not one per pair (2,000
 * copies of a touchpoint made 2 million findings).
 */
interface Group {
  members: Touchpoint[];
  segments: string[];
  similarity?: number;
}

/** Ten or more touchpoints doing one job are reported once, with the members and their count. */
export const GROUP_MIN = 10;
/** Members a group message names before `N more`; the finding's `related` holds them all. */
const NAMED_MEMBERS = 5;

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
  /** For a group of three or more: every member, ordered by id, and how many. */
  members?: string[];
  count?: number;
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
      sameJobGroup: `{{count}} touchpoints are redundant: {{members|list:${NAMED_MEMBERS}}} share stage ({{stage}}), channel ({{channel}}) and metric ({{metric}}) for {{segments|segments}}`,
      similarPurposeGroup: `{{count}} touchpoints have near-identical purposes ({{similarity|percent}} of words shared): {{members|list:${NAMED_MEMBERS}}} for {{segments|segments}}`,
    },
  },
  phase: 'audit',
  check(ctx) {
    const { inventory } = ctx;
    const conditions = ctx.timeline ? ctx.timeline.conditions : readConditions(inventory);
    const pairs = new Map<string, Pair>();
    const sameJob = sameJobPairs(inventory, conditions);
    const similar = similarPurposePairs(inventory, conditions);
    const groups = [...sameJob.groups, ...similar.groups];
    const grouped = groupedPairs(groups);
    for (const pair of [...sameJob.pairs, ...similar.pairs]) {
      const key = pairKey(pair.a, pair.b);
      if (!pairs.has(key) && !grouped(pair.a, pair.b)) pairs.set(key, pair);
    }
    // Each group's id is joined once, not once per comparison of the sort.
    const byId = groups.map((group) => ({ id: groupId(group), group }));
    byId.sort((x, y) => compareText(x.id, y.id));
    for (const { group } of byId) {
      const [a, ...rest] = group.members as [Touchpoint, ...Touchpoint[]];
      const members = group.members.map((t) => t.id);
      const common = {
        first: a.id,
        second: rest[0]?.id ?? '',
        segments: group.segments,
        members,
        count: members.length,
      };
      if (group.similarity === undefined) {
        ctx.report({
          messageId: 'sameJobGroup',
          data: {
            ...common,
            stage: a.stage ?? '',
            channel: a.channel ?? '',
            metric: a.metric?.name ?? '',
          },
          location: touchpointLocation(a),
          touchpoint: a.id,
          related: rest.map((t) => t.id),
        });
      } else {
        ctx.report({
          messageId: 'similarPurposeGroup',
          data: { ...common, similarity: group.similarity },
          location: touchpointLocation(a, 'purpose'),
          touchpoint: a.id,
          related: rest.map((t) => t.id),
          field: 'purpose',
        });
      }
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

function groupId(group: Group): string {
  return group.members.map((t) => t.id).join('\u0000');
}

/** Whether two touchpoints are members of one group (their pair is reported there). */
function groupedPairs(groups: readonly Group[]): (a: Touchpoint, b: Touchpoint) => boolean {
  const of = new Map<Touchpoint, Set<Touchpoint>[]>();
  for (const group of groups) {
    const members = new Set(group.members);
    for (const member of group.members) {
      const list = of.get(member);
      if (list) list.push(members);
      else of.set(member, [members]);
    }
  }
  return (a, b) => (of.get(a) ?? []).some((members) => members.has(b));
}

/** Sequences and exclusive alternatives exempt some pairs: those sets are judged pair by pair. */
function isGroupable(
  touchpoints: readonly Touchpoint[],
  conditions: Conditions | undefined,
): boolean {
  return conditions === undefined && touchpoints.every((t) => t.sequence === undefined);
}

/** Members ordered by id and the segments at least two of them reach; undefined under two. */
function makeGroup(
  touchpoints: readonly Touchpoint[],
  inventory: Inventory,
  conditions: Conditions | undefined,
): Group | undefined {
  if (!isGroupable(touchpoints, conditions)) return undefined;
  const reach = new Map<string, number>();
  for (const touchpoint of touchpoints) {
    for (const segment of new Set(touchpointSegments(touchpoint, inventory))) {
      reach.set(segment, (reach.get(segment) ?? 0) + 1);
    }
  }
  const segments = [...reach].filter(([, n]) => n >= 2).map(([segment]) => segment);
  const shared = new Set(segments);
  const members = touchpoints
    .filter((t) => touchpointSegments(t, inventory).some((segment) => shared.has(segment)))
    .sort((x, y) => compareText(x.id, y.id));
  return members.length >= 2 ? { members, segments } : undefined;
}

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
function sameJobPairs(
  inventory: Inventory,
  conditions: Conditions | undefined,
): { pairs: Pair[]; groups: Group[] } {
  const groups = new Map<string, Touchpoint[]>();
  // Indexed, not `for…of`: run once per audit, the loop may finish before it is optimised, and
  // unoptimised `for…of` makes an iterator result per touchpoint.
  const { touchpoints } = inventory;
  for (let t = 0; t < touchpoints.length; t++) {
    const touchpoint = touchpoints[t] as Touchpoint;
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
  // A set of GROUP_MIN or more doing one job in a segment is one group; the same set in several
  // segments is still one group, naming those segments.
  const bySet = new Map<string, Group>();
  const groupable = (group: Touchpoint[]): boolean =>
    group.length >= GROUP_MIN && isGroupable(group, conditions);
  for (const [key, group] of groups) {
    if (!groupable(group)) continue;
    const segment = key.slice(key.lastIndexOf('\u0000') + 1);
    const members = [...group].sort((x, y) => compareText(x.id, y.id));
    const id = members.map((t) => t.id).join('\u0000');
    const known = bySet.get(id);
    if (known) known.segments.push(segment);
    else bySet.set(id, { members, segments: [segment] });
  }
  for (const group of groups.values()) {
    if (groupable(group)) continue;
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
  return { pairs: [...pairs.values()], groups: [...bySet.values()] };
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
function similarPurposePairs(
  inventory: Inventory,
  conditions: Conditions | undefined,
): { pairs: Pair[]; groups: Group[] } {
  const t = PURPOSE_SIMILARITY;
  // Touchpoints with the same meaningful words are one entry: 2,000 copies of a purpose are
  // one group, compared once, not two million pairs.
  const classes = new Map<string, Touchpoint[]>();
  const entries: { touchpoint: Touchpoint; words: string[] }[] = [];
  const frequency = new Map<string, number>();
  for (const touchpoint of inventory.touchpoints) {
    if (touchpoint.purpose === undefined) continue;
    const words = [...purposeWords(touchpoint.purpose)];
    if (words.length < MIN_PURPOSE_WORDS) continue;
    const key = [...words].sort(compareText).join(' ');
    const members = classes.get(key);
    if (members) {
      members.push(touchpoint);
      continue;
    }
    classes.set(key, [touchpoint]);
    for (const word of words) frequency.set(word, (frequency.get(word) ?? 0) + 1);
    entries.push({ touchpoint, words });
  }
  const classOf = new Map<Touchpoint, Touchpoint[]>();
  for (const members of classes.values()) classOf.set(members[0] as Touchpoint, members);
  const groups: Group[] = [];
  const pairs: Pair[] = [];
  /** Every member pair between two classes (or within one), or one group when that is many. */
  const relate = (x: Touchpoint[], y: Touchpoint[] | undefined, similarity: number): void => {
    const all = y === undefined ? x : [...x, ...y];
    const count = y === undefined ? (x.length * (x.length - 1)) / 2 : x.length * y.length;
    if (count === 0) return;
    if (all.length >= GROUP_MIN && count > 1) {
      const group = makeGroup(all, inventory, conditions);
      if (group && group.members.length >= GROUP_MIN) {
        groups.push({ ...group, similarity });
        return;
      }
    }
    for (let i = 0; i < x.length; i++) {
      for (const other of y ?? x.slice(i + 1)) {
        const pair = makePair(x[i] as Touchpoint, other, inventory, conditions);
        if (pair) pairs.push({ ...pair, similarity });
      }
    }
  };
  for (const members of classes.values()) relate(members, undefined, 1);
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
  // The entries met through this entry's prefix, `[0, touchedCount)`: written over for each
  // entry (setting a list's length is a call into the runtime, 10,000 of them cost 20 ms).
  const touched: number[] = [];
  let touchedCount = 0;
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
        if ((overlap[other] ?? 0) === 0) touched[touchedCount++] = other;
        overlap[other] = (overlap[other] ?? 0) + bound >= needed ? (overlap[other] ?? 0) + 1 : -1;
      }
    }
    const mine = new Set(entry.words);
    for (let k = 0; k < touchedCount; k++) {
      const other = touched[k] ?? 0;
      const survived = (overlap[other] ?? 0) > 0;
      overlap[other] = 0;
      const candidate = entries[other];
      if (!survived || !candidate) continue;
      let common = 0;
      for (const word of candidate.words) if (mine.has(word)) common++;
      const similarity = common / (size + candidate.words.length - common);
      if (similarity < t - 1e-9) continue;
      relate(
        classOf.get(candidate.touchpoint) ?? [candidate.touchpoint],
        classOf.get(entry.touchpoint) ?? [entry.touchpoint],
        similarity,
      );
    }
    touchedCount = 0;
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
  return { pairs, groups };
}
