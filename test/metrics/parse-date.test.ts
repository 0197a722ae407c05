import { describe, expect, it } from 'vitest';
import {
  dayIn,
  formatDay,
  parseDay,
  readDate,
  type DateOrder,
} from '../../src/metrics/parse-date.js';

/** The ISO date a cell means in `order`, or undefined when it is no date in that order. */
function iso(text: string, order: DateOrder): string | undefined {
  const day = dayIn(readDate(text), order);
  return Number.isNaN(day) ? undefined : formatDay(day);
}

describe('readDate', () => {
  it.each([
    ['2026-03-01', '2026-03-01'],
    ['2026-03-01T10:15:00Z', '2026-03-01'],
    ['2026-03-01T10:15:00+07:00', '2026-03-01'],
    ['2026-03-01 10:15', '2026-03-01'],
    ['2026-03-01T10:15:00.123Z', '2026-03-01'],
    ['2026.10.01', '2026-10-01'],
    ['2026/10/01', '2026-10-01'],
    ['Sep 01, 2026 09:00 AM', '2026-09-01'],
    ['Jun 09, 2018 09:30 pm', '2018-06-09'],
    ['Mar 28, 2020 09:07:11', '2020-03-28'],
    ['Mar 28, 2020 2:20 PM', '2020-03-28'],
    ['May 01 2025 - May 31 2025', '2025-05-31'],
    ['2 Des 2026', '2026-12-02'],
    ['15 Agustus 2026', '2026-08-15'],
    ['15 agt 2026', '2026-08-15'],
    ['1 MEI 2026', '2026-05-01'],
    ['31 Okt, 2026', '2026-10-31'],
    ['1-Jan-25', '2025-01-01'],
    ['September 3, 2026', '2026-09-03'],
    ['5/5/2025', '2025-05-05'],
    ['45658', '2025-01-01'],
  ])('%j is %s whatever the order', (text, expected) => {
    const parsed = readDate(text);
    expect(parsed.kind).toBe('day');
    for (const order of ['dmy', 'mdy', 'ymd'] as const) expect(iso(text, order)).toBe(expected);
  });

  it.each([
    // text, day-first, month-first, year-first
    ['01/03/2026', '2026-03-01', '2026-01-03', undefined],
    ['1/15/2025 21:53:05', undefined, '2025-01-15', undefined],
    ['15/01/2025', '2025-01-15', undefined, undefined],
    ['9/1/2024 11:27', '2024-01-09', '2024-09-01', undefined],
    ['10/05/2026 06:03:00 PM', '2026-05-10', '2026-10-05', undefined],
    ['01.03.2026', '2026-03-01', '2026-01-03', undefined],
    ['13-09-15', '2015-09-13', undefined, '2013-09-15'],
    ['01-02-03', '2003-02-01', '2003-01-02', '2001-02-03'],
    ['31/12/99', '1999-12-31', undefined, undefined],
  ] as const)('%j depends on the order', (text, dmy, mdy, ymd) => {
    expect(readDate(text).kind).toBe('numeric');
    expect([iso(text, 'dmy'), iso(text, 'mdy'), iso(text, 'ymd')]).toEqual([dmy, mdy, ymd]);
  });

  it.each([
    '',
    '2026-13-01',
    '2026-02-30',
    '31/02/2026',
    '29/02/2026',
    '13/13/2026',
    'yesterday',
    'Foo 3, 2026',
    '2026-03-01 25',
    '123',
    '1/2/345',
  ])('%j is not a date', (text) => {
    expect(readDate(text)).toEqual({ kind: 'invalid' });
  });

  it.each([
    ['0000-01-01', 0],
    ['1899-12-31', 1899],
    ['3000-01-01', 3000],
    ['01/01/0000', 0],
  ])('%j has a year out of range', (text, year) => {
    expect(readDate(text)).toEqual({ kind: 'invalid', year });
  });
});

describe('parseDay', () => {
  it('reads ISO dates only, as days since 1970-01-01 UTC', () => {
    expect(parseDay('1970-01-02')).toBe(1);
    expect(parseDay('2026-03-31') - parseDay('2026-01-01')).toBe(89);
    expect(formatDay(parseDay('1969-12-31'))).toBe('1969-12-31');
    expect(parseDay('01/03/2026')).toBeNaN();
    expect(parseDay('0000-01-01')).toBeNaN();
  });
});
