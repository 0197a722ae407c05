import { describe, expect, it } from 'vitest';
import { metricKey, type MetricsResult } from '../../src/metrics/types.js';
import { inventory, touchpoint } from './rule-harness.js';
import { findings, mean, only, ratio, read } from './vendor-read.js';

function valueOf(result: MetricsResult, id: string, metric: string) {
  const value = result.values.get(metricKey(id, metric));
  return { value: value?.value, rows: value?.rows };
}

describe('vendor exports: numbers read with the marks their authors used', () => {
  it('Dutch Google Analytics: comma file, 2.546 is 2546 because other columns write "1,15" and "99,88%"; # preamble and totals row skipped, the second table not read', async () => {
    const result = await read('ga-nl-channels.csv', {
      touchpoint: 'Standaard kanaalgroepering',
      metric: 'sessions',
      value: 'Sessies',
    });
    expect(valueOf(result, 'Organic Search', 'sessions')).toEqual({ value: 2546, rows: 1 });
    expect(valueOf(result, 'Direct', 'sessions')).toEqual({ value: 1995, rows: 1 });
    expect(valueOf(result, 'Referral', 'sessions')).toEqual({ value: 874, rows: 1 });
    expect(valueOf(result, 'Email', 'sessions')).toEqual({ value: 1959, rows: 1 });
    // The totals row (,7.374,…) is the sum of the four, left out; nothing after it is read.
    expect(2546 + 1995 + 874 + 1959).toBe(7374);
    expect(result.values.size).toBe(4);
    expect(result.reads[0]).toMatchObject({ rows: 4, used: 4, bad: 0, totals: 1 });
    expect(findings(result)).toEqual([]);
  });

  it('Dutch Google Analytics: the bounce rate column reads "55,30%" as 0.553', async () => {
    const result = await read('ga-nl-channels.csv', {
      touchpoint: 'Standaard kanaalgroepering',
      metric: 'bounce',
      value: 'Bouncepercentage',
    });
    expect(valueOf(result, 'Direct', 'bounce').value).toBeCloseTo(0.621, 12);
    expect(findings(result)).toEqual([]);
  });

  it('Indonesian ; sheet: 16.647 is 16647 (the delimiter convention), 54,2% is 0.542', async () => {
    const sent = await read('wa-id-broadcast.csv', {
      touchpoint: 'Touchpoint',
      metric: 'read_rate',
      ratio: { numerator: 'Dibaca', denominator: 'Terkirim' },
      date: 'Tanggal',
    });
    expect(only(sent)).toEqual({
      value: ratio([9022, 6218, 700], [16647, 12004, 1250]),
      rows: 3,
      latest: '2026-12-02',
    });
    expect(findings(sent)).toEqual([]);
    const rate = await read('wa-id-broadcast.csv', {
      touchpoint: 'Touchpoint',
      metric: 'read_rate',
      value: 'Tingkat baca',
      date: 'Tanggal',
    });
    expect(only(rate).value).toBeCloseTo(mean([0.542, 0.518, 0.56]), 12);
  });

  it('counts written as floats (121401.0) and float noise (0.5034000000000000)', async () => {
    const result = await read('counts-as-floats.csv', {
      touchpoint: 'Touchpoint',
      metric: 'sends',
      value: 'Sends',
    });
    // 121401.0 decides the column: a decimal dot, so 1.500 is one and a half.
    expect(only(result)).toEqual({ value: mean([121401, 98220, 1.5]), rows: 3, latest: undefined });
    const rate = await read('counts-as-floats.csv', {
      touchpoint: 'Touchpoint',
      metric: 'open_rate',
      value: 'Open Rate',
    });
    expect(only(rate).value).toBe(mean([0.5034, 0.4812, 0.51]));
    expect(findings(result)).toEqual([]);
  });

  it('a comma file whose numbers all read two ways: read with a decimal dot and reported at the first', async () => {
    const source = { touchpoint: 'Touchpoint', metric: 'sessions', value: 'Sessions' };
    const guessed = await read('ambiguous-sessions.csv', source);
    expect(only(guessed).value).toBe(mean([2.546, 1.995, 874]));
    expect(findings(guessed)).toEqual([
      [
        'metrics/ambiguous-number',
        2,
        'no value in column Sessions settles its decimal mark (first: "2.546"); read with "." as the decimal mark: set decimal: or locale: in the sources: entry for this file',
      ],
    ]);
    const settled = await read('ambiguous-sessions.csv', { ...source, decimal: ',' });
    expect(only(settled).value).toBe(mean([2546, 1995, 874]));
    expect(findings(settled)).toEqual([]);
    const byLocale = await read('ambiguous-sessions.csv', { ...source, locale: 'nl-NL' });
    expect(only(byLocale).value).toBe(mean([2546, 1995, 874]));
    // The config's locale (for every file) settles a comma file too.
    const configLocale = await read('ambiguous-sessions.csv', source, { locale: 'en-US' });
    expect(only(configLocale).value).toBe(mean([2.546, 1.995, 874]));
    expect(findings(configLocale)).toEqual([]);
  });

  it('a column with both marks is reported naming two lines; each unambiguous value is read by its own mark', async () => {
    const result = await read('conflicting-marks.csv', {
      touchpoint: 'Touchpoint',
      metric: 'sessions',
      value: 'Sessions',
      date: 'Date',
    });
    // 12.5 (line 3) decides a decimal dot: 2.546 is read with it; "1,15" (line 4) only with a comma.
    expect(only(result)).toEqual({
      value: mean([2.546, 12.5, 1.15]),
      rows: 3,
      latest: '2026-01-03',
    });
    expect(findings(result)).toEqual([
      [
        'metrics/ambiguous-number',
        4,
        'column Sessions mixes decimal marks: line 3 ("12.5") reads with "." as the decimal mark, line 4 ("1,15") only with the other one',
      ],
    ]);
  });

  it('currencies are read (US$ 0,00, € 12,50) and HH:MM:SS durations are converted to the metric unit', async () => {
    const inv = inventory([touchpoint('paid-search', 1, { name: 'avg_session', unit: 'minutes' })]);
    const spend = await read(
      'currency-durations.csv',
      { touchpoint: 'Touchpoint', metric: 'spend', value: 'Spend' },
      {},
      inv,
    );
    expect(only(spend).value).toBe(mean([1234.5, 0, 12.5]));
    expect(findings(spend)).toEqual([]);
    const minutes = await read(
      'currency-durations.csv',
      { touchpoint: 'Touchpoint', metric: 'avg_session', value: 'Avg. session' },
      {},
      inv,
    );
    expect(only(minutes).value).toBe(mean([90, 45, 15]));
    const hours = await read(
      'currency-durations.csv',
      { touchpoint: 'Touchpoint', metric: 'avg_session', value: 'Avg. session' },
      {},
      inventory([touchpoint('paid-search', 1, { name: 'avg_session', unit: 'hours' })]),
    );
    expect(only(hours).value).toBe(mean([1.5, 0.75, 0.25]));
    // Without a time unit a duration has no number: a bad row, never seconds by guess.
    const unknown = await read('currency-durations.csv', {
      touchpoint: 'Touchpoint',
      metric: 'avg_session',
      value: 'Avg. session',
    });
    // The file then gives nothing (metrics/unused-file, first at line 1); its first bad row:
    expect(findings(unknown)[0]?.[0]).toBe('metrics/unused-file');
    expect(findings(unknown)[1]).toEqual([
      'metrics/bad-row',
      2,
      'Avg. session "01:30:00" is a duration, but the metric\'s unit is not seconds, minutes, hours or days (set unit: in the inventory)',
    ]);
  });

  it('Rp 1.250.000 in a ; file is 1250000', async () => {
    const result = await read('rupiah.csv', {
      touchpoint: 'Touchpoint',
      metric: 'revenue',
      value: 'Revenue',
    });
    expect(only(result).value).toBe(mean([1250000, 750500]));
    expect(findings(result)).toEqual([]);
  });
});

describe('vendor exports: finding the table', () => {
  it('Zoom: the report preamble before the header is skipped; trailing empty columns are fine', async () => {
    const result = await read('zoom-preamble.csv', {
      touchpoint: 'Touchpoint',
      metric: 'registered',
      value: '# Registered',
      date: 'Actual Start Time',
    });
    expect(only(result)).toEqual({ value: mean([1204, 980]), rows: 2, latest: '2020-04-16' });
    // "1,204" alone could be 1.204 in a decimal-comma export: read as 1204 and said so.
    expect(findings(result).map(([rule, line]) => [rule, line])).toEqual([
      ['metrics/ambiguous-number', 4],
    ]);
    const settled = await read('zoom-preamble.csv', {
      touchpoint: 'Touchpoint',
      metric: 'registered',
      value: '# Registered',
      date: 'Actual Start Time',
      decimal: '.',
    });
    expect(only(settled).value).toBe(mean([1204, 980]));
    expect(findings(settled)).toEqual([]);
  });

  it('GA4: # comment lines before the header are skipped', async () => {
    const result = await read('ga4-comments.csv');
    expect(only(result)).toEqual({ value: mean([1234, 1000]), rows: 2, latest: undefined });
    expect(findings(result)).toEqual([]);
  });

  it('header: N names the header line', async () => {
    const result = await read('ga4-comments.csv', { header: 7 });
    expect(only(result).value).toBe(mean([1234, 1000]));
    const wrong = await read('ga4-comments.csv', { header: 8 });
    expect(wrong.values.size).toBe(0);
    expect(findings(wrong).map(([rule, line]) => [rule, line])).toEqual([
      ['metrics/unknown-column', 8],
    ]);
  });

  it('Qualtrics: the label row is skipped with skipRows: 1 and the ImportId row is recognised', async () => {
    const source = {
      touchpoint: 'touchpoint_id',
      metric: 'csat',
      value: 'Q1',
      date: 'RecordedDate',
    };
    const result = await read('qualtrics.csv', { ...source, skipRows: 1 });
    expect(only(result)).toEqual({ value: mean([4, 5]), rows: 2, latest: '2026-05-02' });
    expect(findings(result)).toEqual([]);
  });

  it('legacy Qualtrics: BOM, V1,V2 ids and a trailing comma on every line', async () => {
    const result = await read('qualtrics-legacy.csv', {
      touchpoint: 'touchpoint_id',
      metric: 'nps',
      value: 'Q1',
      date: 'V8',
      skipRows: 1,
    });
    expect(only(result)).toEqual({ value: mean([9, 7]), rows: 2, latest: '2026-05-02' });
    expect(findings(result)).toEqual([]);
  });
});
