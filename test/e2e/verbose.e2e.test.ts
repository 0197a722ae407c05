import { describe, expect, it } from 'vitest';
import type { AuditReport } from '../../src/report.js';
import { runCli } from './run-cli.js';

/** The audit of the retail example with -v, its report as JSON on stdout. */
const VERBOSE = ['audit', 'examples/b2c-retail', '-v', '--as-of', '2026-11-15', '-f', 'json'];

describe('audit -v: what was read from each metric export (binary)', () => {
  it('prints the description to stderr; stdout keeps only the report, whose metrics.files[] holds the same', () => {
    const result = runCli(VERBOSE);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      [
        'read examples/b2c-retail/metrics/customer-service.csv',
        '  encoding utf-8 (ASCII only so far); delimiter tab; header line 1, wide format',
        '  date (column 2): dates, no day/month order needed',
        '  first_response_minutes (column 3): numbers, decimal "." (by its values: "1.2" at line 2)',
        '  answer_time_seconds (column 4): numbers, no decimal mark seen',
        '  csat (column 5): numbers, decimal "." (by its values: "4.25" at line 4)',
        '  51 rows read; values: 39 in the period, 12 before it, 102 empty or N/A; dates 2026-07-25..2026-11-14',
        'read examples/b2c-retail/metrics/email-campaigns.csv',
        '  encoding utf-8 (ASCII only so far); delimiter ","; header line 1, mapped format',
        '  Send Date (column 2): dates, no day/month order needed',
        '  Recipients (column 3): numbers, decimal "." (by the sources: entry: "48,965" at line 2)',
        '  Unique Clicks (column 6): numbers, no decimal mark seen',
        '  8 rows read; values: 6 in the period, 2 before it; dates 2026-08-06..2026-11-14',
        'read examples/b2c-retail/metrics/shop-analytics.csv',
        '  encoding utf-8 (ASCII only so far); delimiter ","; header line 1, long format',
        '  value (column 3): numbers, decimal "." (by its values: "4.71" at line 2)',
        '  date (column 4): dates, no day/month order needed',
        '  179 rows read; values: 127 in the period, 51 before it, 1 empty or N/A; dates 2026-07-20..2026-11-09',
        "touchpoint: failed: 3 findings at or above 'error'",
        '',
      ].join('\n'),
    );
    const report = JSON.parse(result.stdout) as AuditReport;
    expect(report.metrics?.files.map((f) => [f.file, f.format, f.rows])).toEqual([
      [
        'examples/b2c-retail/metrics/customer-service.csv',
        'wide',
        { read: 51, inPeriod: 39, beforePeriod: 12, afterAsOf: 0, empty: 102, bad: 0 },
      ],
      [
        'examples/b2c-retail/metrics/email-campaigns.csv',
        'mapped',
        { read: 8, inPeriod: 6, beforePeriod: 2, afterAsOf: 0, empty: 0, bad: 0 },
      ],
      [
        'examples/b2c-retail/metrics/shop-analytics.csv',
        'long',
        { read: 179, inPeriod: 127, beforePeriod: 51, afterAsOf: 0, empty: 1, bad: 0 },
      ],
    ]);
  });

  it('--lang id words the description in Bahasa Indonesia, with Indonesian dates', () => {
    const result = runCli([...VERBOSE, '--lang', 'id']);
    expect(result.stderr).toBe(
      [
        'membaca examples/b2c-retail/metrics/customer-service.csv',
        '  encoding utf-8 (sejauh ini hanya ASCII); pemisah tab; header di baris 1, format wide',
        '  date (kolom 2): tanggal, urutan hari/bulan tidak perlu ditentukan',
        '  first_response_minutes (kolom 3): angka, tanda desimal "." (menurut nilai-nilainya: "1.2" di baris 2)',
        '  answer_time_seconds (kolom 4): angka, tidak ada tanda desimal',
        '  csat (kolom 5): angka, tanda desimal "." (menurut nilai-nilainya: "4.25" di baris 4)',
        '  51 baris dibaca; nilai: 39 dalam periode, 12 sebelum periode, 102 kosong atau N/A; tanggal 25 Juli 2026 s.d. 14 November 2026',
        'membaca examples/b2c-retail/metrics/email-campaigns.csv',
        '  encoding utf-8 (sejauh ini hanya ASCII); pemisah ","; header di baris 1, format mapped',
        '  Send Date (kolom 2): tanggal, urutan hari/bulan tidak perlu ditentukan',
        '  Recipients (kolom 3): angka, tanda desimal "." (menurut entri sources: di konfigurasi: "48,965" di baris 2)',
        '  Unique Clicks (kolom 6): angka, tidak ada tanda desimal',
        '  8 baris dibaca; nilai: 6 dalam periode, 2 sebelum periode; tanggal 6 Agustus 2026 s.d. 14 November 2026',
        'membaca examples/b2c-retail/metrics/shop-analytics.csv',
        '  encoding utf-8 (sejauh ini hanya ASCII); pemisah ","; header di baris 1, format long',
        '  value (kolom 3): angka, tanda desimal "." (menurut nilai-nilainya: "4.71" di baris 2)',
        '  date (kolom 4): tanggal, urutan hari/bulan tidak perlu ditentukan',
        '  179 baris dibaca; nilai: 127 dalam periode, 51 sebelum periode, 1 kosong atau N/A; tanggal 20 Juli 2026 s.d. 9 November 2026',
        "touchpoint: gagal: 3 temuan pada tingkat 'error' atau lebih tinggi",
        '',
      ].join('\n'),
    );
  });

  it('without -v nothing is added to stderr; touchpoint -v is still the version', () => {
    const quiet = runCli(['audit', 'examples/b2c-retail', '--as-of', '2026-11-15', '-f', 'json']);
    expect(quiet.stderr).toBe("touchpoint: failed: 3 findings at or above 'error'\n");
    const version = runCli(['-v']);
    expect(version.status).toBe(0);
    expect(version.stdout).toMatch(/^touchpoint-audit \d+\.\d+\.\d+ \(Node v\d+/);
  });
});
