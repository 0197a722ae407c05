import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as fc from 'fast-check';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { papaRecords, type PapaEnd } from '../../src/metrics/papa-records.js';
import { readRows, type RowHandler } from '../../src/metrics/read-rows.js';
import { RecordSink, recordDelimiter } from '../../src/metrics/record-sink.js';
import type { Dialect } from '../../src/metrics/sniff.js';

// papaparse reads metric exports; csv-parse (relax_quotes, skip_empty_lines) read them before
// and still reads any file papaparse stops in. These tests hold the two to the same records.

type Read = [line: number, record: string[]][];
const comma: Dialect = { delimiter: ',', separatorLine: false, decimalComma: false };

/** csv-parse's reading of `text`: its records, or the error code it stopped with. */
async function csvParse(text: string, dialect = comma): Promise<Read | string> {
  const out: Read = [];
  const sink = new RecordSink(dialect, (record, line) => out.push([line, record]));
  try {
    await pipeline(Readable.from([Buffer.from(text)]), sink);
  } catch (error) {
    return (error as { code: string }).code;
  }
  return out;
}

/** papaparse's reading of `text`, handed over in `pieces` (chunk boundaries anywhere). */
async function papa(
  pieces: string[],
  dialect = comma,
): Promise<{ read: Read; end: PapaEnd['kind'] }> {
  const text = pieces.join('');
  const read: Read = [];
  const input = Readable.from(pieces.filter((p) => p !== ''));
  const { ended } = papaRecords(
    Papa,
    input,
    {
      delimiter: dialect.delimiter,
      newline: recordDelimiter(dialect, text, true),
      separatorLine: dialect.separatorLine,
    },
    (record, line) => {
      read.push([line, record]);
      return true;
    },
  );
  return { read, end: (await ended).kind };
}

/**
 * The physical line (CRLF, LF or a lone CR ends one) each record starts on, found from the
 * offsets papaparse's step mode reports: independent of counting breaks inside fields.
 */
function startLines(text: string, newline: string): number[] {
  const starts: number[] = [];
  let from = 0;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    newline: newline as '\n',
    step: (row) => {
      const empty = row.data.length === 1 && row.data[0] === '';
      if (!empty) starts.push(from);
      from = row.meta.cursor; // just past the row's record delimiter
    },
  });
  return starts.map((offset) => (text.slice(0, offset).match(/\r\n|\n|\r/g) ?? []).length + 1);
}

const alphabet = fc.constantFrom('a', 'b', '1', ' ', ',', ',', '"', '\n', '\n', '\r\n', '\r', ';');
const csvText = fc.array(alphabet, { maxLength: 24 }).map((chars) => chars.join(''));
/** Splits `text` at random points, as a stream's chunks may. */
const chunked = csvText.chain((text) =>
  fc.uniqueArray(fc.integer({ min: 0, max: text.length }), { maxLength: 4 }).map((cuts) => {
    const points = [0, ...cuts.sort((a, b) => a - b), text.length];
    return points.slice(1).map((end, i) => text.slice(points[i], end));
  }),
);
/**
 * The two documented differences: spaces (or a line break that is not the record delimiter)
 * after a closing quote, and a record of only `""`.
 */
function differsOnPurpose(text: string): boolean {
  const newline = recordDelimiter(comma, text, true) ?? '\n';
  for (const [, spaces = ''] of text.matchAll(/"(\s+)/g)) {
    if (!spaces.startsWith(newline)) return true;
  }
  const at = (i: number): boolean => i === 0 || text.startsWith(newline, i - newline.length);
  for (let i = text.indexOf('""'); i >= 0; i = text.indexOf('""', i + 1)) {
    if (at(i) && (i + 2 === text.length || text.startsWith(newline, i + 2))) return true;
  }
  return false;
}

describe('papaparse reads CSV records as csv-parse did (seeded fast-check)', () => {
  it('gives the same records on 4,000 generated texts, split into chunks anywhere', async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(chunked, async (pieces) => {
        const text = pieces.join('');
        if (differsOnPurpose(text)) return;
        const ours = await papa(pieces);
        if (ours.end === 'quotes') return; // read by csv-parse instead (tested below)
        const theirs = await csvParse(text);
        compared++;
        expect(ours.end).toBe('done');
        expect(ours.read.map(([, record]) => record)).toEqual(
          typeof theirs === 'string' ? theirs : theirs.map(([, record]) => record),
        );
        const newline = recordDelimiter(comma, text, true) ?? '\n';
        expect(ours.read.map(([line]) => line)).toEqual(startLines(text, newline));
      }),
      { seed: 9, numRuns: 4000 },
    );
    expect(compared).toBeGreaterThan(1500);
  });

  it('reads the two documented differences as their authors meant', async () => {
    // A space between a closing quote and the delimiter; csv-parse kept the quotes as text.
    expect((await papa(['"a" ,b\n'])).read).toEqual([[1, ['a', 'b']]]);
    expect(await csvParse('"a" ,b\n')).toEqual([[1, ['"a" ', 'b']]]);
    // A line holding only an empty quoted field is an empty line.
    expect((await papa(['x\n""\ny\n'])).read).toEqual([
      [1, ['x']],
      [3, ['y']],
    ]);
  });

  it('drops a BOM and an Excel sep= line, and counts lines after it', async () => {
    const dialect: Dialect = { delimiter: ';', separatorLine: true, decimalComma: true };
    const { read } = await papa(['\uFEFFsep=;\r\nid;v\r\n', 'a;"1\r\n2"\r\nb;3\r\n'], dialect);
    expect(read).toEqual([
      [2, ['id', 'v']],
      [3, ['a', '1\r\n2']],
      [5, ['b', '3']],
    ]);
  });

  it('stops at the first quote it cannot read, after the records before it', async () => {
    const { read, end } = await papa(['id,v\na,1\n"b"x,2\nc,3\n']);
    expect(end).toBe('quotes');
    expect(read).toEqual([
      [1, ['id', 'v']],
      [2, ['a', '1']],
    ]);
  });
});

describe('readRows: papaparse first, csv-parse for a file it stops in', () => {
  const dir = mkdtempSync(join(tmpdir(), 'papa-records-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  async function rows(name: string, text: string): Promise<{ read: Read; broken?: string }> {
    const file = join(dir, name);
    writeFileSync(file, text);
    const read: Read = [];
    let broken: string | undefined;
    const handler: RowHandler = {
      start: () => (record, line) => read.push([line, record]),
      fileProblem: () => undefined,
      broken: (problem, line) => {
        broken = `${problem.kind}@${String(line)}`;
      },
      decoded: () => undefined,
    };
    await readRows(file, handler);
    return broken === undefined ? { read } : { read, broken };
  }

  it('hands on every record once, in order, when a relaxed quote comes after many chunks', async () => {
    const body = Array.from({ length: 40_000 }, (_, i) => `t${String(i)},${String(i)}\n`);
    body.splice(30_000, 0, '"t"x,7\n', 'u,"8\n9"\n');
    const text = `id,value\n${body.join('')}`;
    const { read } = await rows('relaxed.csv', text);
    expect(read).toEqual(await csvParse(text));
    expect(read[30_001]).toEqual([30_002, ['"t"x', '7']]);
    expect(read[30_002]).toEqual([30_003, ['u', '8\n9']]);
    expect(read).toHaveLength(40_003);
  });

  it('says where a quote is never closed', async () => {
    const text = 'id,value\na,1\nb,"2\nc,3\n';
    expect(await rows('unclosed.csv', text)).toEqual({
      read: [
        [1, ['id', 'value']],
        [2, ['a', '1']],
      ],
      broken: 'unclosed-quote@3',
    });
  });
});
