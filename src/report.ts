import type { Comparison, Finding, Location, Severity, Unit } from './types.js';

/** Version of the JSON report contract (`schemas/report.schema.json`). */
export const REPORT_VERSION = 1;

/** Group ids for touchpoints with no (or a placeholder) owner, stage or channel. */
export const UNOWNED = '(unowned)';
export const NO_STAGE = '(no stage)';
export const NO_CHANNEL = '(no channel)';
/** Group ids for touchpoints whose stage or channel is not one the run knows. */
export const UNKNOWN_STAGE = '(unknown stage)';
export const UNKNOWN_CHANNEL = '(unknown channel)';

export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';

/**
 * A text the scoring writes, as data: the id of its template and the facts that fill it, as a
 * finding's `messageId` and `data`. Values may be texts themselves (`{{gap|text}}`). Human
 * formats word it in their language; the report's strings are its English wording.
 */
export interface ScoreText {
  messageId: string;
  data: Readonly<Record<string, unknown>>;
}

/** A touchpoint score's texts as data: what `components[].label`, `capped` and `nextLevel` say. */
export interface ScoreTexts {
  /** One per component, in the same order. */
  components: ScoreText[];
  capped?: ScoreText;
  nextLevel?: ScoreText;
}

/** One signed contribution to a score, e.g. `{ label: 'owner', points: -30 }`. */
export interface ScoreComponent {
  label: string;
  points: number;
}

/** Each pillar 0–1; null when unknown (no data to judge it by), which is neither 0 nor 1. */
export interface Pillars {
  documentation: number;
  evidence: number | null;
  performance: number | null;
  hygiene: number;
}

/** One segment's value judged against its own target (`metric.target` as a map). */
export interface SegmentAttainment {
  segment: string;
  value: number;
  /** The target as written, and read. */
  target: string;
  targetOp: Comparison;
  targetValue: number;
  /** 0–1. */
  attainment: number;
}

export interface TouchpointScore {
  id: string;
  name: string;
  stage?: string;
  channel?: string;
  owner?: string;
  segments: string[];
  /** The deliberate sequence it is a step of (`sequence:` in the inventory). */
  sequence?: string;
  score: number;
  grade: Grade;
  /** More than half of the pillar weight is unknown: the score may move once data arrives. */
  provisional: boolean;
  /** Why the grade was capped, e.g. `no owner`, `owner not in roster`. */
  capped?: string;
  /** Maturity level 0–4 (L1 documented, L2 measured, L3 on target, L4 clean). */
  level: number;
  /** What the next level needs, in words. */
  nextLevel?: string;
  /** Each pillar 0–1 before weighting. */
  pillars: Pillars;
  /**
   * The points each pillar adds to the score (its share of the known weight × its value, in
   * 0.1): they add up to the score before any cap. Null for an unknown pillar.
   */
  pillarPoints: PillarPoints;
  components: ScoreComponent[];
  metric?: {
    name: string;
    /** Mean over the period's usable rows, to 12 significant digits. */
    value?: number;
    /** The target as written (`>= 0.35`), and read: its comparison and number. */
    target?: string;
    targetOp?: Comparison;
    targetValue?: number;
    unit?: Unit;
    /** 0–1; with per-segment targets, the mean of the segments' attainments. */
    attainment?: number;
    /** Per-segment targets: each segment judged, with its value, target and attainment. */
    segments?: SegmentAttainment[];
    /** With metric exports: usable rows inside the period, and rows not used (any reason). */
    rows?: number;
    rowsRejected?: number;
    /** Date of the latest row, in or out of the period. */
    latestDate?: string;
  };
  /** Open findings naming the touchpoint, by severity. */
  findings: Record<Severity, number>;
  /** Waived findings naming the touchpoint (they cost nothing). */
  waived: number;
  /**
   * The labels, cap and next step as data, for human formats to word in their language. In
   * memory only: the JSON report leaves it out (its strings are the English wording), and a
   * report read back from JSON has none.
   */
  texts?: ScoreTexts;
}

/** Points per pillar; null when the pillar is unknown. */
export interface PillarPoints {
  documentation: number;
  evidence: number | null;
  performance: number | null;
  hygiene: number;
}

export interface GroupScore {
  id: string;
  score: number;
  grade: Grade;
  touchpoints: number;
  /** More than half of its touchpoints' scores are provisional. */
  provisional: boolean;
  /** Percent of its touchpoints documented in full, and with usable rows in the period. */
  documentationCoverage: number | null;
  dataCoverage: number | null;
}

/** A deliberate sequence scored as one unit: its steps' group score, and the steps in time order. */
export interface SequenceScore extends GroupScore {
  steps: string[];
}

export interface Scores {
  touchpoints: TouchpointScore[];
  stages: GroupScore[];
  owners: GroupScore[];
  channels: GroupScore[];
  segments: GroupScore[];
  /** Per sequence (`sequence:`), by id; absent when the inventory has none. */
  sequences?: SequenceScore[];
}

/** One fix to make: open findings of one rule on one touchpoint, ranked by the points it recovers. */
export interface Action {
  /** 1 = recovers the most points. */
  rank: number;
  /** Inventory score points the fix recovers, found by re-scoring with it applied (0.1 precision). */
  points: number;
  rule: string;
  /** The most severe of its findings. */
  severity: Severity;
  /** How many findings the fix settles. */
  findings: number;
  /** What to do, in one sentence (the first of the rule's fix). */
  fix: string;
  /** The first finding's message. */
  message: string;
  touchpoint?: string;
  touchpointName?: string;
  /** The owner id who carries the fix, or `(unowned)`. */
  owner: string;
  /** The owner's roster name and contact. */
  ownerName?: string;
  ownerContact?: string;
  /** Where the first finding is. */
  location: Location;
}

/** What one owner has to do: the actions and the points they recover together. */
export interface OwnerActions {
  owner: string;
  name?: string;
  contact?: string;
  actions: number;
  /** Points recovered when all of the owner's actions are applied together (re-scored). */
  points: number;
}

/** One roster entry as reports show it. */
export interface RosterEntry {
  id: string;
  name?: string;
  contact?: string;
}

/** A score before and after; null where the touchpoint, stage or owner did not exist. */
export interface ScoreChange {
  id: string;
  name?: string;
  before: number | null;
  after: number | null;
  /** after − before, one decimal; null when a side is missing. */
  change: number | null;
  gradeBefore?: Grade;
  gradeAfter?: Grade;
}

/** A finding fixed or new since the previous report, matched by baseline fingerprint. */
export interface ComparedFinding {
  fingerprint: string;
  rule: string;
  severity: Severity;
  message: string;
  touchpoint?: string;
  touchpointName?: string;
}

/** What changed since a previous report (`--compare`, `touchpoint diff`). */
export interface ReportComparison {
  previous: { file: string; asOf: string; toolVersion: string; command: AuditReport['command'] };
  score: { before: number | null; after: number | null; change: number | null };
  grade: { before: Grade | null; after: Grade | null };
  stages: ScoreChange[];
  owners: ScoreChange[];
  /** Open (not waived) findings: open before and gone, open now and new, open in both. */
  findings: { fixed: ComparedFinding[]; new: ComparedFinding[]; stillOpen: number };
  /** The touchpoints whose score rose most, and fell most (at most 5 each). */
  improved: ScoreChange[];
  declined: ScoreChange[];
}

export interface StaleBaselineEntry {
  fingerprint: string;
  rule: string;
  touchpoint?: string;
}

export interface TimelineOccurrenceView {
  touchpoint: string;
  day: number;
}

/** How a convention of a column (date order, decimal mark) was decided. */
export type DecidedBy =
  /** The column's own values (`15/01` is day first, `"1,15"` has a decimal comma). */
  | 'evidence'
  /** Values in other columns of the same file. */
  | 'file'
  /** `dateOrder:` or `decimal:` in the file's `sources:` entry. */
  | 'config'
  /** A `locale:` (the source's or the config's). */
  | 'locale'
  /** The delimiter's convention: `;` and tab files write decimal commas. */
  | 'delimiter'
  /** Nothing settled it: day first or a decimal dot, reported as ambiguous. */
  | 'default';

/** A cell that shows how a column was read: its line and (the start of) its text. */
export interface CellSample {
  line: number;
  text: string;
}

/** How one date or number column of a metric export was read. */
export interface ColumnDescription {
  /** The header name, and the 1-based column. */
  name: string;
  column: number;
  kind: 'date' | 'number';
  /** Dates: the day/month order; absent when no value needed one (ISO dates, month names). */
  order?: 'dmy' | 'mdy' | 'ymd';
  /** Numbers: the decimal mark; absent when no value had a decimal or grouping mark. */
  decimal?: '.' | ',';
  /** How `order` or `decimal` was decided; absent with them. */
  by?: DecidedBy;
  /** The value that decided it (or the first one that needed deciding). */
  sample?: CellSample;
}

/** How one metric export was read: what `-v` prints and `metrics.files[]` holds. */
/** What `touchpoint sources` found in one metric export. */
export interface ExportExamination {
  file: string;
  /**
   * How the file is read: through the config's `sources:` entries (`mapped`), as the long or
   * wide format (`table`), as a recognised vendor export no entry maps yet (`vendor`, with the
   * suggested entry), or not at all (`unknown`).
   */
  status: 'mapped' | 'table' | 'vendor' | 'unknown';
  /** The vendor profile the header matched. */
  vendor?: { id: string; name: string };
  /** How the file was read (with the suggested entry, when there is one). */
  description?: FileDescription;
  /** The `sources:` entry to add, as data and as YAML under `sources:`. */
  suggestion?: SourceEntry;
  yaml?: string;
  /** The values the file gives, per touchpoint and metric, in the order first seen. */
  values: ExaminedValue[];
}

/** A `sources:` entry as plain data, as the config file holds it (see `config.schema.json`). */
export type SourceEntry = { match: string } & Record<string, unknown>;

/** One touchpoint's metric as an export gives it, pooled and per segment. */
export interface ExaminedValue {
  touchpoint: string;
  metric: string;
  value: number | null;
  rows: number;
  latestDate?: string;
  segments?: Record<string, { value: number | null; rows: number }>;
}

/** Why a file was read in its encoding, in the English words of `-v` and the JSON report. */
export type EncodingReason =
  | 'BOM'
  | 'encoding:'
  | 'NUL in every other byte'
  | 'ASCII only so far'
  | 'valid UTF-8'
  | 'mostly valid UTF-8'
  | 'not valid UTF-8'
  | 'not read';

export interface FileDescription {
  file: string;
  encoding: {
    name: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
    /** A BOM or the bytes (evidence), `encoding:` in the source (config), or ASCII so far (default). */
    by: 'evidence' | 'config' | 'default';
    reason: EncodingReason;
  };
  /** The delimiter, and whether Excel's `sep=` line named it or the header line showed it; absent for an empty file. */
  delimiter?: { char: ',' | ';' | '\t'; by: 'separator-line' | 'evidence' };
  /** The layout the header named; absent when no header was found. */
  format?: 'long' | 'wide' | 'mapped';
  /** The header: its line, found (evidence) or named by `header:` (config), and its width. */
  header?: { line: number; by: 'evidence' | 'config'; columns: number };
  /** The section read (`section:`), and its title's line. */
  section?: { title: string; line: number };
  /** Section titles found in the file (a multi-table export), in order. */
  sections?: string[];
  /** The date and number columns, in column order. */
  columns: ColumnDescription[];
  /** Records that are not data, and why. */
  skipped: {
    /** Comment lines and report preamble before the header. */
    preamble: number;
    /** Header rows after the header: `skipRows:`, label rows, Qualtrics ImportId rows. */
    headerRows: number;
    /** Totals rows (every key cell empty). */
    totals: number;
  };
  /** Where reading stopped before the end of the file: a totals row or the next section. */
  ended?: { line: number; by: 'totals' | 'section' };
  /** Data rows and values (a wide row holds several values). */
  rows: {
    /** Data rows read after the header. */
    read: number;
    /** Values inside the period (used for the audit); absent when the period is the data's own. */
    inPeriod?: number;
    /** Values dated before the period: read, not used. */
    beforePeriod?: number;
    /** Values dated after the as-of date: counted, not used. */
    afterAsOf: number;
    /** Empty or N/A values, and rows a `filter:` leaves out. */
    empty: number;
    /** Bad rows (each a metrics/bad-row finding). */
    bad: number;
  };
  /** The first and last date of the file's dated rows (YYYY-MM-DD). */
  dates?: { first: string; last: string };
}

export interface AuditReport {
  version: typeof REPORT_VERSION;
  tool: { name: 'touchpoint-audit'; version: string };
  /** `validate` reports carry findings only; `audit` adds scores and the timeline. */
  command: 'validate' | 'audit' | 'scorecard';
  inventory: {
    name?: string;
    files: string[];
    touchpoints: number;
    stages: string[];
    segments: string[];
    channels: string[];
    /** The stages audited when the inventory narrows the journey with `scope:`. */
    scope?: string[];
    /** The owners roster (`owners:`): ids with the names and contacts people read in reports. */
    owners?: RosterEntry[];
  };
  /** The date the report is evaluated at (YYYY-MM-DD): period end, staleness, waiver expiry. */
  asOf: string;
  /** The metric period (inclusive dates) for `audit` and `scorecard`. */
  period?: { since: string; asOf: string; days: number };
  metrics?: {
    /** Per file, in reading order: how it was read. */
    files: FileDescription[];
    since?: string;
    asOf?: string;
    rows: number;
  };
  /** What the run checked: the rule families that ran, and what it skipped and why. */
  checked?: Checked;
  summary: {
    /** Inventory score 0–100; null for `validate`. */
    score: number | null;
    grade: Grade | null;
    /** More than half of the touchpoints' scores are provisional; null when not scored. */
    provisional: boolean | null;
    /** Error-severity findings that are not waived (baselined ones included: a baseline changes the gate, not the verdict). */
    openErrors: number;
    documentationCoverage: number | null;
    dataCoverage: number | null;
    findings: { error: number; warning: number; info: number; waived: number; baselined: number };
    byFamily: Record<string, number>;
    /** Per family: findings that count (`open`), waived and baselined ones. */
    families: Record<string, { open: number; waived: number; baselined: number }>;
  };
  findings: Finding[];
  scores?: Scores;
  /** Open findings as fixes, ranked by the score points each recovers (`audit`, `scorecard`). */
  actions?: Action[];
  /** The actions per owner, most points first. */
  actionsByOwner?: OwnerActions[];
  timeline?: {
    horizon: number;
    segments: { id: string; occurrences: TimelineOccurrenceView[] }[];
  };
  baseline?: { file: string; stale: StaleBaselineEntry[] };
  /** Planned versus observed cadence, when event logs were given (`--events`). */
  observed?: ObservedReport;
  /** What changed since the report given with `--compare`. */
  comparison?: ReportComparison;
}

export interface Checked {
  /** Rule families that ran (`validate`: schema, ownerless, waiver). */
  families: string[];
  /**
   * Analyses left out because an inventory file could not be parsed: the rules that judge the
   * whole inventory and, for `audit` and `scorecard`, the scores.
   */
  skipped?: { rules: string[]; scores: boolean; unparsed: string[] };
}

export interface ObservedReport {
  engine: string;
  files: string[];
  window: { from: string; to: string; rows: number; skipped: number };
  accounts: number;
  segments: {
    id: string;
    accounts: number;
    planned: { touches: number; everyDays: number | null; longestSilence: number };
    observed: {
      medianTouches: number;
      medianEveryDays: number | null;
      medianDays: number;
      medianLongestSilence: number;
      overSilence: number;
      silenceLimit: number;
    };
    text: string;
  }[];
}

// What `touchpoint doctor` reports (src/doctor/ finds it, src/reporters/diagnosis.ts words it).

/** The process facts the CLI hands in (only the CLI reads `process`). */
export interface Runtime {
  /** `process.version`, e.g. `v20.20.0`. */
  node: string;
  platform: string;
  arch: string;
  /** Operating system name and release, e.g. `Linux 6.1.0`. */
  os: string;
}

/**
 * The Chromium the HTML report's browser test would drive: found through `CHROMIUM_PATH` or on
 * `PATH`, or not, with what was tried (the `CHROMIUM_PATH` value, or the names looked for on
 * `PATH`) and `searched`, the same in English words.
 */
export type ChromiumSearch =
  | { found: true; path: string; via: 'CHROMIUM_PATH' | 'PATH' }
  | { found: false; via: 'CHROMIUM_PATH' | 'PATH'; tried: string[]; searched: string };

/** What a list of file arguments expanded to, or why it could not. */
export interface FileSearch {
  inputs: string[];
  /** The inputs are the tool's default, not arguments. */
  defaulted: boolean;
  files: string[];
  problem?: string;
}

export interface ConfigDiagnosis {
  file: string | null;
  via: 'option' | 'found' | 'none';
  problem?: string;
  locale?: string;
  waivers?: string;
}

/** Everything `touchpoint doctor` reports: the facts a bug report needs. */
export interface Diagnosis {
  version: 1;
  tool: { name: 'touchpoint-audit'; version: string };
  runtime: Runtime;
  cwd: string;
  config: ConfigDiagnosis;
  inventories: FileSearch;
  metrics: FileSearch;
  events: FileSearch;
  chromium: ChromiumSearch;
  locale: { intl: string; timeZone: string };
  /** The environment variables that change what the tool does, when set. */
  env: Record<string, string>;
}
