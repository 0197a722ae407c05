import type { Location } from '../types.js';
import type { CellExample } from './date-column.js';
import type { Encoding, EncodingDamage } from './decode-text.js';
import type { DateOrder } from './parse-date.js';

/**
 * What can be wrong with a metric export, as facts. The reader only records problems; the
 * `metrics/*` rules turn them into findings (wording, severity), so this layer never depends on
 * the rule catalogue.
 */

/** Why one cell of a row could not be used. */
export type CellProblem =
  | { kind: 'not-a-number'; column: string; text: string; infinite: boolean }
  | { kind: 'not-a-date'; column: string; text: string }
  | { kind: 'date-out-of-range'; column: string; text: string; year: number }
  /** A date that exists only in another order than the one its column was read in. */
  | { kind: 'date-against-order'; column: string; text: string; order: DateOrder }
  | { kind: 'empty-date'; column: string }
  /** `01:30:00` in a metric whose unit is not a time (or not known). */
  | { kind: 'duration-without-unit'; column: string; text: string };

/** A row that could not be used (or only in part): becomes `metrics/bad-row`. */
export type BadRowProblem =
  | { kind: 'bad-cells'; cells: CellProblem[] }
  | { kind: 'wrong-width'; fields: number; width: number }
  | { kind: 'empty-id' }
  | { kind: 'empty-metric' }
  | { kind: 'record-too-long'; maxChars: number }
  | { kind: 'unclosed-quote' }
  | { kind: 'csv-error'; reason: string }
  /** The bad rows of a file past the per-file cap, summarised. */
  | { kind: 'more-bad-rows'; count: number };

/** A file that cannot be read as a metric table at all: becomes `metrics/unknown-column`. */
export type FileProblem =
  | { kind: 'empty-file' }
  | { kind: 'not-text'; reason: 'nul-bytes' | 'control-characters' }
  | {
      kind: 'unknown-format';
      /** The first names of the header, and how many columns it has. */
      header: string[];
      columns: number;
      baseName: string;
      /** The first line reads like a data row: the header is probably missing. */
      looksLikeData: boolean;
    }
  | { kind: 'no-metric-columns'; header: string[]; columns: number }
  /**
   * A header no format or `sources:` entry reads, recognised as a vendor's export (a profile
   * of `src/metrics/vendors/`): the finding suggests the entry that maps it.
   */
  | {
      kind: 'vendor-export';
      /** The profile's id (`zendesk-tickets`). */
      vendor: string;
      baseName: string;
      /** The whole header, as written: the suggestion spells its columns this way. */
      header: string[];
      /** The title line right above the header, in a multi-table report (its `section:`). */
      section?: string;
    }
  | { kind: 'mapping-missing-columns'; match: string; missing: string[] }
  /** `section:` names a title no line of the file holds; `found` are the titles it has. */
  | { kind: 'section-not-found'; section: string; found: string[]; baseName: string }
  /** The section's title is followed by the next title (at line `next`) before any header. */
  | { kind: 'section-without-table'; section: string; next: number }
  | { kind: 'mapping-incomplete'; match: string; lacks: 'touchpoint' | 'metric' | 'value' };

/** A header naming one column twice: `first` and `second` are 1-based column positions. */
export interface DuplicateColumnProblem {
  kind: 'duplicate-column';
  column: string;
  first: number;
  second: number;
}

/** What is wrong with the `sources:` entries themselves (located in the config when known). */
export type SourceProblem =
  /** Two entries give the same metric for one file: the first is read, the second is not. */
  | { kind: 'duplicate-source'; baseName: string; metric: string; first: string; second: string }
  /** An entry whose `match` fits none of the metric files given. */
  | { kind: 'unused-source'; match: string; files: number };

/** A metric file that was read but gave no value to any touchpoint (one per file). */
export interface UnusedFileProblem {
  kind: 'unused-file';
  rows: number;
  /** Values left out: empty or N/A, or rows a `filter:` does not keep. */
  skipped: number;
  bad: number;
  afterAsOf: number;
}

/** A date column whose day/month order its values do not settle, or contradict. */
export type DateProblem =
  | {
      kind: 'ambiguous-date';
      column: string;
      /** The first value whose meaning depends on the order (at the problem's line). */
      text: string;
      /** The order it was read in, and the orders the values allow. */
      order: DateOrder;
      candidates: DateOrder[];
    }
  | {
      kind: 'mixed-date-order';
      column: string;
      /** A value only valid in `order`, and a later one (at the problem's line) not valid in it. */
      first: CellExample;
      order: DateOrder;
      /** `first` was read in `order` because the column was settled, not by its own value. */
      settled: boolean;
      second: CellExample;
    };

/** A number column whose decimal mark the file does not settle, or contradicts. */
export type NumberProblem =
  | {
      kind: 'ambiguous-number';
      reason: 'unsettled';
      column: string;
      /** The first value that reads two ways (at the problem's line), and the mark it was read with. */
      text: string;
      mark: '.' | ',';
    }
  | {
      kind: 'ambiguous-number';
      reason: 'conflict';
      column: string;
      /** A value read with `mark`, and a later one (at the problem's line) only valid with the other. */
      first: CellExample;
      mark: '.' | ',';
      second: CellExample;
    };

/** Text the file's encoding could not decode faithfully: the rest of the file is still read. */
export interface EncodingProblem {
  kind: 'undecodable-text';
  /** Bytes invalid in the encoding, U+FFFD already in the file, or bytes Windows-1252 leaves undefined. */
  cause: EncodingDamage['cause'];
  encoding: Encoding;
  /** Characters affected in the file; the problem's line is the first. */
  count: number;
}

/** Rows of one file dated after the as-of date: counted, never used (one per file). */
export interface FutureDateProblem {
  kind: 'future-date';
  rows: number;
  /** The latest date among them, and the as-of date they are after (YYYY-MM-DD). */
  latest: string;
  asOf: string;
}

export type MetricProblem = (
  | BadRowProblem
  | FileProblem
  | DateProblem
  | NumberProblem
  | EncodingProblem
  | FutureDateProblem
  | SourceProblem
  | UnusedFileProblem
  | DuplicateColumnProblem
) & {
  location: Location;
  /** The touchpoint id of the row, when it had one. */
  touchpoint?: string;
};

const BAD_ROW_KINDS: ReadonlySet<string> = new Set<BadRowProblem['kind']>([
  'bad-cells',
  'wrong-width',
  'empty-id',
  'empty-metric',
  'record-too-long',
  'unclosed-quote',
  'csv-error',
  'more-bad-rows',
]);

export function isBadRowProblem(problem: MetricProblem): problem is BadRowProblem & MetricProblem {
  return BAD_ROW_KINDS.has(problem.kind);
}

const FILE_KINDS: ReadonlySet<string> = new Set<FileProblem['kind']>([
  'empty-file',
  'not-text',
  'unknown-format',
  'vendor-export',
  'no-metric-columns',
  'mapping-missing-columns',
  'mapping-incomplete',
  'section-not-found',
  'section-without-table',
]);

export function isFileProblem(problem: MetricProblem): problem is FileProblem & MetricProblem {
  return FILE_KINDS.has(problem.kind);
}

/** Bad rows recorded one by one per file; the rest are summarised in one problem. */
export const BAD_ROW_CAP = 10;

/** Collects one file's problems, capping bad rows at {@link BAD_ROW_CAP}. */
export class ProblemLog {
  badRows = 0;
  private firstUnrecorded = 0;

  constructor(
    private readonly file: string,
    private readonly problems: MetricProblem[],
  ) {}

  fileProblem(
    problem: FileProblem | DateProblem | NumberProblem | EncodingProblem,
    line = 1,
  ): void {
    this.problems.push({ ...problem, location: { file: this.file, line, column: 1 } });
  }

  /** Records a bad row; `path` names the column it is about. */
  badRow(problem: BadRowProblem, line: number, touchpoint?: string, path?: string): void {
    this.badRows++;
    if (this.badRows > BAD_ROW_CAP) {
      if (this.firstUnrecorded === 0) this.firstUnrecorded = line;
      return;
    }
    const location: Location = { file: this.file, line, column: 1 };
    if (path !== undefined && path !== '') location.path = path;
    const recorded: MetricProblem = { ...problem, location };
    if (touchpoint !== undefined) recorded.touchpoint = touchpoint;
    this.problems.push(recorded);
  }

  /** Called after the file: one problem for the bad rows past the cap. */
  finish(): void {
    const more = this.badRows - BAD_ROW_CAP;
    if (more <= 0) return;
    this.problems.push({
      kind: 'more-bad-rows',
      count: more,
      location: { file: this.file, line: this.firstUnrecorded, column: 1 },
    });
  }
}
