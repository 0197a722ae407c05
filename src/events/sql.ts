import { AGGREGATE_COLUMNS } from './aggregate-csv.js';
import type { AggregateColumn } from './aggregate-csv.js';
import { MAX_YEAR, MIN_YEAR } from '../metrics/parse-date.js';
import { dayOf } from './plan.js';
import type { ObservedPlan } from './plan.js';

/**
 * The days of the years an event date may have ({@link MIN_YEAR}–{@link MAX_YEAR}, as the
 * streaming reader reads them); a row on any other day is skipped as undated.
 */
export const FIRST_DAY = dayOf(`${String(MIN_YEAR)}-01-01`);
export const LAST_DAY = dayOf(`${String(MAX_YEAR)}-12-31`);

export const SQL_DIALECTS = ['bigquery', 'snowflake', 'duckdb', 'spark'] as const;
export type SqlDialect = (typeof SQL_DIALECTS)[number];

export const isSqlDialect = (name: string): name is SqlDialect =>
  (SQL_DIALECTS as readonly string[]).includes(name);

type SqlType = 'string' | 'int' | 'bool' | 'date';

interface DialectRules {
  type: Record<SqlType, string>;
  /** A string literal. */
  str(text: string): string;
  /** A column name, quoted when it is not a plain identifier. */
  quote(name: string): string;
  /** Days since 1970-01-01 of a DATE (or TIMESTAMP) expression. */
  dayNumber(expr: string): string;
  /** The DATE of a day-number expression. */
  dateOf(expr: string): string;
  /** A CTE body listing constant rows (`rows` is never empty). */
  inline(columns: [string, SqlType][], rows: string[][]): string;
}

const PLAIN = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Words that may not be bare column names in at least one dialect. */
const RESERVED = new Set([
  'all',
  'and',
  'as',
  'between',
  'by',
  'case',
  'cast',
  'date',
  'day',
  'default',
  'end',
  'from',
  'group',
  'having',
  'in',
  'interval',
  'is',
  'join',
  'like',
  'limit',
  'not',
  'null',
  'or',
  'order',
  'select',
  'table',
  'to',
  'user',
  'values',
  'when',
  'where',
  'window',
  'with',
]);
const plain = (name: string): boolean => PLAIN.test(name) && !RESERVED.has(name.toLowerCase());

/** A string literal with its single quotes doubled, as DuckDB writes it (the DuckDB engine too). */
export const doubled = (text: string): string => `'${text.replaceAll("'", "''")}'`;
const backslashed = (text: string): string =>
  `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\n', '\\n')}'`;

const valuesTable = (columns: [string, SqlType][], rows: string[][], parens: boolean): string => {
  const values = rows.map((row) => `(${row.join(', ')})`).join(',\n    ');
  const names = columns.map(([name]) => name).join(', ');
  return parens
    ? `SELECT * FROM (VALUES\n    ${values}) AS t (${names})`
    : `SELECT * FROM VALUES\n    ${values} AS t (${names})`;
};

const DIALECTS: Record<SqlDialect, DialectRules> = {
  duckdb: {
    type: { string: 'VARCHAR', int: 'BIGINT', bool: 'BOOLEAN', date: 'DATE' },
    str: doubled,
    quote: (name) => (plain(name) ? name : `"${name.replaceAll('"', '""')}"`),
    dayNumber: (expr) => `CAST(CAST(${expr} AS DATE) - DATE '1970-01-01' AS BIGINT)`,
    dateOf: (expr) => `CAST(DATE '1970-01-01' + CAST(${expr} AS INTEGER) AS DATE)`,
    inline: (columns, rows) => valuesTable(columns, rows, true),
  },
  snowflake: {
    type: { string: 'VARCHAR', int: 'BIGINT', bool: 'BOOLEAN', date: 'DATE' },
    // Snowflake reads backslash escapes inside single-quoted strings.
    str: (text) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`,
    quote: (name) => (plain(name) ? name : `"${name.replaceAll('"', '""')}"`),
    dayNumber: (expr) => `DATEDIFF(day, DATE '1970-01-01', CAST(${expr} AS DATE))`,
    dateOf: (expr) => `DATEADD(day, ${expr}, DATE '1970-01-01')`,
    inline: (columns, rows) => valuesTable(columns, rows, true),
  },
  bigquery: {
    type: { string: 'STRING', int: 'INT64', bool: 'BOOL', date: 'DATE' },
    str: backslashed,
    quote: (name) => (plain(name) ? name : `\`${name.replaceAll('`', '\\`')}\``),
    dayNumber: (expr) => `UNIX_DATE(CAST(${expr} AS DATE))`,
    dateOf: (expr) => `DATE_FROM_UNIX_DATE(${expr})`,
    inline: (columns, rows) => {
      const struct = columns.map(([name, type]) => `${name} ${BIGQUERY_TYPES[type]}`).join(', ');
      const values = rows.map((row) => `(${row.join(', ')})`).join(',\n    ');
      return `SELECT * FROM UNNEST(ARRAY<STRUCT<${struct}>>[\n    ${values}])`;
    },
  },
  spark: {
    type: { string: 'STRING', int: 'BIGINT', bool: 'BOOLEAN', date: 'DATE' },
    str: backslashed,
    quote: (name) => (plain(name) ? name : `\`${name.replaceAll('`', '``')}\``),
    dayNumber: (expr) => `DATEDIFF(CAST(${expr} AS DATE), DATE '1970-01-01')`,
    dateOf: (expr) => `DATE_ADD(DATE '1970-01-01', CAST(${expr} AS INT))`,
    inline: (columns, rows) => valuesTable(columns, rows, false),
  },
};

const BIGQUERY_TYPES: Record<SqlType, string> = {
  string: 'STRING',
  int: 'INT64',
  bool: 'BOOL',
  date: 'DATE',
};

/** Where the events are and what their columns are called. */
export interface SqlSource {
  /** Table (or view) name, inserted as given: `project.dataset.events`. */
  table: string;
  account: string;
  touchpoint: string;
  timestamp: string;
  /** Undefined when the table has no segment column. */
  segment?: string;
  /** The accounts table: account → segment and lifecycle dates (DATE or TIMESTAMP columns). */
  accounts?: SqlAccounts;
}

export interface SqlAccounts {
  table: string;
  account: string;
  segment?: string;
  anchors: readonly { anchor: string; offset: number; column: string }[];
}

const COLUMN_TYPES: Record<AggregateColumn, SqlType> = {
  kind: 'string',
  account_id: 'string',
  segment: 'string',
  touchpoint_id: 'string',
  other_id: 'string',
  first_day: 'date',
  last_day: 'date',
  anchor_day: 'date',
  touches: 'int',
  accounts: 'int',
  skipped: 'int',
  silence_days: 'int',
  silence_from: 'date',
  silence_to: 'date',
  collisions: 'int',
  collision_day: 'date',
  collision_a: 'string',
  collision_b: 'string',
  density_breaches: 'int',
  density_day: 'date',
  density_peak: 'int',
};

/**
 * The touches (`m`) of the density window ending on each touched day of `t`: a running sum over
 * the account's days in day order, its frame the `days` days up to that day (a frame's size is a
 * constant, so with several windows each is its own frame, picked by `daysColumn`).
 */
function densityFrames(t: string, daysColumn: string, windows: readonly number[]): string {
  const frame = (days: number): string =>
    `SUM(${t}.m) OVER (PARTITION BY ${t}.account_id ORDER BY ${t}.day RANGE BETWEEN ${String(days - 1)} PRECEDING AND CURRENT ROW)`;
  const [only] = windows;
  if (windows.length === 1 && only !== undefined) return frame(only);
  return `CASE ${daysColumn}\n${windows.map((days) => `         WHEN ${String(days)} THEN ${frame(days)}`).join('\n')}\n       END`;
}

/**
 * The SQL that computes the observed aggregate (the table `--events` reads back) from an events
 * table, in one dialect. It is the same definition as the streaming engine, step for step: the
 * plan's touchpoints, aliases and limits are written into it as constant tables.
 */
export function observedSql(plan: ObservedPlan, dialect: SqlDialect, source: SqlSource): string {
  const d = DIALECTS[dialect];
  const str = (text: string): string => d.str(text);
  const q = (name: string): string => d.quote(name);
  const t = d.type;
  const empty = (columns: [string, SqlType][]): string =>
    `SELECT ${columns.map(([name, type]) => `CAST(NULL AS ${t[type]}) AS ${name}`).join(', ')} FROM (SELECT 1 AS one) AS z WHERE 1 = 0`;
  const inline = (columns: [string, SqlType][], rows: string[][]): string =>
    rows.length === 0 ? empty(columns) : d.inline(columns, rows);
  const bool = (value: boolean): string => (value ? 'TRUE' : 'FALSE');
  const proactive = new Set(plan.proactive);
  const transactional = new Set(plan.transactional);
  const limitColumns: [string, SqlType][] = [
    ['segment', 'string'],
    ['collision_days', 'int'],
    ['density_max', 'int'],
    ['density_days', 'int'],
  ];
  const { defaults } = plan;
  /** Every density window of the plan, in days (the default's and each segment's), once. */
  const densityWindows = [
    ...new Set([defaults.densityWindow, ...plan.segments.map(([, l]) => l.densityWindow)]),
  ].sort((a, b) => a - b);
  const segment =
    source.segment === undefined
      ? `CAST(NULL AS ${t.string})`
      : `NULLIF(TRIM(CAST(e.${q(source.segment)} AS ${t.string})), '')`;
  const window: string[] = [];
  if (plan.since !== undefined) window.push(`s.day >= ${plan.since}`);
  if (plan.asOf !== undefined) window.push(`s.day <= ${plan.asOf}`);
  const usableWhere = [
    `s.account_id IS NOT NULL AND s.account_id <> ''`,
    `s.raw_touchpoint IS NOT NULL AND s.raw_touchpoint <> ''`,
    `s.day BETWEEN ${String(FIRST_DAY)} AND ${String(LAST_DAY)}`,
    ...window,
  ].join('\n    AND ');
  const nul = (type: SqlType): string => `CAST(NULL AS ${t[type]})`;
  const select = (
    kind: string,
    values: Partial<Record<AggregateColumn, string>>,
    from: string,
  ): string => {
    const columns = AGGREGATE_COLUMNS.map((column) => {
      if (column === 'kind') return `${str(kind)} AS kind`;
      const value = values[column];
      return `${value ?? nul(COLUMN_TYPES[column])} AS ${column}`;
    });
    return `SELECT ${columns.join(',\n       ')}\nFROM ${from}`;
  };
  const date = (expr: string): string => d.dateOf(expr);

  /**
   * Accounts: those in the log (their smallest segment) and those in the accounts table (whose
   * segment wins, and whose day 0 — the first anchor with a date, minus its offset — starts
   * their window). Accounts whose day 0 is after the window are not judged.
   */
  const accountCtes = (): [string, string][] => {
    const fromLog = `SELECT account_id, MIN(segment) AS segment
FROM usable
GROUP BY account_id`;
    const listed = source.accounts;
    if (listed === undefined) {
      return [
        [
          'all_accounts',
          `SELECT account_id, COALESCE(MIN(segment), '') AS segment, ${nul('int')} AS day0
FROM usable
GROUP BY account_id`,
        ],
        [
          'accounts',
          `SELECT a.account_id, a.segment, a.day0, b.first_day
FROM all_accounts AS a CROSS JOIN bounds AS b`,
        ],
      ];
    }
    const trimmed = (column: string): string => `TRIM(CAST(x.${q(column)} AS ${t.string}))`;
    const anchorDays = listed.anchors.map(
      (a, i) => `MIN(${d.dayNumber(`x.${q(a.column)}`)}) AS d${String(i)}`,
    );
    const listedSegment =
      listed.segment === undefined
        ? `CAST(NULL AS ${t.string})`
        : `MIN(NULLIF(${trimmed(listed.segment)}, ''))`;
    const day0 =
      listed.anchors.length === 0
        ? nul('int')
        : listed.anchors.length === 1
          ? `l.d0 - ${String(listed.anchors[0]?.offset ?? 0)}`
          : `COALESCE(${listed.anchors.map((a, i) => `l.d${String(i)} - ${String(a.offset)}`).join(', ')})`;
    return [
      ['log_accounts', fromLog],
      [
        'listed',
        `SELECT ${trimmed(listed.account)} AS account_id,
       ${[listedSegment + ' AS segment', ...anchorDays].join(',\n       ')}
FROM ${listed.table} AS x
WHERE ${trimmed(listed.account)} IS NOT NULL AND ${trimmed(listed.account)} <> ''
GROUP BY ${trimmed(listed.account)}`,
      ],
      [
        'all_accounts',
        `SELECT COALESCE(l.account_id, g.account_id) AS account_id,
       COALESCE(l.segment, g.segment, '') AS segment,
       ${day0} AS day0
FROM log_accounts AS g
FULL OUTER JOIN listed AS l ON l.account_id = g.account_id`,
      ],
      [
        'accounts',
        `SELECT a.account_id, a.segment, a.day0,
       CASE WHEN a.day0 > b.first_day THEN a.day0 ELSE b.first_day END AS first_day
FROM all_accounts AS a CROSS JOIN bounds AS b
WHERE a.day0 IS NULL OR a.day0 <= b.last_day`,
      ],
    ];
  };

  const ctes: [string, string][] = [
    [
      'planned',
      inline(
        [
          ['touchpoint_id', 'string'],
          ['proactive', 'bool'],
          ['transactional', 'bool'],
        ],
        plan.known.map((id) => [str(id), bool(proactive.has(id)), bool(transactional.has(id))]),
      ),
    ],
    [
      'aliases',
      inline(
        [
          ['alias_id', 'string'],
          ['touchpoint_id', 'string'],
        ],
        plan.aliases.map(([from, to]) => [str(from), str(to)]),
      ),
    ],
    [
      'limits',
      inline(
        limitColumns,
        plan.segments.map(([name, l]) => [
          str(name),
          String(l.collisionWindow),
          String(l.densityMax),
          String(l.densityWindow),
        ]),
      ),
    ],
    [
      'source',
      `SELECT TRIM(CAST(e.${q(source.account)} AS ${t.string})) AS account_id,
       TRIM(CAST(e.${q(source.touchpoint)} AS ${t.string})) AS raw_touchpoint,
       ${d.dayNumber(`e.${q(source.timestamp)}`)} AS day,
       ${segment} AS segment
FROM ${source.table} AS e`,
    ],
    [
      'usable',
      `SELECT s.account_id, COALESCE(a.touchpoint_id, s.raw_touchpoint) AS touchpoint_id, s.day, s.segment
FROM source AS s
LEFT JOIN aliases AS a ON a.alias_id = s.raw_touchpoint
WHERE ${usableWhere}`,
    ],
    [
      'skipped',
      `SELECT COUNT(*) AS skipped
FROM source AS s
WHERE s.account_id IS NULL OR s.account_id = ''
   OR s.raw_touchpoint IS NULL OR s.raw_touchpoint = ''
   OR s.day IS NULL OR s.day NOT BETWEEN ${String(FIRST_DAY)} AND ${String(LAST_DAY)}`,
    ],
    [
      'bounds',
      `SELECT ${plan.since ?? 'COALESCE(MIN(day), 0)'} AS first_day,
       ${plan.asOf ?? 'COALESCE(MAX(day), 0)'} AS last_day,
       COUNT(*) AS touches
FROM usable`,
    ],
    ...accountCtes(),
    [
      'account_limits',
      `SELECT a.account_id,
       COALESCE(l.collision_days, ${defaults.collisionWindow}) AS collision_days,
       COALESCE(l.density_max, ${defaults.densityMax}) AS density_max,
       COALESCE(l.density_days, ${defaults.densityWindow}) AS density_days
FROM accounts AS a
LEFT JOIN limits AS l ON l.segment = a.segment`,
    ],
    [
      'touch_days',
      `SELECT u.account_id, u.day, COUNT(*) AS n,
       SUM(CASE WHEN p.transactional THEN 0 ELSE 1 END) AS m,
       MIN(u.touchpoint_id) AS lo, MAX(u.touchpoint_id) AS hi
FROM usable AS u
JOIN accounts AS a ON a.account_id = u.account_id AND u.day >= a.first_day
JOIN planned AS p ON p.touchpoint_id = u.touchpoint_id
WHERE p.proactive
GROUP BY u.account_id, u.day`,
    ],
    [
      'sequenced',
      `SELECT t.account_id, t.day, t.n, t.m, t.lo, t.hi,
       LAG(t.day) OVER (PARTITION BY t.account_id ORDER BY t.day) AS prev_day,
       LAG(t.hi) OVER (PARTITION BY t.account_id ORDER BY t.day) AS prev_hi,
       LEAD(t.day) OVER (PARTITION BY t.account_id ORDER BY t.day) AS next_day
FROM touch_days AS t`,
    ],
    [
      'gaps',
      `SELECT s.account_id, COALESCE(s.prev_day, a.first_day) AS gap_from, s.day AS gap_to
FROM sequenced AS s JOIN accounts AS a ON a.account_id = s.account_id
UNION ALL
SELECT s.account_id, s.day AS gap_from, b.last_day AS gap_to
FROM sequenced AS s CROSS JOIN bounds AS b
WHERE s.next_day IS NULL
UNION ALL
SELECT a.account_id, a.first_day AS gap_from, b.last_day AS gap_to
FROM accounts AS a CROSS JOIN bounds AS b
LEFT JOIN (SELECT DISTINCT account_id FROM touch_days) AS t ON t.account_id = a.account_id
WHERE t.account_id IS NULL`,
    ],
    [
      'silences',
      `SELECT account_id, gap_from, gap_to,
       ROW_NUMBER() OVER (PARTITION BY account_id ORDER BY gap_to - gap_from DESC, gap_from) AS rn
FROM gaps`,
    ],
    [
      'collision_list',
      `SELECT s.account_id, s.day, s.lo AS a, s.hi AS b
FROM sequenced AS s
WHERE s.n >= 2
UNION ALL
SELECT s.account_id, s.day, LEAST(s.prev_hi, s.lo) AS a, GREATEST(s.prev_hi, s.lo) AS b
FROM sequenced AS s
JOIN account_limits AS l ON l.account_id = s.account_id
WHERE s.prev_day IS NOT NULL AND s.day - s.prev_day < l.collision_days`,
    ],
    [
      'collision_first',
      `SELECT account_id, day, a, b,
       COUNT(*) OVER (PARTITION BY account_id) AS collisions,
       ROW_NUMBER() OVER (PARTITION BY account_id ORDER BY day, a, b) AS rn
FROM collision_list`,
    ],
    [
      'density_windows',
      // A window function over each account's touched days in day order: the touches of the
      // density window ending on each day, in one sorted pass (a self-join on the account would
      // pair every two days of an account first). A frame's size is a constant in every
      // dialect, so each segment's window is its own frame, picked by the account's.
      `SELECT t.account_id, t.day, t.m, l.density_max,
       ${densityFrames('t', 'l.density_days', densityWindows)} AS in_window
FROM touch_days AS t
JOIN account_limits AS l ON l.account_id = t.account_id`,
    ],
    [
      'density',
      `SELECT account_id,
       SUM(CASE WHEN in_window > density_max THEN 1 ELSE 0 END) AS breaches,
       MIN(CASE WHEN in_window > density_max THEN day END) AS first_breach,
       MAX(in_window) AS peak
FROM density_windows
WHERE m > 0
GROUP BY account_id`,
    ],
    [
      'touch_totals',
      `SELECT account_id, SUM(n) AS touches
FROM touch_days
GROUP BY account_id`,
    ],
    [
      'pair_accounts',
      `SELECT account_id, a, b, COUNT(*) AS occurrences, MIN(day) AS first_day
FROM collision_list
GROUP BY account_id, a, b`,
    ],
    [
      'pairs',
      `SELECT a, b, SUM(occurrences) AS occurrences, COUNT(*) AS accounts, MIN(account_id) AS example
FROM pair_accounts
GROUP BY a, b`,
    ],
  ];

  const parts = [
    select(
      'window',
      {
        first_day: date('b.first_day'),
        last_day: date('b.last_day'),
        touches: 'b.touches',
        skipped: 'k.skipped',
      },
      'bounds AS b CROSS JOIN skipped AS k',
    ),
    select(
      'account',
      {
        account_id: 'a.account_id',
        segment: 'a.segment',
        first_day: date('a.first_day'),
        last_day: date('b.last_day'),
        anchor_day: date('a.day0'),
        touches: 'COALESCE(tt.touches, 0)',
        silence_days: 'si.gap_to - si.gap_from',
        silence_from: date('si.gap_from'),
        silence_to: date('si.gap_to'),
        collisions: 'COALESCE(cf.collisions, 0)',
        collision_day: date('cf.day'),
        collision_a: 'cf.a',
        collision_b: 'cf.b',
        density_breaches: 'COALESCE(dn.breaches, 0)',
        density_day: date('dn.first_breach'),
        density_peak: 'COALESCE(dn.peak, 0)',
      },
      `accounts AS a
CROSS JOIN bounds AS b
LEFT JOIN touch_totals AS tt ON tt.account_id = a.account_id
LEFT JOIN silences AS si ON si.account_id = a.account_id AND si.rn = 1
LEFT JOIN collision_first AS cf ON cf.account_id = a.account_id AND cf.rn = 1
LEFT JOIN density AS dn ON dn.account_id = a.account_id`,
    ),
    select(
      'received',
      { segment: 'r.segment', touchpoint_id: 'r.touchpoint_id', touches: 'r.touches' },
      `(SELECT a.segment, u.touchpoint_id, COUNT(*) AS touches
      FROM usable AS u
      JOIN all_accounts AS a ON a.account_id = u.account_id
      JOIN planned AS p ON p.touchpoint_id = u.touchpoint_id
      GROUP BY a.segment, u.touchpoint_id) AS r`,
    ),
    select(
      'unplanned',
      { touchpoint_id: 'x.touchpoint_id', touches: 'x.touches', first_day: date('x.first_day') },
      `(SELECT u.touchpoint_id, COUNT(*) AS touches, MIN(u.day) AS first_day
      FROM usable AS u
      LEFT JOIN planned AS p ON p.touchpoint_id = u.touchpoint_id
      WHERE p.touchpoint_id IS NULL
      GROUP BY u.touchpoint_id) AS x`,
    ),
    select(
      'collision',
      {
        touchpoint_id: 'p.a',
        other_id: 'p.b',
        touches: 'p.occurrences',
        accounts: 'p.accounts',
        account_id: 'p.example',
        first_day: date('pa.first_day'),
      },
      `pairs AS p
JOIN pair_accounts AS pa ON pa.account_id = p.example AND pa.a = p.a AND pa.b = p.b`,
    ),
  ];
  const indent = (text: string): string => text.replaceAll('\n', '\n  ');
  return (
    [
      `-- touchpoint-audit observed aggregate (${dialect}); audit the result with --events FILE`,
      `WITH ${ctes.map(([name, body]) => `${name} AS (\n  ${indent(body)}\n)`).join(',\n')}`,
      parts.join('\nUNION ALL\n'),
    ].join('\n') + ';\n'
  );
}
