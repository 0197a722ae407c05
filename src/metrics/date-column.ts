import { DATE_ORDERS, ORDER_BIT, type DateOrder, type ParsedDate } from './parse-date.js';

/** How a column's convention (date order, number marks) was decided, for `-v` and the report. */
export type DecidedBy = 'evidence' | 'config' | 'locale' | 'delimiter' | 'default';

/** An example cell: where it is and what it says. */
export interface CellExample {
  line: number;
  text: string;
}

/** Keeps the first `CELL_TEXT_KEPT` characters of a cell: a problem quotes a cell, never holds it. */
export function example(line: number, text: string): CellExample {
  return { line, text: text.length > 41 ? text.slice(0, 41) : text };
}

/**
 * Decides one date column's day/month order from its values, in one pass: each numeric date
 * rules out the orders it is not valid in (`15/01` is not month-first, `1/15` not day-first).
 * A value whose meaning still depends on the order is not ready: the caller holds its row until
 * the order is known (or settled from config or the default at the end).
 */
export class DateColumn {
  /** Orders every value so far is valid in. */
  mask = 7;
  order: DateOrder | undefined;
  decidedBy: DecidedBy | undefined;
  /** The first value whose meaning depended on the order. */
  firstAmbiguous: CellExample | undefined;
  /** Two values no single order reads: the first evidence for the column's order, then the value against it. */
  conflict:
    | {
        first: CellExample;
        firstOrder: DateOrder;
        /** The first value was read in that order because it was settled, not by itself. */
        settled: boolean;
        second: CellExample;
      }
    | undefined;
  private readonly support: (CellExample | undefined)[] = [undefined, undefined, undefined];
  /** Values written as numbers only (`1/5/2025`, `13-09-15`): the ones an order applies to. */
  numeric = 0;
  /** The value observed last. */
  private last: ParsedDate | undefined;

  /** Takes one value into evidence; true when its day is known now. */
  observe(parsed: ParsedDate, line: number, text: string): boolean {
    if (parsed.kind !== 'numeric') return true;
    this.numeric++;
    // Rows repeat a date (parsed once, the same object): with the order known, the same value
    // again is evidence of nothing new.
    if (parsed === this.last && this.order !== undefined) return true;
    this.last = parsed;
    const within = parsed.mask & this.mask;
    if (within === 0) {
      this.conflict ??= this.describeConflict(line, text);
      return this.order !== undefined;
    }
    const only = DATE_ORDERS.findIndex((order) => ORDER_BIT[order] === parsed.mask);
    if (only >= 0) this.support[only] ??= example(line, text);
    this.mask = within;
    if (this.order === undefined) {
      const decided = DATE_ORDERS.find((order) => ORDER_BIT[order] === within);
      if (decided !== undefined) {
        this.order = decided;
        this.decidedBy = 'evidence';
        return true;
      }
      if (sameDay(parsed, within)) return true;
      this.firstAmbiguous ??= example(line, text);
      return false;
    }
    return true;
  }

  /** The day of a value observed earlier; NaN when it is not a date in the column's order. */
  day(parsed: ParsedDate): number {
    if (parsed.kind === 'day') return parsed.day;
    if (parsed.kind === 'invalid') return NaN;
    if (this.order !== undefined) return parsed.days[DATE_ORDERS.indexOf(this.order)] ?? NaN;
    const i = DATE_ORDERS.findIndex((order) => (ORDER_BIT[order] & this.mask) !== 0);
    return sameDay(parsed, this.mask) ? (parsed.days[i] ?? NaN) : NaN;
  }

  /**
   * Settles a column its values left open: the configured order when the values allow it, else
   * day-first (or the first order they allow). Returns the order when it was a guess that must
   * be reported.
   */
  settle(
    configured: { order: DateOrder; by: 'config' | 'locale' } | undefined,
  ): DateOrder | undefined {
    if (this.order !== undefined) return undefined;
    if (configured !== undefined && (this.mask & ORDER_BIT[configured.order]) !== 0) {
      this.order = configured.order;
      this.decidedBy = configured.by;
      this.candidatesLeft = this.candidates();
      this.mask = ORDER_BIT[configured.order];
      return undefined;
    }
    const order = DATE_ORDERS.find((o) => (ORDER_BIT[o] & this.mask) !== 0) ?? 'dmy';
    this.order = order;
    this.decidedBy = 'default';
    this.candidatesLeft = this.candidates();
    this.mask = ORDER_BIT[order];
    return this.firstAmbiguous === undefined ? undefined : order;
  }

  /** The value that decided the order (evidence), else the first one that needed it. */
  sample(): CellExample | undefined {
    const decided = this.order === undefined ? -1 : DATE_ORDERS.indexOf(this.order);
    return (
      (this.decidedBy === 'evidence' ? this.support[decided] : undefined) ?? this.firstAmbiguous
    );
  }

  /** The orders the values allowed when the column was settled. */
  candidatesLeft: DateOrder[] = [];

  /** The orders still open, for messages. */
  candidates(): DateOrder[] {
    return DATE_ORDERS.filter((order) => (ORDER_BIT[order] & this.mask) !== 0);
  }

  private describeConflict(line: number, text: string): DateColumn['conflict'] {
    const i = DATE_ORDERS.findIndex(
      (order, k) => (ORDER_BIT[order] & this.mask) !== 0 && this.support[k] !== undefined,
    );
    const first = this.support[i];
    const firstOrder = DATE_ORDERS[i];
    if (first !== undefined && firstOrder !== undefined)
      return { first, firstOrder, settled: false, second: example(line, text) };
    // Settled (after too many held rows) before any value showed its order.
    if (this.order === undefined || this.firstAmbiguous === undefined) return undefined;
    return {
      first: this.firstAmbiguous,
      firstOrder: this.order,
      settled: true,
      second: example(line, text),
    };
  }
}

function sameDay(parsed: Extract<ParsedDate, { kind: 'numeric' }>, mask: number): boolean {
  let day = NaN;
  for (let i = 0; i < 3; i++) {
    if ((mask & (1 << i)) === 0) continue;
    const d = parsed.days[i] ?? NaN;
    if (Number.isNaN(day)) day = d;
    else if (d !== day) return false;
  }
  return true;
}
