import { createRequire } from 'node:module';
import { EngineError } from './errors.js';

/**
 * DuckDB for the embedded-SQL engine, through the C API bindings (`@duckdb/node-bindings`)
 * that `@duckdb/node-api` itself calls. The engine needs a handful of calls: start, stream one
 * query, and read VARCHAR, INTEGER and LIST columns of its chunks. Going to the bindings
 * directly loads in about a third of the package's time (it is a few hundred files) and reads
 * a chunk's columns in place, with no object per value.
 */

/** A value of a result column: VARCHAR as a string, INTEGER as a number, NULL as null. */
export type DuckValue = string | number | null;

/** A column of a result chunk, read in place from DuckDB's memory. */
export interface DuckColumn {
  /** The VARCHAR or INTEGER value of a row (a LIST column is read through its offsets). */
  getItem(index: number): DuckValue;
  /** A LIST column: where the row's elements begin in {@link childVector}. */
  getEntryOffset(index: number): number;
  /** A LIST column: the one flat column of every row's elements. */
  readonly childVector: DuckColumn;
  readonly itemCount: number;
  /** An INTEGER column: its values as DuckDB keeps them (a NULL's slot holds any number). */
  readonly items?: Int32Array;
}

/** A chunk of a result: up to 2,048 rows of each column. */
export interface DuckChunk {
  readonly rowCount: number;
  getColumnVector(index: number): DuckColumn;
}

/** A result read a chunk at a time; null (or an empty chunk) at its end. */
export interface DuckStream {
  fetchChunk(): Promise<DuckChunk | null>;
}

export interface DuckConnection {
  /** Runs one statement and streams its result, so DuckDB makes the next chunk meanwhile. */
  stream(sql: string): Promise<DuckStream>;
  /** Runs one statement and reads its first column whole (a small result: DESCRIBE). */
  firstColumn(sql: string): Promise<DuckValue[]>;
  /** Stops the statement running, from another turn; it then rejects. */
  interrupt(): void;
  closeSync(): void;
}

export interface DuckInstance {
  connect(): Promise<DuckConnection>;
  closeSync(): void;
}

/** Opens a database (`:memory:`) with DuckDB's settings by name. */
export type OpenDuckDb = (path: string, options: Record<string, string>) => Promise<DuckInstance>;

/** The package users install for the engine; it brings the bindings with it. */
export const DUCKDB_PACKAGE = '@duckdb/node-api';

/** The C API handles the bindings pass around: opaque, each its own type. */
declare const handle: unique symbol;
type Handle<Name extends string> = { readonly [handle]: Name };
type Config = Handle<'config'>;
type Database = Handle<'database'>;
type Connection = Handle<'connection'>;
type Prepared = Handle<'prepared'>;
type Result = Handle<'result'>;
type DataChunk = Handle<'chunk'>;
type Vector = Handle<'vector'>;
type LogicalType = Handle<'logical type'>;

/** The calls of `@duckdb/node-bindings` used here, as its `duckdb.d.ts` declares them. */
interface Bindings {
  create_config(): Config;
  set_config(config: Config, name: string, option: string): void;
  open(path: string, config: Config): Promise<Database>;
  close_sync(database: Database): void;
  connect(database: Database): Promise<Connection>;
  disconnect_sync(connection: Connection): void;
  interrupt(connection: Connection): void;
  query(connection: Connection, sql: string): Promise<Result>;
  prepare(connection: Connection, sql: string): Promise<Prepared>;
  destroy_prepare_sync(prepared: Prepared): void;
  execute_prepared_streaming(prepared: Prepared): Promise<Result>;
  fetch_chunk(result: Result): Promise<DataChunk | null>;
  data_chunk_get_size(chunk: DataChunk): number;
  data_chunk_get_vector(chunk: DataChunk, index: number): Vector;
  vector_get_column_type(vector: Vector): LogicalType;
  get_type_id(type: LogicalType): number;
  vector_get_data(vector: Vector, byteCount: number): Uint8Array;
  vector_get_validity(vector: Vector, byteCount: number): Uint8Array | null;
  list_vector_get_child(vector: Vector): Vector;
  list_vector_get_size(vector: Vector): number;
  get_data_from_pointer(buffer: ArrayBufferLike, offset: number, byteCount: number): Uint8Array;
}

/** DuckDB's type ids (`duckdb_type`) of the columns read here. */
const INTEGER = 4;
const VARCHAR = 17;
const LIST = 24;

/**
 * Loads DuckDB, or says how to add it: it is optional, so most installs never download it.
 * The bindings are the copy `@duckdb/node-api` depends on (found from where it is installed),
 * so the package users add is the one that decides the DuckDB release.
 */
export function loadDuckDb(): OpenDuckDb {
  let bindings: Bindings;
  try {
    const require = createRequire(import.meta.url);
    const api = require.resolve(DUCKDB_PACKAGE);
    bindings = createRequire(api)('@duckdb/node-bindings') as Bindings;
  } catch {
    throw new EngineError({ kind: 'duckdb-not-installed', package: DUCKDB_PACKAGE });
  }
  return async (path, options) => {
    const config = bindings.create_config();
    // As `@duckdb/node-api` names itself to DuckDB.
    bindings.set_config(config, 'duckdb_api', 'node-neo-api');
    for (const [name, value] of Object.entries(options)) bindings.set_config(config, name, value);
    const database = await bindings.open(path, config);
    return {
      closeSync: () => {
        bindings.close_sync(database);
      },
      connect: async () => connection(bindings, await bindings.connect(database)),
    };
  };
}

function connection(bindings: Bindings, handle: Connection): DuckConnection {
  return {
    async stream(sql) {
      const prepared = await bindings.prepare(handle, sql);
      try {
        const result = await bindings.execute_prepared_streaming(prepared);
        return { fetchChunk: () => fetchChunk(bindings, result) };
      } finally {
        bindings.destroy_prepare_sync(prepared);
      }
    },
    async firstColumn(sql) {
      const result = await bindings.query(handle, sql);
      const values: DuckValue[] = [];
      let chunk: DuckChunk | null;
      while ((chunk = await fetchChunk(bindings, result)) !== null) {
        const column = chunk.getColumnVector(0);
        for (let row = 0; row < chunk.rowCount; row++) values.push(column.getItem(row));
      }
      return values;
    },
    interrupt: () => {
      bindings.interrupt(handle);
    },
    closeSync: () => {
      bindings.disconnect_sync(handle);
    },
  };
}

async function fetchChunk(bindings: Bindings, result: Result): Promise<DuckChunk | null> {
  const chunk = await bindings.fetch_chunk(result);
  if (chunk === null) return null;
  const rowCount = bindings.data_chunk_get_size(chunk);
  if (rowCount === 0) return null;
  return {
    rowCount,
    getColumnVector: (index) =>
      column(bindings, chunk, bindings.data_chunk_get_vector(chunk, index), rowCount),
  };
}

/** Shared by every column: UTF-8, as DuckDB keeps VARCHAR. */
const utf8 = new TextDecoder();

const NO_LIST = (): number => {
  throw new TypeError('not a LIST column');
};
/** The child of a column that is not a LIST: asking it for anything is a mistake. */
const NOT_A_LIST: DuckColumn = {
  getItem: NO_LIST,
  getEntryOffset: NO_LIST,
  get childVector(): DuckColumn {
    throw new TypeError('not a LIST column');
  },
  itemCount: 0,
};

/**
 * A column of `count` rows, read as DuckDB lays it out: INTEGER as 4 bytes a row; VARCHAR as
 * 16 bytes a row (its length, then up to 12 bytes in place or a pointer to the rest); LIST as
 * 16 bytes a row (offset and length, 64-bit each) into one child column. A clear validity bit
 * is a NULL; no validity mask means none. `chunk` is held so DuckDB's memory stays alive while
 * the column is read.
 */
function column(bindings: Bindings, chunk: DataChunk, vector: Vector, count: number): DuckColumn {
  const type = bindings.get_type_id(bindings.vector_get_column_type(vector));
  const mask = bindings.vector_get_validity(vector, Math.ceil(count / 64) * 8);
  const valid =
    mask === null
      ? (): boolean => true
      : (row: number): boolean => ((mask[row >> 3] ?? 0) & (1 << (row & 7))) !== 0;
  const base = { chunk, itemCount: count, getEntryOffset: NO_LIST, childVector: NOT_A_LIST };
  switch (type) {
    case INTEGER: {
      const data = bindings.vector_get_data(vector, count * 4);
      const items = new Int32Array(data.buffer, data.byteOffset, count);
      return { ...base, items, getItem: (row) => (valid(row) ? (items[row] ?? null) : null) };
    }
    case VARCHAR: {
      const data = bindings.vector_get_data(vector, count * 16);
      const words = new Uint32Array(data.buffer, data.byteOffset, count * 4);
      const bytes = Buffer.from(data.buffer, data.byteOffset, count * 16);
      // The row read last and its string: a row whose 16 bytes are the same (the same short
      // string, or the same pointer) is the same string, made once (a segment, group after group).
      let last = -1;
      let lastValue = '';
      const getItem = (row: number): string | null => {
        if (!valid(row)) return null;
        const w = row * 4;
        const l = last * 4;
        if (
          last >= 0 &&
          words[w] === words[l] &&
          words[w + 1] === words[l + 1] &&
          words[w + 2] === words[l + 2] &&
          words[w + 3] === words[l + 3]
        ) {
          return lastValue;
        }
        const length = words[w] ?? 0;
        const at = row * 16;
        // Short strings are decoded where they lie, with no view made for each.
        lastValue =
          length <= 12
            ? bytes.toString('utf8', at + 4, at + 4 + length)
            : utf8.decode(
                bindings.get_data_from_pointer(data.buffer, data.byteOffset + at + 8, length),
              );
        last = row;
        return lastValue;
      };
      return { ...base, getItem };
    }
    case LIST: {
      const data = bindings.vector_get_data(vector, count * 16);
      // Each entry's offset is a 64-bit number; its low word is enough below 2^32 elements.
      const words = new Uint32Array(data.buffer, data.byteOffset, count * 4);
      const child = bindings.list_vector_get_child(vector);
      const childVector = column(bindings, chunk, child, bindings.list_vector_get_size(vector));
      return {
        ...base,
        getItem: NO_LIST,
        getEntryOffset: (row) => words[row * 4] ?? 0,
        childVector,
      };
    }
    default:
      throw new TypeError(`DuckDB column type ${String(type)} is not read here`);
  }
}
