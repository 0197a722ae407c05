import { parse } from 'csv-parse/sync';

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const NUMBER = /^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?$/i;

/**
 * The lines of CSV cells a spreadsheet would run as formulas: every cell of `csv` parsed back
 * (csv-parse, as Excel or LibreOffice read quoting), split into its lines (a reader that ignores
 * quoting, or a paste, sees each as a cell start), kept when it starts like a formula and is not
 * a plain number (a negative number is data, not a formula).
 */
export function executableCellLines(csv: string): string[] {
  const rows: string[][] = parse(csv, { relax_column_count: true });
  const cells = rows.flat();
  return cells
    .flatMap((cell) => cell.split(/\r\n|\r|\n/))
    .filter((line) => FORMULA_START.test(line) && !NUMBER.test(line));
}
