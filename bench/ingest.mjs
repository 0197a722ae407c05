// Metric-ingest benchmark. Compares, on the generated long-format exports:
//   (a) a bare csv-parse stream over the file (array rows, nothing done per row), and
//   (b) our full ingest: readMetrics (sniffing, parsing, aliases, per-touchpoint aggregation over
//       the latest 90 days) joined to the 10,000-touchpoint inventory, plus the evaluation rules
//       gap/no-data, gap/below-target, gap/stale-data and gap/undocumented-touchpoint.
// Prints medians of several interleaved runs (rows/s, MB/s, (b)/(a)) and the peak RSS of each side
// at 100k and 1M rows, measured in a fresh child process so one run's heap does not hide another's.
// Imports the built library from dist/ (`npm run build` first; TOUCHPOINT_DIST overrides).
import { execFileSync } from 'node:child_process';
import { createReadStream, statSync } from 'node:fs';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { parse } from 'csv-parse';
import { files, run as generate } from './generate.mjs';

const dist = process.env.TOUCHPOINT_DIST
  ? pathToFileURL(`${process.env.TOUCHPOINT_DIST.replace(/\/?$/, '/')}`)
  : new URL('../dist/', import.meta.url);
const RUNS = 5;
const TARGET_RATIO = 1.5;
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

function bare(file, delimiter) {
  return new Promise((resolve, reject) => {
    const parser = parse({ delimiter, bom: true });
    parser.on('data', () => {});
    parser.on('error', reject);
    parser.on('end', () => resolve({ rows: parser.info.records - 1 }));
    createReadStream(file).on('error', reject).pipe(parser);
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

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

async function time(fn) {
  const started = performance.now();
  const result = await fn();
  return { ms: performance.now() - started, ...result };
}

/** Peak RSS of one run in a fresh process. */
function peakRss(side, file) {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', side, file], {
    env: process.env,
    encoding: 'utf8',
  });
  return JSON.parse(out).maxRss;
}

async function child(side, file) {
  if (side === 'bare') {
    await bare(file, file.endsWith('-eu.csv') ? ';' : ',');
  } else {
    const lib = await library();
    const { inventory } = await lib.loadInventory([files.inventory10k]);
    await ours(lib, inventory, file);
  }
  process.stdout.write(JSON.stringify({ maxRss: process.resourceUsage().maxRSS * 1024 }));
}

const mb = (bytes) => bytes / 1024 / 1024;
const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export async function run() {
  await generate({ quiet: true });
  const lib = await library();
  const { inventory } = await lib.loadInventory([files.inventory10k]);
  console.log(`\nMetric ingest — ${inventory.touchpoints.length.toLocaleString('en-US')} touchpoints, medians of ${RUNS} runs`);
  const results = {};
  const cases = [
    ['1M rows, long, `,`', files.metrics1m, ','],
    ['1M rows, `;` + decimal comma + DD/MM/YYYY + CRLF + BOM', files.metricsEu, ';'],
  ];
  for (const [label, file, delimiter] of cases) {
    const size = statSync(file).size;
    const a = [];
    const b = [];
    let rows = 0;
    let findings = 0;
    await bare(file, delimiter); // warm-up: JIT and page cache
    await ours(lib, inventory, file);
    for (let i = 0; i < RUNS; i++) {
      const ra = await time(() => bare(file, delimiter));
      const rb = await time(() => ours(lib, inventory, file));
      if (ra.rows !== rb.rows) throw new Error(`row counts differ: ${ra.rows} vs ${rb.rows}`);
      a.push(ra.ms);
      b.push(rb.ms);
      rows = rb.rows;
      findings = rb.findings;
    }
    const ma = median(a);
    const mbTime = median(b);
    const ratio = mbTime / ma;
    console.log(`\n  ${label}: ${fmt(rows)} rows, ${fmt(mb(size), 1)} MB, ${fmt(findings)} findings`);
    console.log(`    (a) bare csv-parse stream     ${fmt(ma)} ms  ${fmt(rows / (ma / 1000))} rows/s  ${fmt(mb(size) / (ma / 1000), 1)} MB/s`);
    console.log(`    (b) readMetrics + join + eval ${fmt(mbTime)} ms  ${fmt(rows / (mbTime / 1000))} rows/s  ${fmt(mb(size) / (mbTime / 1000), 1)} MB/s`);
    console.log(`    (b)/(a) = ${ratio.toFixed(2)}  (target ≤ ${TARGET_RATIO}) ${ratio <= TARGET_RATIO ? 'ok' : 'MISSED'}`);
    results[file.endsWith('-eu.csv') ? 'eu' : 'long'] = { rows, bytes: size, bareMs: ma, oursMs: mbTime, ratio };
  }
  const rss = {};
  for (const [label, file] of [
    ['100k', files.metrics100k],
    ['1M', files.metrics1m],
  ]) {
    rss[label] = { bare: peakRss('bare', file), ours: peakRss('ours', file) };
  }
  console.log('\n  Peak RSS (fresh child process per run)');
  console.log(`    (a) bare csv-parse    100k rows ${fmt(mb(rss['100k'].bare))} MB   1M rows ${fmt(mb(rss['1M'].bare))} MB`);
  console.log(`    (b) ours, 10k-touchpoint inventory loaded  100k rows ${fmt(mb(rss['100k'].ours))} MB   1M rows ${fmt(mb(rss['1M'].ours))} MB`);
  const growth = rss['1M'].ours / rss['100k'].ours;
  console.log(`    (b) 1M/100k = ${growth.toFixed(2)}  (target: flat, and under 150 MB at 1M) ${growth < 1.25 && mb(rss['1M'].ours) < 150 ? 'ok' : 'MISSED'}`);
  return { ...results, rss };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === '--child') await child(process.argv[3], process.argv[4]);
  else await run();
}
