import { example, type CellExample, type DecidedBy } from './date-column.js';

/** The decimal mark of a number column: `.` (`1,234.5`) or `,` (`1.234,5`). */
export type DecimalMark = '.' | ',';

/** What one cell says about its column's decimal mark. */
export type NumberEvidence =
  /** Not a number at all. */
  | 'none'
  /** An integer or a value that reads the same under either mark. */
  | 'neutral'
  /** Only valid with this decimal mark (`12.5`, `1,234.5`, `1.234.567`…). */
  | DecimalMark
  /** Means different values under each mark: `2.546` (2.546 or 2546), `"1,234"`. */
  | 'either';

const DIGIT_GROUP = /^[1-9]\d{0,2}$/;

function isDigits(text: string): boolean {
  if (text === '') return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** True when `parts` are an integer's groups: `1`–`999`, then groups of exactly three digits. */
function grouped(parts: readonly string[]): boolean {
  if (!DIGIT_GROUP.test(parts[0] ?? '')) return false;
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i] ?? '';
    if (part.length !== 3 || !isDigits(part)) return false;
  }
  return true;
}

/**
 * What a cell's digits and marks say about the decimal mark (`text` trimmed, without `%` or a
 * currency). Spaces, no-break spaces and apostrophes between groups say nothing about it.
 */
export function numberEvidence(text: string): NumberEvidence {
  let s = text;
  const first = s.charCodeAt(0);
  if (first === 45 || first === 43 || first === 0x2212) s = s.slice(1).trimStart();
  s = s.replace(/(?<=\d)[\s\u00a0\u202f'](?=\d{3}(?:\D|$))/g, '');
  if (/^\d*\.?\d+[eE][-+]?\d+$/.test(s)) return '.';
  const dot = s.indexOf('.');
  const comma = s.indexOf(',');
  if (dot < 0 && comma < 0) return isDigits(s) ? 'neutral' : 'none';
  if (dot >= 0 && comma >= 0) {
    const mark: DecimalMark = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    const other = mark === '.' ? ',' : '.';
    const at = s.lastIndexOf(mark);
    if (s.indexOf(mark) !== at) return 'none';
    const fraction = s.slice(at + 1);
    const integer = s.slice(0, at).split(other);
    return isDigits(fraction) && grouped(integer) ? mark : 'none';
  }
  const mark: DecimalMark = dot >= 0 ? '.' : ',';
  const parts = s.split(mark);
  if (parts.length > 2) return grouped(parts) ? (mark === '.' ? ',' : '.') : 'none';
  const [integer = '', fraction = ''] = parts;
  if (!isDigits(fraction) || (integer !== '' && !isDigits(integer))) return 'none';
  // `2.546` is 2.546 with a decimal dot and 2546 with a grouping dot; `0.546`, `12.5`, `1234.5`
  // can only be decimals.
  return fraction.length === 3 && DIGIT_GROUP.test(integer) ? 'either' : mark;
}

/** The value of a number cell whose marks are read with `mark` as the decimal mark. */
export function numberWithMark(text: string, mark: DecimalMark): number {
  let s = text.replace('\u2212', '-');
  let sign = '';
  if (s.startsWith('-') || s.startsWith('+')) {
    sign = s.charAt(0);
    s = s.slice(1).trimStart();
  }
  s = s.replace(/[\s\u00a0\u202f']/g, '');
  if (/^\d*\.?\d+[eE][-+]?\d+$/.test(s)) return Number(sign + s);
  const at = s.lastIndexOf(mark);
  const integer = (at >= 0 ? s.slice(0, at) : s).replace(mark === '.' ? /,/g : /\./g, '');
  const fraction = at >= 0 ? s.slice(at + 1) : '';
  if ((integer !== '' && !isDigits(integer)) || (fraction !== '' && !isDigits(fraction)))
    return NaN;
  if (integer === '' && fraction === '') return NaN;
  return Number(`${sign}${integer || '0'}.${fraction || '0'}`);
}

/**
 * One number column's decimal mark, decided from its own values in one pass: a value valid with
 * one mark only (`1,15`, `12.5`, `1.234.567`) decides it; a value that reads two ways (`2.546`)
 * waits (its row is held) until the column, the rest of the file or the config settles it.
 */
export class NumberColumn {
  mark: DecimalMark | undefined;
  decidedBy: DecidedBy | 'file' | undefined;
  /** The first value whose meaning depended on the mark. */
  firstAmbiguous: CellExample | undefined;
  /** The first value that decided the mark (or was read by it), and a later one against it. */
  conflict: { first: CellExample; mark: DecimalMark; second: CellExample } | undefined;
  /** The value that decided the mark, or the first that needed it when something else did. */
  decidedAt: CellExample | undefined;
  /** Values read so far that had a decimal part, for `-v`. */
  evidence: Record<DecimalMark, number> = { '.': 0, ',': 0 };

  constructor(
    readonly index: number,
    readonly name: string,
  ) {}

  /** Takes one cell's evidence; false when its value waits for the column's mark. */
  observe(evidence: NumberEvidence, line: number, text: string): boolean {
    if (evidence === 'none' || evidence === 'neutral') return true;
    if (evidence === 'either') {
      if (this.mark !== undefined) return true;
      this.firstAmbiguous ??= example(line, text);
      return false;
    }
    this.evidence[evidence]++;
    if (this.mark === undefined) {
      this.mark = evidence;
      this.decidedBy = 'evidence';
      this.decidedAt = example(line, text);
    } else if (evidence !== this.mark && this.conflict === undefined) {
      this.conflict = {
        first: this.decidedAt ?? this.firstAmbiguous ?? example(line, text),
        mark: this.mark,
        second: example(line, text),
      };
    }
    return true;
  }

  /** Settles an open column; the `decidedBy` given says where the mark came from. */
  settle(mark: DecimalMark, by: DecidedBy | 'file'): void {
    if (this.mark !== undefined) return;
    this.mark = mark;
    this.decidedBy = by;
    this.decidedAt = this.firstAmbiguous;
  }
}
