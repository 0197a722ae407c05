// Event-log engines against raw DuckDB doing the plain GROUP BY over the same file, measured in
// one run: the streaming engine, --engine duckdb, and `SELECT account_id, day, COUNT(*) …
// GROUP BY` through @duckdb/node-api (the yardstick) and through the C API bindings it calls
// (as the engine does). Each case runs in its own process so its peak memory (max RSS) is its own.
// Rows: 1M by default; BENCH_EVENTS_ROWS=1000000,10000000 for both sizes. BENCH_EVENTS_RUNS rounds
// (default 3): the time and CPU are medians, the peak the largest.
import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = `${root}bench/.data`;

async function writeLog(rows) {
  const file = `${dir}/events-${rows}.csv`;
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  const { syntheticEvents } = await import(`${root}dist/events/synthetic-log.js`);
  const out = createWriteStream(file);
  out.write('account_id,touchpoint_id,timestamp,segment\n');
  // About 26 touches per account per year, so 1M rows are ~38,000 accounts.
  const accounts = Math.round(rows / 26);
  let n = 0;
  let chunk = [];
  for (const line of syntheticEvents({
    accounts,
    days: 365,
    start: '2025-01-01',
    touchpoints: ['check-in-call', 'product-digest', 'renewal-reminder', 'welcome-email'],
    segments: ['enterprise', 'smb'],
    every: 14,
  })) {
    chunk.push(line);
    if (++n >= rows) break;
    if (chunk.length === 10_000) {
      if (!out.write(`${chunk.join('\n')}\n`)) await new Promise((r) => out.once('drain', r));
      chunk = [];
    }
  }
  out.write(chunk.length > 0 ? `${chunk.join('\n')}\n` : '');
  await new Promise((r) => out.end(r));
  return file;
}

const CASE = `
const [mode, file] = process.argv.slice(1);
const root = ${JSON.stringify(root)};
const started = performance.now();
const RAW_SQL = "SELECT account_id, CAST(substr(timestamp, 1, 10) AS DATE) AS day, COUNT(*) AS n FROM read_csv('" + file + "', all_varchar = true) GROUP BY ALL";
if (mode === 'raw') {
  // The yardstick: DuckDB's Node package as a user runs it (require: import() of this
  // CommonJS package costs ~3x as much).
  const { createRequire } = await import('node:module');
  const { DuckDBInstance } = createRequire(root + 'package.json')('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  await c.runAndReadAll(RAW_SQL);
} else if (mode === 'raw-bindings') {
  // The same query through the C API bindings the package calls, as --engine duckdb does: it
  // loads in ~20 ms against the package's ~50, so the engine's ratio to this one shows that
  // part of its lead too.
  const { createRequire } = await import('node:module');
  const api = createRequire(root + 'package.json').resolve('@duckdb/node-api');
  const b = createRequire(api)('@duckdb/node-bindings');
  const db = await b.open(':memory:', b.create_config());
  const c = await b.connect(db);
  const result = await b.query(c, RAW_SQL);
  while (true) {
    const chunk = await b.fetch_chunk(result);
    if (chunk === null || b.data_chunk_get_size(chunk) === 0) break;
  }
} else {
  // In audit()'s order: the config, then the logs opened (DuckDB's pass starts on its threads),
  // then the inventory, then the aggregate against it.
  const { loadConfig } = await import(root + 'dist/config/load-config.js');
  const { openEvents } = await import(root + 'dist/events/read.js');
  const config = await loadConfig(root + 'examples/observed/touchpoint.config.yaml');
  const events = openEvents([file], { config, engine: mode });
  const { loadInventory } = await import(root + 'dist/inventory/load-inventory.js');
  const { inventory } = await loadInventory([root + 'examples/observed/touchpoints.yaml'], { cwd: root });
  await events.read(inventory);
}
const seconds = (performance.now() - started) / 1000;
const { userCPUTime, systemCPUTime, maxRSS } = process.resourceUsage();
// CPU of the whole process (DuckDB's threads included), start-up too: steadier than wall-clock on a busy machine.
const cpu = (userCPUTime + systemCPUTime) / 1e6;
console.log(JSON.stringify({ seconds, cpu, rssMiB: maxRSS / 1024 }));
`;

function measure(mode, file) {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', CASE, mode, file], {
    cwd: root,
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').pop());
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export async function run() {
  const sizes = (process.env.BENCH_EVENTS_ROWS ?? '1000000').split(',').map(Number);
  // Rounds of the three cases one after the other; medians, so one slow run of the yardstick
  // (it needs both cores) does not decide a ratio.
  const rounds = Number(process.env.BENCH_EVENTS_RUNS ?? '3');
  console.log(
    `\nevent logs (--events): streaming and --engine duckdb against raw DuckDB GROUP BY (median of ${rounds} rounds)`,
  );
  for (const rows of sizes) {
    const file = await writeLog(rows);
    const runs = { raw: [], 'raw-bindings': [], streaming: [], duckdb: [] };
    for (let round = 0; round < rounds; round++) {
      for (const mode of Object.keys(runs)) runs[mode].push(measure(mode, file));
    }
    const summary = (mode) => ({
      seconds: median(runs[mode].map((r) => r.seconds)),
      cpu: median(runs[mode].map((r) => r.cpu)),
      rssMiB: Math.max(...runs[mode].map((r) => r.rssMiB)),
      ratios: runs[mode].map((r, i) => r.seconds / runs.raw[i].seconds),
    });
    const raw = summary('raw');
    const line = (name, r) =>
      `  ${name.padEnd(22)} ${r.seconds.toFixed(2).padStart(7)} s  ${(r.seconds / raw.seconds).toFixed(2).padStart(6)}x raw  CPU ${r.cpu.toFixed(2).padStart(6)} s  ${(r.cpu / raw.cpu).toFixed(2).padStart(6)}x raw  peak ${Math.round(r.rssMiB)} MiB` +
      (rounds > 1 && r !== raw
        ? `  (rounds ${Math.min(...r.ratios).toFixed(2)}-${Math.max(...r.ratios).toFixed(2)}x)`
        : '');
    console.log(`${rows.toLocaleString('en-US')} rows:`);
    console.log(line('raw DuckDB GROUP BY', raw));
    console.log(line('  (through bindings)', summary('raw-bindings')));
    console.log(line('streaming (default)', summary('streaming')));
    console.log(line('--engine duckdb', summary('duckdb')));
    // The engine against the yardstick run through the bindings, round by round.
    const lean = runs.duckdb.map((r, i) => r.seconds / runs['raw-bindings'][i].seconds);
    console.log(
      `  --engine duckdb against raw DuckDB through bindings: ${median(lean).toFixed(2)}x` +
        (rounds > 1
          ? ` (rounds ${Math.min(...lean).toFixed(2)}-${Math.max(...lean).toFixed(2)}x)`
          : ''),
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
