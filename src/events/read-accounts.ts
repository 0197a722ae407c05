import type { AccountsMapping } from '../config/config.js';
import { InputError } from '../errors.js';
import { inputError } from '../i18n/worded-error.js';
import { suggest } from '../shared/suggest.js';
import { parseDay } from '../metrics/parse-date.js';
import { BadRows, streamRecords } from './csv-records.js';
import { dayFirstDay } from './day-cache.js';
import type { ObservedPlan } from './plan.js';
import type { SqlAccounts } from './sql.js';
import type { EventRowProblem } from './types.js';
import { normalise } from './read-events.js';

/** One listed account: its segment ('' for none) and day 0 of its lifecycle (a day number). */
export interface ListedAccount {
  segment: string;
  day0: number | undefined;
}

/** What an accounts file says: account → segment and day 0, and the anchors it gave. */
export interface ListedAccounts {
  file: string;
  accounts: Map<string, ListedAccount>;
  /** The columns read: the account, the segment and each lifecycle anchor's date. */
  columns: AccountColumns;
}

export interface AnchorColumn {
  anchor: string;
  /** Where the anchor falls on the reference lifecycle, in days. */
  offset: number;
  column: string;
}

/** The columns of an accounts file, resolved against its header (or DuckDB's column list). */
export interface AccountColumns {
  account: string;
  segment?: string;
  anchors: AnchorColumn[];
}

const loose = (name: string): string =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '_');

/**
 * Which columns of an accounts file hold the account, the segment and each lifecycle anchor's
 * date: `events.accounts` names them, else `account_id`, `segment` and columns named like the
 * inventory's lifecycle anchors (`contract-start` or `contract_start`). Stops with one line
 * when a named column or anchor does not exist.
 */
export function accountColumns(
  header: readonly string[],
  mapping: AccountsMapping,
  plan: ObservedPlan,
  where: string,
): AccountColumns {
  const found = (name: string): string | undefined =>
    header.find((h) => normalise(h) === normalise(name));
  const anchors = plan.lifecycle.map(([anchor]) => anchor);
  const account = found(mapping.account ?? 'account_id');
  if (account === undefined) {
    throw inputError('err.accountsNeedsColumn', {
      where,
      column: mapping.account ?? 'account_id',
      found: header.join(', '),
    });
  }
  const segment = found(mapping.segment ?? 'segment');
  if (segment === undefined && mapping.segment !== undefined) {
    throw inputError('err.accountsNoSegment', {
      where,
      column: mapping.segment,
      found: header.join(', '),
    });
  }
  for (const anchor of Object.keys(mapping.lifecycle ?? {})) {
    if (anchors.includes(anchor)) continue;
    const near = suggest(anchor, anchors);
    const known = { anchors: anchors.join(', ') || 'it has none' };
    throw near === undefined
      ? inputError('err.accountsUnknownAnchor', { anchor }, known)
      : inputError('err.accountsUnknownAnchorNear', { anchor, near }, known);
  }
  const columns: AnchorColumn[] = [];
  for (const [anchor, offset] of plan.lifecycle) {
    const named = mapping.lifecycle?.[anchor];
    if (named !== undefined) {
      const column = found(named);
      if (column === undefined) {
        throw inputError('err.accountsNoAnchorColumn', {
          where,
          column: named,
          anchor,
          found: header.join(', '),
        });
      }
      columns.push({ anchor, offset, column });
    } else if (mapping.lifecycle === undefined) {
      const column = header.find((h) => loose(h) === loose(anchor));
      if (column !== undefined) columns.push({ anchor, offset, column });
    }
  }
  if (segment === undefined && columns.length === 0) {
    throw inputError(
      'err.accountsNeither',
      { where, found: header.join(', ') },
      { anchors: anchors.join(', ') || 'the inventory has no lifecycle' },
    );
  }
  return { account, ...(segment === undefined ? {} : { segment }), anchors: columns };
}

/**
 * Reads an accounts file (CSV, optionally gzip): one row per account with its segment and
 * lifecycle dates. Day 0 of an account is its first anchor in lifecycle order that has a date,
 * minus where that anchor falls on the reference lifecycle. An account listed twice takes its
 * smallest segment and each anchor's earliest date, as every engine does. Bad rows are
 * its bad rows (`observed/bad-row`) at their line and column.
 */
export async function readAccounts(
  file: string,
  mapping: AccountsMapping,
  plan: ObservedPlan,
  problems: EventRowProblem[],
): Promise<ListedAccounts> {
  const bad = new BadRows(file, problems);
  const rows = new Map<string, { segment: string; dates: number[]; line: number }>();
  let columns: AccountColumns | undefined;
  let index = { account: -1, segment: -1, anchors: [] as number[] };
  let names: string[] = [];
  await streamRecords(file, 'accounts file', bad, (record, line) => {
    if (columns === undefined) {
      try {
        columns = accountColumns(record, mapping, plan, `${file}:${String(line)}`);
      } catch (error) {
        if (error instanceof InputError) return error;
        throw error;
      }
      const { account, segment, anchors } = columns;
      index = {
        account: record.indexOf(account),
        segment: segment === undefined ? -1 : record.indexOf(segment),
        anchors: anchors.map((a) => record.indexOf(a.column)),
      };
      names = anchors.map((a) => a.column);
      return undefined;
    }
    const account = (record[index.account] ?? '').trim();
    if (account === '') {
      bad.report(line, index.account + 1, { kind: 'missing-value', line, column: columns.account });
      return undefined;
    }
    const segment = index.segment >= 0 ? (record[index.segment] ?? '').trim() : '';
    const dates = index.anchors.map((i, k) => {
      const text = (record[i] ?? '').trim();
      if (text === '') return NaN;
      const iso = parseDay(text);
      const day = Number.isNaN(iso) ? dayFirstDay(text) : iso;
      if (Number.isNaN(day)) {
        bad.report(line, i + 1, {
          kind: 'not-a-date',
          line,
          column: names[k] ?? '',
          text,
          skipped: 'date',
        });
      }
      return day;
    });
    const seen = rows.get(account);
    if (seen === undefined) {
      rows.set(account, { segment, dates, line });
      return undefined;
    }
    bad.report(line, index.account + 1, {
      kind: 'account-again',
      line,
      account,
      firstLine: seen.line,
    });
    if (segment !== '' && (seen.segment === '' || segment < seen.segment)) seen.segment = segment;
    seen.dates = seen.dates.map((d, k) => {
      const other = dates[k] ?? NaN;
      return Number.isNaN(d) || other < d ? other : d;
    });
    return undefined;
  });
  bad.finish();
  if (columns === undefined) throw inputError('err.accountsNoHeader', { file });
  const anchors = columns.anchors;
  const accounts = new Map<string, ListedAccount>();
  for (const [account, row] of rows) {
    const k = row.dates.findIndex((d) => !Number.isNaN(d));
    const first = anchors[k];
    const day0 = first === undefined ? undefined : (row.dates[k] ?? 0) - first.offset;
    accounts.set(account, { segment: row.segment, day0 });
  }
  return { file, accounts, columns };
}

/**
 * The columns of an accounts table in a warehouse (`touchpoint sql --accounts-table`): as
 * `events.accounts` names them, else `account_id`, `segment` and one DATE column per lifecycle
 * anchor named like it with underscores (`contract_start`).
 */
export function warehouseAccounts(
  table: string,
  mapping: AccountsMapping,
  plan: ObservedPlan,
): SqlAccounts {
  const header = [
    mapping.account ?? 'account_id',
    mapping.segment ?? 'segment',
    ...Object.values(mapping.lifecycle ?? {}),
    ...(mapping.lifecycle === undefined ? plan.lifecycle.map(([a]) => a.replaceAll('-', '_')) : []),
  ];
  return { table, ...accountColumns(header, mapping, plan, 'events.accounts') };
}
