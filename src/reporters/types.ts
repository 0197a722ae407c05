import type { AuditReport } from '../report.js';
import type { Locale } from '../i18n/locale.js';
import type { RuleMeta } from '../types.js';

export type ScorecardGrouping =
  'touchpoint' | 'stage' | 'owner' | 'channel' | 'segment' | 'sequence';

/** Everything a reporter may depend on besides the report: no clock, no cwd lookups, no I/O. */
export interface ReporterContext {
  /** Absolute directory that file paths in the output are made relative to. */
  cwd: string;
  /** Whether ANSI colour may be used (only `table` uses it). */
  color: boolean;
  /** The rule catalogue (SARIF rule descriptions, explanations). */
  rules: readonly RuleMeta[];
  /** `--explain`: show every score component. */
  explain: boolean;
  /** `scorecard --by`: the grouping of scorecard rows. */
  by: ScorecardGrouping;
  /** Terminal width for `table`; defaults to 100. */
  width?: number;
  /**
   * The language of human formats (`--lang`, `lang:`): UI strings, number and date marks, stage
   * and channel names, finding messages. Defaults to English. Machine formats ignore it.
   */
  locale?: Locale;
}

/** A pure function from a report to the text of one format. Reporters never write anything. */
export type Reporter = (report: AuditReport, ctx: ReporterContext) => string;

/**
 * A report's text in pieces, in order. A machine format of a large inventory can be longer than
 * V8 lets one string be (about 512 MiB), so it is written piece after piece, never joined.
 */
export type ReportChunks = Iterable<string>;

/** A reporter whose text may be too long for one string: it yields the text in pieces. */
export type ChunkedReporter = (report: AuditReport, ctx: ReporterContext) => ReportChunks;
