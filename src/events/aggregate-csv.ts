import { compareText } from '../shared/compare-text.js';
import { inputError, wording } from '../i18n/worded-error.js';
import type { UiKey } from '../i18n/ui-en.js';
import { dayOf, isoOf } from './plan.js';
import type { ObservedAccount, ObservedAggregate } from './types.js';

/**
 * The columns of an observed aggregate: what `touchpoint sql` computes in a warehouse and what
 * `--events` reads back. One table, one row per `kind`: `window`, `account`, `received`,
 * `unplanned`, `collision`.
 */
export const AGGREGATE_COLUMNS = [
  'kind',
  'account_id',
  'segment',
  'touchpoint_id',
  'other_id',
  'first_day',
  'last_day',
  'anchor_day',
  'touches',
  'accounts',
  'skipped',
  'silence_days',
  'silence_from',
  'silence_to',
  'collisions',
  'collision_day',
  'collision_a',
  'collision_b',
  'density_breaches',
  'density_day',
  'density_peak',
] as const;

export type AggregateColumn = (typeof AGGREGATE_COLUMNS)[number];
/** Cells as a CSV gives them (strings) or a query returns them (strings or numbers). */
export type AggregateRow = Partial<Record<AggregateColumn, string | number | null>>;

/** Columns an aggregate from an earlier version may lack. */
const OPTIONAL_COLUMNS: readonly AggregateColumn[] = ['anchor_day'];

export function isAggregateHeader(header: readonly string[]): boolean {
  return (
    header[0] === 'kind' &&
    AGGREGATE_COLUMNS.every((c) => OPTIONAL_COLUMNS.includes(c) || header.includes(c))
  );
}

/** Reads aggregate rows (from a CSV or a query result) into the aggregate. */
export function aggregateFromRows(rows: readonly AggregateRow[], file: string): ObservedAggregate {
  const out: ObservedAggregate = {
    window: { first: 0, last: 0, rows: 0, skipped: 0 },
    accounts: [],
    receipts: [],
    unplanned: [],
    pairs: [],
  };
  rows.forEach((row, index) => {
    const fail = (key: UiKey, data: Record<string, string>): never => {
      const where = wording('err.aggregateRow', { file, row: String(index + 2) });
      throw inputError(key, data, { where });
    };
    const text = (column: AggregateColumn): string => {
      const value = row[column];
      return value === null || value === undefined ? '' : String(value).trim();
    };
    const int = (column: AggregateColumn): number => {
      const value = text(column);
      if (value === '') return 0;
      if (!/^-?\d+$/.test(value)) fail('err.aggregateNotWhole', { column, value });
      return Number(value);
    };
    const day = (column: AggregateColumn): number | undefined => {
      const value = text(column).slice(0, 10);
      if (value === '') return undefined;
      const parsed = /^\d{4}-\d{2}-\d{2}$/.test(value) ? dayOf(value) : NaN;
      if (Number.isNaN(parsed)) fail('err.aggregateNotDate', { column, value });
      return parsed;
    };
    const required = (column: AggregateColumn): number =>
      day(column) ?? fail('err.aggregateEmpty', { column });
    switch (text('kind')) {
      case 'window':
        out.window = {
          first: required('first_day'),
          last: required('last_day'),
          rows: int('touches'),
          skipped: int('skipped'),
        };
        break;
      case 'account': {
        const account: ObservedAccount = {
          account: text('account_id'),
          segment: text('segment'),
          first: required('first_day'),
          last: required('last_day'),
          touches: int('touches'),
          silence: {
            days: int('silence_days'),
            from: required('silence_from'),
            to: required('silence_to'),
          },
          collisions: int('collisions'),
          densityBreaches: int('density_breaches'),
          densityPeak: int('density_peak'),
        };
        const collisionDay = day('collision_day');
        if (collisionDay !== undefined) {
          account.firstCollision = {
            day: collisionDay,
            a: text('collision_a'),
            b: text('collision_b'),
          };
        }
        const breach = day('density_day');
        if (breach !== undefined) account.firstBreach = breach;
        const anchor = day('anchor_day');
        if (anchor !== undefined) account.anchor = anchor;
        out.accounts.push(account);
        break;
      }
      case 'received':
        out.receipts.push({
          segment: text('segment'),
          touchpoint: text('touchpoint_id'),
          touches: int('touches'),
        });
        break;
      case 'unplanned':
        out.unplanned.push({
          touchpoint: text('touchpoint_id'),
          touches: int('touches'),
          first: required('first_day'),
        });
        break;
      case 'collision':
        out.pairs.push({
          a: text('touchpoint_id'),
          b: text('other_id'),
          occurrences: int('touches'),
          accounts: int('accounts'),
          example: { account: text('account_id'), day: required('first_day') },
        });
        break;
      default:
        fail('err.aggregateKind', { kind: text('kind') });
    }
  });
  out.accounts.sort((x, y) => compareText(x.account, y.account));
  out.receipts.sort(
    (x, y) => compareText(x.segment, y.segment) || compareText(x.touchpoint, y.touchpoint),
  );
  out.unplanned.sort((x, y) => compareText(x.touchpoint, y.touchpoint));
  out.pairs.sort((x, y) => compareText(x.a, y.a) || compareText(x.b, y.b));
  return out;
}

/** CSV records (after the header) of an aggregate file. */
export function readAggregateRows(
  header: readonly string[],
  records: readonly string[][],
  file: string,
): ObservedAggregate {
  const rows = records.map((record) => {
    const row: AggregateRow = {};
    header.forEach((name, i) => {
      if ((AGGREGATE_COLUMNS as readonly string[]).includes(name))
        row[name as AggregateColumn] = record[i] ?? '';
    });
    return row;
  });
  return aggregateFromRows(rows, file);
}

/** The aggregate as rows (for a CSV, or to compare engines in tests). */
export function aggregateToRows(aggregate: ObservedAggregate): AggregateRow[] {
  const rows: AggregateRow[] = [];
  const { window } = aggregate;
  rows.push({
    kind: 'window',
    first_day: isoOf(window.first),
    last_day: isoOf(window.last),
    touches: String(window.rows),
    skipped: String(window.skipped),
  });
  for (const a of aggregate.accounts) {
    rows.push({
      kind: 'account',
      account_id: a.account,
      segment: a.segment,
      first_day: isoOf(a.first),
      last_day: isoOf(a.last),
      ...(a.anchor !== undefined ? { anchor_day: isoOf(a.anchor) } : {}),
      touches: String(a.touches),
      silence_days: String(a.silence.days),
      silence_from: isoOf(a.silence.from),
      silence_to: isoOf(a.silence.to),
      collisions: String(a.collisions),
      ...(a.firstCollision
        ? {
            collision_day: isoOf(a.firstCollision.day),
            collision_a: a.firstCollision.a,
            collision_b: a.firstCollision.b,
          }
        : {}),
      density_breaches: String(a.densityBreaches),
      ...(a.firstBreach !== undefined ? { density_day: isoOf(a.firstBreach) } : {}),
      density_peak: String(a.densityPeak),
    });
  }
  for (const r of aggregate.receipts) {
    rows.push({
      kind: 'received',
      segment: r.segment,
      touchpoint_id: r.touchpoint,
      touches: String(r.touches),
    });
  }
  for (const u of aggregate.unplanned) {
    rows.push({
      kind: 'unplanned',
      touchpoint_id: u.touchpoint,
      touches: String(u.touches),
      first_day: isoOf(u.first),
    });
  }
  for (const p of aggregate.pairs) {
    rows.push({
      kind: 'collision',
      touchpoint_id: p.a,
      other_id: p.b,
      touches: String(p.occurrences),
      accounts: String(p.accounts),
      account_id: p.example.account,
      first_day: isoOf(p.example.day),
    });
  }
  return rows;
}
