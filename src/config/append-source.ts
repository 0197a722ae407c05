import {
  Document,
  YAMLSeq,
  isCollection,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  visit,
} from 'yaml';
import { UsageError } from '../errors.js';
import { inputError } from '../i18n/worded-error.js';
import type { SourceEntry } from '../report.js';

export type AppendSourceProblem = { kind: 'match-exists'; file: string; match: string };

/**
 * An entry the config cannot take. The message speaks of the config, not of flags: the CLI
 * words it for `touchpoint sources --write` from `problem`.
 */
export class AppendSourceError extends UsageError {
  constructor(readonly problem: AppendSourceProblem) {
    super(
      `${problem.file} already has a sources: entry for "${problem.match}": edit it, or remove it before adding this one`,
    );
  }
}

/**
 * The config text with `entry` appended to its `sources:` list (the list is created when the
 * config has none), every comment and the rest of the text kept as written. An entry whose
 * `match` is already in the list is refused: two entries for one file are a config finding,
 * never something to add silently ({@link AppendSourceError}).
 */
export function appendSource(text: string, entry: SourceEntry, file: string): string {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0)
    throw inputError('err.appendUnparsed', { file, why: doc.errors[0]?.message ?? '' });
  if (doc.contents !== null && !isMap(doc.contents))
    throw inputError('err.appendNotMapping', { file });
  const sources = doc.get('sources', true);
  const node = sourceNode(doc, entry);
  if (sources === undefined || (isScalar(sources) && sources.value === null)) {
    const list = new YAMLSeq();
    list.items.push(node);
    doc.set('sources', list);
    return doc.toString(KEEP_LINES);
  }
  if (!isSeq(sources)) throw inputError('err.appendNotList', { file });
  for (const item of sources.items) {
    if (isMap(item) && item.get('match') === entry.match)
      throw new AppendSourceError({ kind: 'match-exists', file, match: entry.match });
  }
  sources.items.push(node);
  return doc.toString(KEEP_LINES);
}

/** No folding: an entry stays on the lines it is written on, and so does the rest. */
const KEEP_LINES = { lineWidth: 0 } as const;

/** Keys whose values read best on one line: `touchpoint: { id: csat-survey }`. */
const FLOW_KEYS = new Set(['touchpoint', 'segment', 'ratio', 'aggregate', 'filter']);

/** A `sources:` entry as a YAML node, its small mappings in flow style, as the README writes them. */
function sourceNode(doc: Document, entry: SourceEntry): ReturnType<Document['createNode']> {
  const node = doc.createNode(entry);
  visit(node, {
    Pair(_, pair) {
      if (isScalar(pair.key) && FLOW_KEYS.has(String(pair.key.value)) && isCollection(pair.value))
        pair.value.flow = true;
    },
  });
  return node;
}

/** The entry as YAML: under `sources:` (`block`), or as one flow line to paste as a list item. */
export function sourceYaml(entry: SourceEntry, style: 'block' | 'line'): string {
  const doc = new Document();
  if (style === 'line') {
    doc.contents = doc.createNode(entry);
    (doc.contents as { flow?: boolean }).flow = true;
    return doc.toString({ lineWidth: 0 }).trim();
  }
  const list = new YAMLSeq();
  list.items.push(sourceNode(doc, entry));
  doc.contents = doc.createNode({});
  doc.set('sources', list);
  return doc.toString({ lineWidth: 0 });
}
