import { describe, expect, it } from 'vitest';
import { renderFilesRead } from '../../src/reporters/files-read.js';
import { read } from './vendor-read.js';

const plainUtf8 = { name: 'utf-8', by: 'default', reason: 'ASCII only so far' };
const comma = { char: ',', by: 'evidence' };
const none = { preamble: 0, headerRows: 0, totals: 0 };
const GA_SESSIONS = {
  touchpoint: 'Standaard kanaalgroepering',
  metric: 'sessions',
  value: 'Sessies',
};
const FORMS_CSAT = {
  touchpoint: 'Touchpoint',
  metric: 'csat',
  value: 'How satisfied are you?',
  date: 'Timestamp',
};

describe('what was read, per file (computed in the one pass over it)', () => {
  it('Dutch Google Analytics: comment preamble, the mark from other columns, the totals row ending the table', async () => {
    const result = await read('ga-nl-channels.csv', GA_SESSIONS);
    expect(result.descriptions).toEqual([
      {
        file: 'test/fixtures/metrics/vendor/ga-nl-channels.csv',
        encoding: plainUtf8,
        delimiter: comma,
        format: 'mapped',
        // Five `#` lines (the blank line after them is no record).
        header: { line: 7, by: 'evidence', columns: 7 },
        columns: [
          {
            name: 'Sessies',
            column: 2,
            kind: 'number',
            decimal: ',',
            by: 'file',
            sample: { line: 8, text: '2.546' },
          },
        ],
        skipped: { preamble: 5, headerRows: 0, totals: 1 },
        ended: { line: 12, by: 'totals' },
        rows: { read: 4, inPeriod: 4, beforePeriod: 0, afterAsOf: 0, empty: 0, bad: 0 },
      },
    ]);
  });

  it('Google Forms: month first, decided by the value that only reads that way', async () => {
    const result = await read('google-forms.csv', FORMS_CSAT);
    expect(result.descriptions[0]?.columns).toEqual([
      {
        name: 'Timestamp',
        column: 1,
        kind: 'date',
        order: 'mdy',
        by: 'evidence',
        sample: { line: 4, text: '1/15/2025 21:53:05' },
      },
      { name: 'How satisfied are you?', column: 3, kind: 'number' },
    ]);
    expect(result.descriptions[0]?.dates).toEqual({ first: '2025-01-05', last: '2025-02-01' });
  });

  it('a wholly ambiguous date column: day first by default, the first ambiguous value named', async () => {
    const result = await read('ambiguous-order.csv');
    expect(result.descriptions[0]?.columns).toEqual([
      { name: 'value', column: 3, kind: 'number' },
      {
        name: 'date',
        column: 4,
        kind: 'date',
        order: 'dmy',
        by: 'default',
        sample: { line: 2, text: '01/03/2025' },
      },
    ]);
    const configured = await read('ambiguous-order.csv', { dateOrder: 'mdy' });
    expect(configured.descriptions[0]?.columns[1]).toMatchObject({ order: 'mdy', by: 'config' });
  });

  it('Indonesian ; sheet, Windows-1252 bytes, UTF-16 with a BOM', async () => {
    const wa = await read('wa-id-broadcast.csv', {
      touchpoint: 'Touchpoint',
      metric: 'read_rate',
      ratio: { numerator: 'Dibaca', denominator: 'Terkirim' },
      date: 'Tanggal',
    });
    expect(wa.descriptions[0]?.delimiter).toEqual({ char: ';', by: 'evidence' });
    // "54,2%" in the rate column decides the others' 16.647.
    expect(wa.descriptions[0]?.columns.map((c) => [c.name, c.decimal, c.by])).toEqual([
      ['Tanggal', undefined, undefined],
      ['Terkirim', ',', 'file'],
      ['Dibaca', ',', 'file'],
    ]);
    const ms = await read('microsoft-forms-1252.csv', {
      touchpoint: 'Touchpoint',
      metric: 'rating',
      value: 'Rating',
    });
    expect(ms.descriptions[0]?.encoding).toEqual({
      name: 'windows-1252',
      by: 'evidence',
      reason: 'not valid UTF-8',
    });
    const excel = await read('excel-unicode-text.csv');
    expect([excel.descriptions[0]?.encoding, excel.descriptions[0]?.delimiter]).toEqual([
      { name: 'utf-16le', by: 'evidence', reason: 'BOM' },
      { char: '\t', by: 'evidence' },
    ]);
  });

  it('Qualtrics: header rows after the header are counted, not read as data', async () => {
    const result = await read('qualtrics.csv', {
      touchpoint: 'touchpoint_id',
      metric: 'csat',
      value: 'Q1',
      date: 'RecordedDate',
      skipRows: 1,
    });
    expect(result.descriptions[0]?.skipped).toEqual({ preamble: 0, headerRows: 2, totals: 0 });
    expect(result.descriptions[0]?.rows).toEqual({
      read: 2,
      inPeriod: 2,
      beforePeriod: 0,
      afterAsOf: 0,
      empty: 0,
      bad: 0,
    });
  });

  it('header: N is told as set by the config; a file with no header says so', async () => {
    const named = await read('ga4-comments.csv', { header: 7 });
    expect(named.descriptions[0]).toMatchObject({
      header: { line: 7, by: 'config', columns: 2 },
      skipped: { ...none, preamble: 6 },
    });
    const wrong = await read('ga4-comments.csv', { header: 8 });
    expect(wrong.descriptions[0]).toMatchObject({ columns: [], rows: { read: 0 } });
    expect(wrong.descriptions[0]?.header).toBeUndefined();
    expect(wrong.descriptions[0]?.format).toBeUndefined();
  });
});

describe('-v: the description in words', () => {
  it('names each convention and how it was decided, and the rows used and left out', async () => {
    const ga = await read('ga-nl-channels.csv', GA_SESSIONS);
    const forms = await read('google-forms.csv', FORMS_CSAT);
    const files = [...ga.descriptions, ...forms.descriptions];
    expect(renderFilesRead(files, '/work')).toBe(
      [
        'read test/fixtures/metrics/vendor/ga-nl-channels.csv',
        '  encoding utf-8 (ASCII only so far); delimiter ","; header line 7, after 5 preamble lines, mapped format',
        '  Sessies (column 2): numbers, decimal "," (by other columns of the file: "2.546" at line 8)',
        '  4 rows read; values: 4 in the period; 1 totals row left out; nothing read after line 12 (the totals row ends the table)',
        'read test/fixtures/metrics/vendor/google-forms.csv',
        '  encoding utf-8 (ASCII only so far); delimiter ","; header line 1, mapped format',
        '  Timestamp (column 1): dates month first (by its values: "1/15/2025 21:53:05" at line 4)',
        '  How satisfied are you? (column 3): numbers, no decimal mark seen',
        '  4 rows read; values: 4 in the period; dates 2025-01-05..2025-02-01',
        '',
      ].join('\n'),
    );
  });
});
