import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig, type Config, type MetricSource } from '../../src/config/config.js';
import { decodeHead, detectEncoding } from '../../src/metrics/decode-text.js';
import { metricPeriodOrThrow } from '../../src/metrics/period.js';
import { readMetrics } from '../../src/metrics/read-metrics.js';
import type { MetricsResult } from '../../src/metrics/types.js';

const DIR = 'test/fixtures/metrics/vendor';

async function read(file: string, source?: Omit<MetricSource, 'match'>): Promise<MetricsResult> {
  const name = file.split('/').pop() ?? file;
  const config: Config = {
    ...defaultConfig(),
    sources: source === undefined ? [] : [{ match: name, ...source }],
  };
  const period = metricPeriodOrThrow({ days: 90, since: '2000-01-01', asOf: '2030-12-31' });
  return readMetrics([file.includes('/') ? file : `${DIR}/${file}`], { config, period });
}

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

/** `[touchpoint, metric, value, rows]` per series. */
function values(result: MetricsResult) {
  return [...result.values.values()].map((v) => [v.touchpoint, v.metric, v.value, v.rows]);
}

/** The encoding problems, as `[cause, encoding, count, line]`. */
function damage(result: MetricsResult) {
  return result.problems
    .filter((p) => p.kind === 'undecodable-text')
    .map((p) => [p.cause, p.encoding, p.count, p.location.line]);
}

describe('encodings', () => {
  it('Microsoft Forms in Windows-1252: 0x92 is ’ and é is é, with no finding', async () => {
    const result = await read('microsoft-forms-1252.csv', {
      touchpoint: 'Touchpoint',
      metric: 'rating',
      value: 'Rating',
    });
    expect([...result.ids.keys()]).toEqual(['kickoff-call', 'café’s-kickoff']);
    expect(values(result)).toEqual([
      ['kickoff-call', 'rating', mean([5, 4]), 2],
      ['café’s-kickoff', 'rating', 3, 1],
    ]);
    expect(damage(result)).toEqual([]);
  });

  it('Excel "Unicode text": UTF-16LE with a BOM, tab-delimited, decimal commas', async () => {
    const result = await read('excel-unicode-text.csv');
    expect(values(result)).toEqual([
      ['welcome-email', 'open_rate', mean([0.45, 0.41]), 2],
      ['welcome-email', 'click_rate', mean([0.12, 0.1]), 2],
      ['café-newsletter', 'open_rate', 0.3, 1],
      ['café-newsletter', 'click_rate', 0.05, 1],
    ]);
    expect(result.problems).toEqual([]);
  });

  it('UTF-16BE with a BOM', async () => {
    const result = await read('utf16be.csv');
    expect(values(result)).toEqual([['welcome-email', 'open_rate', mean([0.5, 0.25]), 2]]);
    expect(result.problems).toEqual([]);
  });

  it('invalid bytes in a UTF-8 file are a problem at their line; the other rows are read', async () => {
    const result = await read('utf8-invalid.csv');
    expect(damage(result)).toEqual([['invalid-bytes', 'utf-8', 1, 5]]);
    expect(values(result)).toEqual([
      ['résumé-email', 'open_rate', 0.5, 1],
      ['welcome-email', 'open_rate', mean([0.25, 0.75]), 2],
      ['bad-\uFFFDid', 'open_rate', 0.1, 1],
    ]);
  });

  it('U+FFFD already in a UTF-8 file (damaged before the export) is a problem at its line', async () => {
    const result = await read('replacement-character.csv');
    expect(damage(result)).toEqual([['replacement-characters', 'utf-8', 2, 3]]);
  });

  it('bytes Windows-1252 leaves undefined (0x81) are a problem at their line', async () => {
    const result = await read('windows-1252-undefined.csv');
    expect(damage(result)).toEqual([['undefined-bytes', 'windows-1252', 1, 3]]);
    expect([...result.ids.keys()]).toEqual(['welcome-email', 'na\u00e9\u0081-email']);
  });

  it('a file that is ASCII for its first 64 KB and Windows-1252 after is read as Windows-1252', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tp-enc-'));
    const file = join(dir, 'late.csv');
    const rows = Array.from({ length: 3000 }, (_, i) => `tp-${i % 7},open_rate,0.${i % 10}\n`);
    const late = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x92, 0x73]); // café’s
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from(`touchpoint_id,metric,value\n${rows.join('')}`),
        late,
        Buffer.from(',open_rate,0.5\n'),
      ]),
    );
    const result = await read(file);
    expect(damage(result)).toEqual([]);
    expect(result.ids.get('café’s')).toEqual({
      rows: 1,
      location: { file, line: 3002, column: 1 },
    });
    const tp0 = rows.filter((r) => r.startsWith('tp-0,')).map((r) => Number(r.split(',')[2]));
    expect(result.values.get('tp-0\u0000open_rate')?.value).toBeCloseTo(mean(tp0), 12);
  });

  it('`encoding:` in the source reads a file whose bytes do not settle it', async () => {
    // Valid UTF-8 and valid Windows-1252 alike: `Ã©` in 1252 is `é` in UTF-8.
    const dir = mkdtempSync(join(tmpdir(), 'tp-enc-'));
    const file = join(dir, 'latin.csv');
    writeFileSync(file, Buffer.from('touchpoint_id,metric,value\ncaf\u00c3\u00a9,m,1\n', 'latin1'));
    expect([...(await read(file)).ids.keys()]).toEqual(['café']);
    expect([...(await read(file, { encoding: 'windows-1252' })).ids.keys()]).toEqual(['cafÃ©']);
  });

  it.each([
    [[0xef, 0xbb, 0xbf, 0x61], { encoding: 'utf-8', by: 'evidence', reason: 'BOM' }],
    [[0xff, 0xfe, 0x61, 0x00], { encoding: 'utf-16le', by: 'evidence', reason: 'BOM' }],
    [[0xfe, 0xff, 0x00, 0x61], { encoding: 'utf-16be', by: 'evidence', reason: 'BOM' }],
    [
      [0x61, 0x00, 0x2c, 0x00, 0x62, 0x00],
      { encoding: 'utf-16le', by: 'evidence', reason: 'NUL in every other byte' },
    ],
    [[0x61, 0x2c, 0x62], { encoding: 'utf-8', by: 'default', reason: 'ASCII only so far' }],
    [[0x63, 0xc3, 0xa9], { encoding: 'utf-8', by: 'evidence', reason: 'valid UTF-8' }],
    // Real UTF-8 with a broken byte is UTF-8 (the byte is reported), not Windows-1252.
    [
      [0x63, 0xc3, 0xa9, 0xc3, 0xa8, 0xff],
      { encoding: 'utf-8', by: 'evidence', reason: 'mostly valid UTF-8' },
    ],
    [[0x63, 0xe9, 0x92], { encoding: 'windows-1252', by: 'evidence', reason: 'not valid UTF-8' }],
  ])('detects %j', (bytes, expected) => {
    expect(detectEncoding(Buffer.from(bytes))).toEqual(expected);
  });

  it('a UTF-8 sequence cut off by the end of a 64 KB head is still UTF-8', () => {
    const head = Buffer.from([0x63, 0xc3, 0xa9, 0xe2, 0x80]);
    expect(detectEncoding(head, undefined, false).reason).toBe('valid UTF-8');
    expect(detectEncoding(head, undefined, true).reason).toBe('mostly valid UTF-8');
  });

  it('decodes Windows-1252 as Windows-1252, not Latin-1 (nodejs/node#56542)', () => {
    expect(decodeHead(Buffer.from([0x92, 0x80, 0x9c]), 'windows-1252')).toBe('’€œ');
  });
});
