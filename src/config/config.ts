import type { Lang } from '../i18n/lang.js';
import type { Days, Location, Severity } from '../types.js';

/** The encodings a metric export is read in (`encoding:` in a `sources:` entry names one). */
export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** `off` disables a rule. */
export type RuleSetting = Severity | 'off';

export interface Waiver {
  rule: string;
  /** Touchpoint id or glob (`legacy-*`); undefined waives the rule everywhere. */
  touchpoint?: string;
  reason: string;
  /** ISO date (YYYY-MM-DD); the waiver stops applying after it. */
  expires?: string;
  location?: Location;
}

/** A column's unit, converted by the reader to the inventory metric's unit. */
export type ColumnUnit = 'seconds' | 'minutes' | 'hours' | 'days' | 'percent' | 'ratio';

/** Cell values a `filter:` or `where:` compares with (case- and space-insensitively). */
export type CellValues = string | number | boolean | (string | number | boolean)[];

/** How one metric of a mapped file is computed from its rows. */
export type MetricAggregate =
  | { fn: 'mean' | 'median' | 'p90' | 'sum'; column: string }
  | { fn: 'count'; column?: string }
  | {
      fn: 'share';
      column: string;
      /** Rows whose value is in `in`, among rows whose value is in `of` (default: any non-empty). */
      where: { in: CellValues; of?: CellValues };
    };

/** One metric of a `sources:` entry: exactly one of `value`, `ratio` or `aggregate`. */
export interface MetricMapping {
  metric: string;
  /** Column holding the value of each row (the metric is the mean of the rows' values). */
  value?: string;
  ratio?: { numerator: string; denominator: string };
  aggregate?: MetricAggregate;
  /** Multiplies every value read (after `unit:` conversion). */
  scale?: number;
  /** The column's unit: values are converted to the inventory metric's unit. */
  unit?: ColumnUnit;
  /** Rows this metric counts, by column values (on top of the entry's `filter:`). */
  filter?: Record<string, CellValues>;
}

/**
 * How to read the metric exports whose base name matches: a column mapping for a vendor export
 * whose columns match neither the long nor the wide format (`touchpoint` and the value), and/or
 * what the file leaves open (date order, decimal mark, encoding, where the table is).
 */
export interface MetricSource {
  /** Glob matched against the CSV file's base name (`mailchimp-*.csv`). */
  match: string;
  /**
   * Column holding the touchpoint id (`Campaign`, or `{ column: Campaign }`), or one fixed id
   * for the whole file (`{ id: csat-survey }`); without it the file is read as long or wide.
   */
  touchpoint?: string | { column: string } | { id: string };
  /** Fixed metric name for every row, or read from a column with `metricColumn`. */
  metric?: string;
  metricColumn?: string;
  /** Column holding the value, or a ratio of two columns. */
  value?: string;
  ratio?: { numerator: string; denominator: string };
  /** Several metrics read from the same rows. */
  metrics?: MetricMapping[];
  /** Rows the entry reads, by column values (`{ Status: [Live, Manual] }`). */
  filter?: Record<string, CellValues>;
  /** For the entry's own `value`/`ratio`: multiplier and column unit. */
  scale?: number;
  unit?: ColumnUnit;
  date?: string;
  /** Column holding the segment, or one fixed segment for the whole file (`{ id: enterprise }`). */
  segment?: string | { column: string } | { id: string };
  /** Day/month order of numeric dates the file's values leave open. */
  dateOrder?: 'dmy' | 'mdy' | 'ymd';
  /** Decimal mark of numbers the file's values leave open (`2.546`: 2.546 with `.`, 2546 with `,`). */
  decimal?: '.' | ',';
  /** BCP 47 locale of the file (`en-US`, `id-ID`, `nl-NL`): date order and decimal mark. */
  locale?: string;
  /** Line of the header when a preamble before it is not recognised (1-based). */
  header?: number;
  /** Rows after the header that are more header (labels, option names) and not data. */
  skipRows?: number;
  /** Title of the table to read in a multi-table report (`Attendee Details`). */
  section?: string;
  /** The file's encoding when it has no BOM and its bytes do not settle it. */
  encoding?: Encoding;
  /** Position of the entry in the config file (set by the loader). */
  location?: Location;
}

/** Column names of an event log (`--events`) that does not use the default ones. */
export interface EventsMapping {
  account?: string;
  touchpoint?: string;
  timestamp?: string;
  segment?: string;
  /** The accounts file: account → segment and lifecycle dates (`accounts:` under `events:`). */
  accounts?: AccountsMapping;
}

/** Where the accounts file is and what its columns are called. */
export interface AccountsMapping {
  /** The file, resolved against the config's folder (`--accounts` overrides it). */
  file?: string;
  /** Column holding the account id (default `account_id`). */
  account?: string;
  /** Column holding the segment (default `segment`, when present). */
  segment?: string;
  /** Lifecycle anchor → column of its date; default: a column named like the anchor. */
  lifecycle?: Record<string, string>;
}

export interface LimitOverrides<T> {
  default: T;
  segments: Record<string, T>;
  channels: Record<string, T>;
}

export interface DensityLimit {
  max: number;
  window: Days;
}

export interface ScoringConfig {
  weights: { documentation: number; evidence: number; performance: number; hygiene: number };
  grades: { A: number; B: number; C: number; D: number };
  /** Stage weight in the inventory score; unlisted stages weigh 1. */
  stages: Record<string, number>;
}

/** The merged configuration with every default filled in; durations in days. */
export interface Config {
  rules: Record<string, RuleSetting>;
  /** Where the timeline ends when the lifecycle's latest event is earlier. */
  horizon: Days;
  collisionWindow: LimitOverrides<Days>;
  density: LimitOverrides<DensityLimit>;
  silence: LimitOverrides<Days>;
  /** Rows newer than this (before `--as-of`) count as fresh evidence. */
  freshness: Days;
  /** Default observation period when `--since` is not given. */
  period: Days;
  /** `asOf:` in the config: the date the audit is evaluated at, instead of today (YYYY-MM-DD). */
  asOf?: string;
  scoring: ScoringConfig;
  /** Extra channels on top of the built-in list. */
  channels: string[];
  aliases: Record<string, string>;
  ignore: string[];
  waivers: Waiver[];
  sources: MetricSource[];
  /** `lang:` in the config: the language of human reports (`--lang` wins over it). */
  lang?: Lang;
  /** BCP 47 locale of metric exports whose dates and numbers leave order and marks open. */
  locale?: string;
  /** `events:` in the config: the columns of the event logs given to `--events`. */
  events?: EventsMapping;
  /** The config file this came from, when there was one. */
  file?: string;
  /** `waivers: FILE` in the config: the waivers file, resolved by `loadConfig`. */
  waiversFile?: string;
}

export const BUILTIN_CHANNELS: readonly string[] = [
  'email',
  'sms',
  'whatsapp',
  'chat',
  'chatbot',
  'phone',
  'video-call',
  'in-person',
  'in-app',
  'website',
  'social',
  'ads',
  'webinar',
  'community',
  'knowledge-base',
  'support-ticket',
  'survey',
  'mail',
  'store',
];

export function defaultConfig(): Config {
  return {
    rules: {},
    horizon: 365,
    collisionWindow: { default: 1, segments: {}, channels: {} },
    density: { default: { max: 3, window: 7 }, segments: {}, channels: {} },
    silence: { default: 45, segments: {}, channels: {} },
    freshness: 30,
    period: 90,
    scoring: {
      weights: { documentation: 25, evidence: 25, performance: 35, hygiene: 15 },
      grades: { A: 90, B: 80, C: 70, D: 60 },
      stages: {},
    },
    channels: [],
    aliases: {},
    ignore: [],
    waivers: [],
    sources: [],
  };
}
