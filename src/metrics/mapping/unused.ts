import { basename } from 'node:path';
import type { Config } from '../../config/config.js';
import type { Aggregator } from '../aggregate.js';
import { matchingSources } from '../detect-format.js';

/** A file whose header was understood but that gave no value to any touchpoint. */
export function noteUnusedFile(file: string, agg: Aggregator): void {
  const read = agg.reads[agg.reads.length - 1];
  if (read?.file !== file || read.used > 0) return;
  agg.problems.push({
    kind: 'unused-file',
    rows: read.rows,
    skipped: read.skipped,
    bad: read.bad,
    afterAsOf: read.afterAsOf,
    location: { file, line: 1, column: 1 },
  });
}

/** `sources:` entries whose `match` fits none of the files read: a typo, or a stale entry. */
export function noteUnusedSources(files: readonly string[], config: Config, agg: Aggregator): void {
  if (files.length === 0) return;
  const used = new Set(files.flatMap((file) => matchingSources(basename(file), config.sources)));
  for (const source of config.sources) {
    if (used.has(source)) continue;
    agg.problems.push({
      kind: 'unused-source',
      match: source.match,
      files: files.length,
      location: source.location ?? {
        file: config.file ?? 'touchpoint.config.yaml',
        line: 1,
        column: 1,
      },
    });
  }
}
