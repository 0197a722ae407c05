import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadDuckDb } from '../../src/events/duckdb-bindings.js';
import type {
  DuckChunk,
  DuckColumn,
  DuckConnection,
  DuckInstance,
  DuckStream,
  DuckValue,
} from '../../src/events/duckdb-bindings.js';

let instance: DuckInstance;
let connection: DuckConnection;

beforeAll(async () => {
  instance = await loadDuckDb()(':memory:', { threads: '2' });
  connection = await instance.connect();
});

afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

/** Every chunk of a streamed result. */
async function chunks(result: DuckStream): Promise<DuckChunk[]> {
  const all: DuckChunk[] = [];
  for (let chunk = await result.fetchChunk(); chunk; chunk = await result.fetchChunk()) {
    all.push(chunk);
  }
  return all;
}

/** A column's values, row by row. */
const values = (column: DuckColumn, count: number): DuckValue[] =>
  Array.from({ length: count }, (_, row) => column.getItem(row));

/** A LIST column's rows as arrays, read through its offsets as the engine reads them. */
const lists = (column: DuckColumn, lengths: readonly number[]): DuckValue[][] =>
  lengths.map((length, row) => {
    const at = column.getEntryOffset(row);
    return Array.from({ length }, (_, i) => column.childVector.getItem(at + i));
  });

describe('DuckDB through its C API bindings', () => {
  it('reads VARCHAR in place: 12 bytes or fewer inline, longer through the pointer, UTF-8, NULL', async () => {
    const written = [
      '',
      'abc',
      // 12 bytes exactly: the longest string kept inline.
      'abcdefghijkl',
      // 13: the shortest kept behind a pointer.
      'abcdefghijklm',
      // 12 bytes of UTF-8 in 6 characters, and a long one of several scripts.
      'éééééé',
      'Jakarta Selatan — pelanggan baru ☕ 日本',
      null,
      // Repeated values, read once each time they change (and across a NULL).
      'smb',
      'smb',
      null,
      'smb',
      'enterprise',
      'smb',
      'abcdefghijklm',
      'abcdefghijklm',
      'abcdefghijklx',
      // 12 bytes that differ only in their last four.
      'abcdefgh1234',
      'abcdefgh5678',
    ];
    const rows = written
      .map((v, i) => `(${String(i)}, ${v === null ? 'NULL' : `'${v}'`})`)
      .join(', ');
    const [chunk, ...rest] = await chunks(
      await connection.stream(`SELECT v FROM (VALUES ${rows}) AS t(i, v) ORDER BY i`),
    );
    expect(rest).toEqual([]);
    expect(chunk?.rowCount).toBe(written.length);
    const column = chunk?.getColumnVector(0);
    expect(column?.itemCount).toBe(written.length);
    expect(column && values(column, written.length)).toEqual(written);
    expect(column?.items).toBeUndefined();
  });

  it('reads INTEGER as DuckDB keeps it, NULLs by the validity mask', async () => {
    const [chunk] = await chunks(
      await connection.stream(
        `SELECT CASE WHEN i % 3 = 0 THEN NULL ELSE CAST(i * 1000 - 50000 AS INTEGER) END AS n
         FROM range(100) t(i) ORDER BY i`,
      ),
    );
    const column = chunk?.getColumnVector(0);
    const expected = Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? null : i * 1000 - 50000));
    expect(column && values(column, 100)).toEqual(expected);
    // The array in place holds the same numbers where they are not NULL.
    expect(column?.items?.length).toBe(100);
    expect(column?.items?.[1]).toBe(-49000);
    expect(column?.items?.[98]).toBe(48000);
    // A column without NULLs has no mask; every value is read.
    const [whole] = await chunks(
      await connection.stream('SELECT CAST(i AS INTEGER) FROM range(5) t(i) ORDER BY i'),
    );
    const all = whole?.getColumnVector(0);
    expect(all && values(all, 5)).toEqual([0, 1, 2, 3, 4]);
  });

  it('reads LIST columns through their offsets into one child, in every chunk of a long result', async () => {
    // 5,000 groups (three chunks of up to 2,048 rows), group g holding g % 7 + 1 elements, some NULL.
    const result = await connection.stream(
      `SELECT CAST(g AS INTEGER) AS g,
              list(CASE WHEN e % 5 = 4 THEN NULL ELSE CAST(g * 10 + e AS INTEGER) END ORDER BY e) AS n,
              list(CASE WHEN e % 4 = 3 THEN NULL ELSE 'id-' || CAST(e AS VARCHAR) || repeat('x', CAST(e * 3 AS INTEGER)) END ORDER BY e) AS t,
              CAST(count(e) AS INTEGER) AS c
       FROM (SELECT g, e FROM range(5000) a(g), range(7) b(e) WHERE e <= g % 7)
       GROUP BY g ORDER BY g`,
    );
    const read = await chunks(result);
    expect(read.map((c) => c.rowCount)).toEqual([2048, 2048, 904]);
    const groups: number[] = [];
    const numbers: DuckValue[][] = [];
    const texts: DuckValue[][] = [];
    for (const chunk of read) {
      const count = chunk.rowCount;
      const g = values(chunk.getColumnVector(0), count) as number[];
      const lengths = values(chunk.getColumnVector(3), count) as number[];
      groups.push(...g);
      const n = chunk.getColumnVector(1);
      expect(n.childVector.items?.length).toBe(lengths.reduce((a, b) => a + b, 0));
      numbers.push(...lists(n, lengths));
      texts.push(...lists(chunk.getColumnVector(2), lengths));
    }
    expect(groups).toEqual(Array.from({ length: 5000 }, (_, g) => g));
    const elements = (g: number): number[] => Array.from({ length: (g % 7) + 1 }, (_, e) => e);
    expect(numbers).toEqual(
      groups.map((g) => elements(g).map((e) => (e % 5 === 4 ? null : g * 10 + e))),
    );
    expect(texts).toEqual(
      groups.map((g) =>
        elements(g).map((e) => (e % 4 === 3 ? null : `id-${String(e)}${'x'.repeat(e * 3)}`)),
      ),
    );
  });

  it('refuses what is not a LIST as one, and a type it does not read', async () => {
    const [chunk] = await chunks(
      await connection.stream(`SELECT 'a' AS v, CAST(1 AS INTEGER) AS n, 1.5::DOUBLE AS d`),
    );
    const text = chunk?.getColumnVector(0);
    expect(() => text?.getEntryOffset(0)).toThrow('not a LIST column');
    expect(() => text?.childVector.getItem(0)).toThrow('not a LIST column');
    expect(() => chunk?.getColumnVector(1).childVector.childVector).toThrow('not a LIST column');
    expect(() => chunk?.getColumnVector(2)).toThrow('DuckDB column type 11 is not read here');
  });

  it('reads the first column of a small result, and gives DuckDB errors as they are', async () => {
    expect(
      await connection.firstColumn(
        `DESCRIBE SELECT 1 AS account_id, 'x' AS "Touchpoint Id", NULL AS segment`,
      ),
    ).toEqual(['account_id', 'Touchpoint Id', 'segment']);
    expect(await connection.firstColumn('SELECT 1 WHERE false')).toEqual([]);
    await expect(connection.stream('SELECT * FROM no_such_table')).rejects.toThrow(
      /Table with name no_such_table does not exist/,
    );
    await expect(connection.firstColumn('SELEC 1')).rejects.toThrow(/syntax error/);
    // The connection is still usable after an error.
    expect(await connection.firstColumn(`SELECT 'still here'`)).toEqual(['still here']);
  });

  it('stops a running query when interrupted', async () => {
    const other = await instance.connect();
    try {
      // A GROUP BY runs whole before its result streams: the interrupt comes while it is awaited.
      const running = other.stream('SELECT sum(i) FROM range(1000000000000) t(i)');
      const state = { settled: false };
      const heard = running.then(
        () => 'streamed',
        (error: unknown) => String(error),
      );
      void heard.finally(() => (state.settled = true));
      // Interrupted again until it stops: an interrupt before the query starts is forgotten.
      while (!state.settled) {
        other.interrupt();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(await heard).toMatch(/INTERRUPT/);
      expect(await other.firstColumn('SELECT 42')).toEqual([42]);
    } finally {
      other.closeSync();
    }
  });

  it('says how to add DuckDB when the package cannot be found', async () => {
    vi.resetModules();
    // The one call of node:module the loader makes: every look-up fails, as without the package.
    vi.doMock('node:module', () => {
      const missing = (): never => {
        throw Object.assign(new Error("Cannot find module '@duckdb/node-api'"), {
          code: 'MODULE_NOT_FOUND',
        });
      };
      return { createRequire: () => Object.assign(missing, { resolve: missing }) };
    });
    try {
      const fresh = await import('../../src/events/duckdb-bindings.js');
      let thrown: unknown;
      try {
        fresh.loadDuckDb();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toMatchObject({
        name: 'EngineError',
        problem: { kind: 'duckdb-not-installed', package: '@duckdb/node-api' },
      });
    } finally {
      vi.doUnmock('node:module');
      vi.resetModules();
    }
  });
});
