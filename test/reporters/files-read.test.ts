import { describe, expect, it } from 'vitest';
import { createLocale } from '../../src/i18n/locale.js';
import type { EncodingReason, FileDescription } from '../../src/report.js';
import { renderFilesRead } from '../../src/reporters/files-read.js';

const ID = createLocale('id');

/** Every part a description can have: sep= line, header: with a preamble, a section, each decision. */
const FULL: FileDescription = {
  file: '/work/exports/zoom.csv',
  encoding: { name: 'windows-1252', by: 'evidence', reason: 'not valid UTF-8' },
  delimiter: { char: ';', by: 'separator-line' },
  format: 'mapped',
  header: { line: 9, by: 'config', columns: 4 },
  section: { title: 'Attendee Details', line: 8 },
  sections: ['Host Details', 'Attendee Details'],
  columns: [
    {
      name: 'Join Time',
      column: 1,
      kind: 'date',
      order: 'dmy',
      by: 'default',
      sample: { line: 10, text: '01/03/2026' },
    },
    { name: 'Sent', column: 2, kind: 'number', decimal: ',', by: 'locale' },
    { name: 'Opened', column: 3, kind: 'number', decimal: '.', by: 'delimiter' },
    { name: 'Day', column: 4, kind: 'date' },
  ],
  skipped: { preamble: 7, headerRows: 1, totals: 1 },
  ended: { line: 40, by: 'section' },
  rows: { read: 1234, inPeriod: 1000, beforePeriod: 30, afterAsOf: 2, empty: 1, bad: 1 },
  dates: { first: '2026-03-01', last: '2026-12-02' },
};

/** The smallest: a tab-separated UTF-16 file found by its BOM, one preamble line. */
const SMALL: FileDescription = {
  file: '/work/exports/excel.txt',
  encoding: { name: 'utf-16le', by: 'evidence', reason: 'BOM' },
  delimiter: { char: '\t', by: 'evidence' },
  format: 'long',
  header: { line: 2, by: 'evidence', columns: 3 },
  columns: [{ name: 'value', column: 3, kind: 'number' }],
  skipped: { preamble: 1, headerRows: 0, totals: 0 },
  rows: { read: 1, afterAsOf: 0, empty: 0, bad: 0 },
};

/** A file whose header was not where `header:` said. */
const HEADERLESS: FileDescription = {
  file: '/work/exports/empty.csv',
  encoding: { name: 'utf-8', by: 'default', reason: 'ASCII only so far' },
  columns: [],
  skipped: { preamble: 0, headerRows: 0, totals: 0 },
  rows: { read: 0, afterAsOf: 0, empty: 0, bad: 0 },
};

const FILES = [FULL, SMALL, HEADERLESS];

describe('-v and touchpoint sources: how each file was read, in words', () => {
  it('English', () => {
    expect(renderFilesRead(FILES, '/work')).toBe(
      [
        'read exports/zoom.csv',
        '  encoding windows-1252 (not valid UTF-8); delimiter ";" (sep= line); header line 9 (header:), after 7 preamble lines, mapped format',
        '  section "Attendee Details" (title at line 8)',
        '  sections found: "Host Details", "Attendee Details"',
        '  Join Time (column 1): dates day first (by default, ambiguous: "01/03/2026" at line 10)',
        '  Sent (column 2): numbers, decimal "," (by locale:)',
        '  Opened (column 3): numbers, decimal "." (by the delimiter)',
        '  Day (column 4): dates, no day/month order needed',
        '  1234 rows read; values: 1000 in the period, 30 before it, 2 after the as-of date, 1 empty or N/A; 1 bad row; 1 extra header row skipped; 1 totals row left out; nothing read after line 40 (the next section); dates 2026-03-01..2026-12-02',
        'read exports/excel.txt',
        '  encoding utf-16le (BOM); delimiter tab; header line 2, after 1 preamble line, long format',
        '  value (column 3): numbers, no decimal mark seen',
        '  1 row read',
        'read exports/empty.csv',
        '  encoding utf-8 (ASCII only so far); no header found',
        '  0 rows read',
        '',
      ].join('\n'),
    );
  });

  it('Bahasa Indonesia: the words, the numbers and the dates', () => {
    expect(renderFilesRead(FILES, '/work', ID)).toBe(
      [
        'membaca exports/zoom.csv',
        '  encoding windows-1252 (bukan UTF-8 yang valid); pemisah ";" (baris sep=); header di baris 9 (header:), setelah 7 baris pembuka, format mapped',
        '  bagian "Attendee Details" (judul di baris 8)',
        '  bagian yang ditemukan: "Host Details", "Attendee Details"',
        '  Join Time (kolom 1): tanggal, hari lebih dulu (bawaan, karena ambigu: "01/03/2026" di baris 10)',
        '  Sent (kolom 2): angka, tanda desimal "," (menurut locale: di konfigurasi)',
        '  Opened (kolom 3): angka, tanda desimal "." (menurut pemisahnya)',
        '  Day (kolom 4): tanggal, urutan hari/bulan tidak perlu ditentukan',
        '  1.234 baris dibaca; nilai: 1.000 dalam periode, 30 sebelum periode, 2 setelah tanggal as-of, 1 kosong atau N/A; 1 baris rusak; 1 baris header tambahan dilewati; 1 baris total tidak dihitung; tidak ada yang dibaca setelah baris 40 (bagian berikutnya); tanggal 1 Maret 2026 s.d. 2 Desember 2026',
        'membaca exports/excel.txt',
        '  encoding utf-16le (BOM); pemisah tab; header di baris 2, setelah 1 baris pembuka, format long',
        '  value (kolom 3): angka, tidak ada tanda desimal',
        '  1 baris dibaca',
        'membaca exports/empty.csv',
        '  encoding utf-8 (sejauh ini hanya ASCII); header tidak ditemukan',
        '  0 baris dibaca',
        '',
      ].join('\n'),
    );
  });

  it('words every reason the encoding detection gives (EncodingReason)', () => {
    const reasons: EncodingReason[] = [
      'BOM',
      'encoding:',
      'NUL in every other byte',
      'ASCII only so far',
      'valid UTF-8',
      'mostly valid UTF-8',
      'not valid UTF-8',
      'not read',
    ];
    const first = (reason: EncodingReason) =>
      renderFilesRead(
        [{ ...HEADERLESS, encoding: { ...HEADERLESS.encoding, reason } }],
        '/work',
        ID,
      )
        .split('\n')[1]
        ?.replace(/; header tidak ditemukan$/, '');
    expect(reasons.map(first)).toEqual([
      '  encoding utf-8 (BOM)',
      '  encoding utf-8 (encoding:)',
      '  encoding utf-8 (NUL di setiap byte kedua)',
      '  encoding utf-8 (sejauh ini hanya ASCII)',
      '  encoding utf-8 (UTF-8 yang valid)',
      '  encoding utf-8 (sebagian besar UTF-8 yang valid)',
      '  encoding utf-8 (bukan UTF-8 yang valid)',
      '  encoding utf-8 (tidak dibaca)',
    ]);
  });
});
