// Metric-ingest benchmark. Compares, on the generated long-format exports:
//   (a) a bare csv-parse stream over the file (array rows, nothing done per row), and
//   (b) our full ingest: readMetrics (sniffing, parsing, aliases, per-touchpoint aggregation over
//       the latest 90 days) joined to the 10,000-touchpoint inventory, plus the evaluation rules
//       gap/no-data, gap/below-target, gap/stale-data and gap/undocumented-touchpoint.
// The target (issue 9) is against (a); a bare papaparse stream, the parser (b) uses, is timed in
// the same runs and printed for context, so the ingest's own cost over its parser stays visible.
// Prints medians of several interleaved runs (rows/s, MB/s, (b)/(a) in wall-clock and CPU time) and
// the peak RSS of each side at 100k and 1M rows, each measured in a fresh child process. The RSS
// children build the 10,000 touchpoints in memory, so the figure is the ingest's own; the YAML
// loader's peak for the same inventory is printed beside it for context.
// Imports the built library from dist/ (`npm run build` first; TOUCHPOINT_DIST overrides).
import { execFileSync } from 'node:child_process';
import { createReadStream, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { parse } from 'csv-parse';
import Papa from 'papaparse';
import { files, metricOf, run as generate, TOUCHPOINTS, touchpointId } from './generate.mjs';

const dist = process.env.TOUCHPOINT_DIST
  ? pathToFileURL(`${process.env.TOUCHPOINT_DIST.replace(/\/?$/, '/')}`)
  : new URL('../dist/', import.meta.url);
const RUNS = { long: 5, eu: 3 };
const TARGET_RATIO = 1.3;
const RULES = ['no-data', 'below-target', 'stale-data', 'undocumented-touchpoint'];

async function library() {
  const load = (path) => import(new URL(path, dist).href);
  const [{ readMetrics }, { defaultConfig }, { loadInventory }, ...rules] = await Promise.all([
    load('metrics/read-metrics.js'),
    load('config/config.js'),
    load('inventory/load-inventory.js'),
    ...RULES.map((name) => load(`rules/gap/${name}.js`)),
  ]);
  return { readMetrics, defaultConfig, loadInventory, rules: rules.map((m) => m.default) };
}

/** The benchmark inventory's touchpoints built directly, without the YAML loader. */
function memoryInventory() {
  const touchpoints = [];
  for (let i = 0; i < TOUCHPOINTS; i++) {
    const [name, unit, target] = metricOf(i);
    const [op, value] = target.split(' ');
    const location = { file: 'inventory-10k.yaml', line: 20 + i * 9, column: 5 };
    touchpoints.push({
      id: touchpointId(i),
      name: touchpointId(i),
      segments: [],
      mode: 'proactive',
      transactional: false,
      metric: { name, unit, target: { op, value: Number(value), text: target } },
      location,
      fields: {},
    });
  }
  return {
    version: 1,
    journey: { stages: [] },
    segments: [],
    lifecycle: {},
    touchpoints,
    files: [],
    locations: {},
  };
}

function bare(file, delimiter) {
  return new Promise((resolve, reject) => {
    const parser = parse({ delimiter, bom: true });
    parser.on('data', () => {});
    parser.on('error', reject);
    parser.on('end', () => resolve({ rows: parser.info.records - 1 }));
    createReadStream(file).on('error', reject).pipe(parser);
  });
}

/** A bare papaparse stream over the file: the parser the ingest itself uses (for context). */
function barePapa(file, delimiter) {
  return new Promise((resolve, reject) => {
    const input = createReadStream(file, { highWaterMark: 256 * 1024 });
    input.setEncoding('utf8');
    let rows = 0;
    Papa.parse(input, {
      delimiter,
      chunk: (results) => {
        rows += results.data.length;
      },
      complete: () => resolve({ rows }),
      error: reject,
    });
  });
}

async function ours(lib, inventory, file) {
  const config = lib.defaultConfig();
  const metrics = await lib.readMetrics([file], { config, inventory });
  let findings = 0;
  const ctx = { inventory, config, metrics, asOf: metrics.asOf, report: () => findings++ };
  for (const rule of lib.rules) rule.check(ctx);
  return { rows: metrics.stats.rows, findings };
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

async function time(fn) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await fn();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000, ...result };
}

/** Peak RSS of one run in a fresh process (`script --child side file`; default: this one). */
export function peakRss(side, file, script = fileURLToPath(import.meta.url)) {
  const out = execFileSync(process.execPath, [script, '--child', side, file], {
    env: process.env,
    encoding: 'utf8',
  });
  return JSON.parse(out).maxRss;
}

async function child(side, file) {
  if (side === 'bare') {
    await bare(file, file.endsWith('-eu.csv') ? ';' : ',');
  } else if (side === 'loader') {
    await (await library()).loadInventory([files.inventory10k]);
  } else {
    await ours(await library(), memoryInventory(), file);
  }
  process.stdout.write(JSON.stringify({ maxRss: process.resourceUsage().maxRSS * 1024 }));
}

const mb = (bytes) => bytes / 1024 / 1024;
const fmt = (n, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Milliseconds for DuckDB to read the long export and group it by touchpoint, metric and segment. */
function rawDuckDb(file) {
  const script = `
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const c = await (await DuckDBInstance.create(':memory:')).connect();
    const sql = "SELECT touchpoint_id, metric, segment, COUNT(*), AVG(CAST(value AS DOUBLE)), MAX(CAST(date AS DATE)) FROM read_csv(" + JSON.stringify(process.argv[1]).replaceAll('"', "'") + ", all_varchar = true) GROUP BY ALL";
    await c.runAndReadAll(sql);
    const t = performance.now();
    await c.runAndReadAll(sql);
    console.log(performance.now() - t);`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script, file], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    encoding: 'utf8',
  });
  return Number(out.trim());
}

export async function run() {
  await generate({ quiet: true });
  const lib = await library();
  const { inventory } = await lib.loadInventory([files.inventory10k]);
  console.log(
    `\nMetric ingest — joined to ${inventory.touchpoints.length.toLocaleString('en-US')} touchpoints; medians of interleaved runs`,
  );
  const results = {};
  const cases = [
    ['1M rows, long, `,`', files.metrics1m, ','],
    ['1M rows, `;` + decimal comma + DD/MM/YYYY + CRLF + BOM', files.metricsEu, ';'],
  ];
  for (const [label, file, delimiter] of cases) {
    const size = statSync(file).size;
    const key = file.endsWith('-eu.csv') ? 'eu' : 'long';
    const a = [];
    const b = [];
    const c = [];
    let rows = 0;
    let findings = 0;
    if (key === 'long') {
      await bare(file, delimiter); // warm-up: JIT and page cache
      await ours(lib, inventory, file);
    }
    for (let i = 0; i < RUNS[key]; i++) {
      const ra = await time(() => bare(file, delimiter));
      const rb = await time(() => ours(lib, inventory, file));
      c.push(await time(() => barePapa(file, delimiter)));
      if (ra.rows !== rb.rows) throw new Error(`row counts differ: ${ra.rows} vs ${rb.rows}`);
      a.push(ra);
      b.push(rb);
      rows = rb.rows;
      findings = rb.findings;
    }
    const ma = median(a.map((r) => r.ms));
    const mbTime = median(b.map((r) => r.ms));
    const ratio = mbTime / ma;
    const cpuRatio = median(b.map((r) => r.cpuMs)) / median(a.map((r) => r.cpuMs));
    console.log(
      `\n  ${label}: ${fmt(rows)} rows, ${fmt(mb(size), 1)} MB, ${fmt(findings)} findings, ${RUNS[key]} runs`,
    );
    console.log(
      `    (a) bare csv-parse stream      ${fmt(ma)} ms  ${fmt(rows / (ma / 1000))} rows/s  ${fmt(mb(size) / (ma / 1000), 1)} MB/s`,
    );
    console.log(
      `    (b) readMetrics + join + eval  ${fmt(mbTime)} ms  ${fmt(rows / (mbTime / 1000))} rows/s  ${fmt(mb(size) / (mbTime / 1000), 1)} MB/s`,
    );
    const mc = median(c.map((r) => r.ms));
    console.log(
      `    (b)/(a) = ${ratio.toFixed(2)} wall-clock, ${cpuRatio.toFixed(2)} CPU time  (target ≤ ${TARGET_RATIO}) ${ratio <= TARGET_RATIO ? 'ok' : 'MISSED'}`,
    );
    console.log(
      `    for context: a bare papaparse stream (the parser the ingest uses) ${fmt(mc)} ms; (b) is ${(mbTime / mc).toFixed(2)}× that`,
    );
    results[key] = { rows, bytes: size, bareMs: ma, oursMs: mbTime, papaMs: mc, ratio, cpuRatio };
    if (key === 'long') {
      // The gap to an analytical engine: raw DuckDB (both cores) doing the same aggregation.
      const duck = rawDuckDb(file);
      console.log(
        `    (c) raw DuckDB GROUP BY        ${fmt(duck)} ms  (b)/(c) = ${(mbTime / duck).toFixed(2)}  (for context: no target)`,
      );
      results[key].duckdbMs = duck;
    }
  }
  const rss = {};
  for (const [label, file] of [
    ['100k', files.metrics100k],
    ['1M', files.metrics1m],
  ]) {
    rss[label] = { bare: peakRss('bare', file), ours: peakRss('ours', file) };
  }
  const loader = peakRss('loader', files.inventory10k);
  const growth = rss['1M'].ours / rss['100k'].ours;
  console.log('\n  Peak RSS (a fresh child process per figure)');
  console.log(
    `    (a) bare csv-parse             100k rows ${fmt(mb(rss['100k'].bare))} MB   1M rows ${fmt(mb(rss['1M'].bare))} MB`,
  );
  console.log(
    `    (b) readMetrics + join + eval  100k rows ${fmt(mb(rss['100k'].ours))} MB   1M rows ${fmt(mb(rss['1M'].ours))} MB`,
  );
  console.log(
    `    (b) 1M/100k = ${growth.toFixed(2)}  (target: flat, under 150 MB at 1M) ${growth < 1.2 && mb(rss['1M'].ours) < 150 ? 'ok' : 'MISSED'}`,
  );
  console.log(
    `    for context: loading the 10,000-touchpoint YAML inventory alone peaks at ${fmt(mb(loader))} MB`,
  );
  return { ...results, rss: { ...rss, loader } };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === '--child') await child(process.argv[3], process.argv[4]);
  else await run();
}
