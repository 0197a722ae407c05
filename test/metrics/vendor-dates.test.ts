import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/config.js';
import { PENDING_ROWS_CAP } from '../../src/metrics/decode-rows.js';
import { readMetrics } from '../../src/metrics/read-metrics.js';
import { metricFindings } from './metric-findings.js';
import { findings, mean, only, ratio, read } from './vendor-read.js';

describe('vendor exports: dates read as their authors meant them', () => {
  it.each([
    {
      name: 'Google Forms: US month-first timestamps, 1/5 held until 1/15 settles the order',
      file: 'google-forms.csv',
      columns: ['Touchpoint', 'How satisfied are you?', 'Timestamp'],
      expected: { value: mean([4, 5, 3, 2]), rows: 4, latest: '2025-02-01' },
    },
    {
      name: 'Microsoft Forms: 9/1/2024 11:27 (no seconds) is 1 September',
      file: 'microsoft-forms.csv',
      columns: ['Touchpoint', 'Rating', 'Completion time'],
      expected: { value: mean([5, 4, 3]), rows: 3, latest: '2024-09-13' },
    },
    {
      name: 'Zoom meetings: 10/05/2026 06:03:00 PM is 5 October once 10/26 is seen',
      file: 'zoom-meetings.csv',
      columns: ['Touchpoint', 'Participants', 'Start Time'],
      expected: { value: mean([12, 9, 15]), rows: 3, latest: '2026-10-26' },
    },
    {
      name: 'Zoom attendees: "Mar 28, 2020 09:07:11" and "Mar 28, 2020 2:20 PM" in one column',
      file: 'zoom-attendees.csv',
      columns: ['Touchpoint', 'Duration (Minutes)', 'Join Time'],
      expected: { value: mean([42, 18, 30]), rows: 3, latest: '2020-04-02' },
    },
    {
      name: 'Klaviyo: a period range dates the row by its last day',
      file: 'klaviyo-flow.csv',
      columns: ['Flow', 'Open Rate', 'Date'],
      expected: { value: mean([0.512, 0.488]), rows: 2, latest: '2025-06-30' },
    },
  ] as const)('$name', async ({ file, columns: [touchpoint, value, date], expected }) => {
    const result = await read(file, { touchpoint, metric: 'm', value, date });
    expect(only(result)).toEqual(expected);
    expect(findings(result)).toEqual([]);
  });

  it('Mailchimp: month names with AM/pm times, as a ratio of two columns', async () => {
    const result = await read('mailchimp-campaigns.csv', {
      touchpoint: 'Touchpoint',
      metric: 'open_rate',
      ratio: { numerator: 'Unique Opens', denominator: 'Total Recipients' },
      date: 'Send Date',
    });
    expect(only(result)).toEqual({
      value: ratio([420, 300, 260], [1000, 800, 500]),
      rows: 3,
      latest: '2026-09-15',
    });
  });

  it('Indonesian sheet: 2 Des 2026, 15 Agustus 2026, 3 Agt 2026, 1 Mei 2026', async () => {
    const result = await read('wa-broadcast-id.csv', {
      touchpoint: 'Touchpoint',
      metric: 'read_rate',
      ratio: { numerator: 'Dibaca', denominator: 'Terkirim' },
      date: 'Hari',
    });
    expect(only(result)).toEqual({
      value: ratio([800, 650, 600, 420], [1200, 1000, 900, 700]),
      rows: 4,
      latest: '2026-12-02',
    });
  });

  it('Google Analytics 13-09-15: two-digit years, settled by dateOrder: dmy', async () => {
    const source = { touchpoint: 'Touchpoint', metric: 'sessions', value: 'Sessions', date: 'Day' };
    const settled = await read('ga-two-digit.csv', { ...source, dateOrder: 'dmy' });
    expect(only(settled)).toEqual({ value: mean([120, 80, 100]), rows: 3, latest: '2015-09-15' });
    expect(findings(settled)).toEqual([]);
    // Without it, 13-09-15 could be 2013-09-15 too: read day-first, and said so at line 2.
    const guessed = await read('ga-two-digit.csv', source);
    expect(only(guessed).latest).toBe('2015-09-15');
    expect(findings(guessed)).toEqual([
      [
        'metrics/ambiguous-date',
        2,
        'no date in column Day settles its order (first: "13-09-15", which could also be year-first (ymd)); read as day-first (dmy): set dateOrder: in the sources: entry for this file, or locale: in the config',
      ],
    ]);
  });

  it('a wholly ambiguous column follows locale:, else is read day-first and reported', async () => {
    const us = await read('ambiguous-order.csv', undefined, { locale: 'en-US' });
    expect(only(us)).toEqual({ value: mean([40, 42, 44]), rows: 3, latest: '2025-03-04' });
    expect(findings(us)).toEqual([]);
    const perSource = await read('ambiguous-order.csv', { locale: 'en-US' }, { locale: 'id-ID' });
    expect(only(perSource).latest).toBe('2025-03-04');
    const guessed = await read('ambiguous-order.csv');
    expect(only(guessed)).toEqual({ value: mean([40, 42, 44]), rows: 3, latest: '2025-04-03' });
    expect(findings(guessed).map(([rule, line]) => [rule, line])).toEqual([
      ['metrics/ambiguous-date', 2],
    ]);
  });

  it('a column with both orders is an error naming two lines; the odd row is a bad row', async () => {
    const result = await read('mixed-order.csv');
    // 15/01 settles day-first; 1/20/2025 (line 4) exists only month-first.
    expect(only(result)).toEqual({ value: mean([40, 42, 46]), rows: 3, latest: '2025-02-20' });
    expect(findings(result)).toEqual([
      [
        'metrics/bad-row',
        4,
        'date "1/20/2025" is not a valid date in the column\'s day-first (dmy) order (see metrics/mixed-date-order)',
      ],
      [
        'metrics/mixed-date-order',
        4,
        'column date mixes date orders: line 2 ("15/01/2025") is only valid day-first (dmy), line 4 ("1/20/2025") is not',
      ],
    ]);
    expect(metricFindings(result).map((f) => f.severity)).toEqual(['warning', 'error']);
  });

  it('holds at most PENDING_ROWS_CAP rows: then settles day-first, and a later US date conflicts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tp-dates-'));
    const file = join(dir, 'long-ambiguous.csv');
    const rows = Array.from({ length: PENDING_ROWS_CAP + 5 }, () => 'tp,m,1,01/02/2025');
    writeFileSync(file, `touchpoint_id,metric,value,date\n${rows.join('\n')}\ntp,m,1,2/13/2025\n`);
    const result = await readMetrics([file], { config: defaultConfig() });
    const last = PENDING_ROWS_CAP + 7;
    expect(only(result)).toEqual({ value: 1, rows: PENDING_ROWS_CAP + 5, latest: '2025-02-01' });
    expect(findings(result).map(([rule, line]) => [rule, line])).toEqual([
      ['metrics/ambiguous-date', 2],
      ['metrics/bad-row', last],
      ['metrics/mixed-date-order', last],
    ]);
    expect(findings(result)[2]?.[2]).toBe(
      `column date mixes date orders: line 2 ("01/02/2025") and the rows after it were read day-first (dmy), line ${last} ("2/13/2025") is not`,
    );
  });

  it('0000-01-01 is a bad row, never 1900', async () => {
    const result = await read('year-zero.csv');
    expect(only(result)).toEqual({ value: 42, rows: 1, latest: '2025-03-01' });
    expect(findings(result)).toEqual([
      ['metrics/bad-row', 2, 'date "0000-01-01" has the year 0000, outside 1900–2999'],
    ]);
  });
});
