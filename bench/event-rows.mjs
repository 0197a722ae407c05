// Event-rows benchmark: a Zendesk-style ticket export (one row per ticket) read through a
// sources: mapping — a fixed touchpoint, the mean first reply time (minutes → hours) and the
// CSAT share of Good among Good + Bad, per tier — against a bare csv-parse pass over the same
// file. Prints the median wall-clock ratio and the peak RSS at 100k and 1M rows (each in a fresh
// child process): memory is bounded by touchpoint × metric × segment groups, not rows.
// Imports the built library from dist/ (`npm run build` first; TOUCHPOINT_DIST overrides).
import { createReadStream, createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'csv-parse';
import { DATA_DIR } from './generate.mjs';
import { median, peakRss as ingestPeakRss } from './ingest.mjs';

const dist = process.env.TOUCHPOINT_DIST
  ? pathToFileURL(`${process.env.TOUCHPOINT_DIST.replace(/\/?$/, '/')}`)
  : new URL('../dist/', import.meta.url);
const RUNS = 3;
const FILES = { '100k': `${DATA_DIR}tickets-100k.csv`, '1M': `${DATA_DIR}tickets-1m.csv` };
const ROWS = { '100k': 100_000, '1M': 1_000_000 };
const HEADER =
  'Id,Subject,Status,Priority,Requester,Organization,Group,Assignee,Tier [list],Created at,Solved at,Satisfaction Score,First reply time in minutes,Full resolution time in minutes,Tags';
const SCORES = ['Good', 'Good', 'Good', 'Bad', 'Offered', 'Unoffered'];
const TIERS = ['enterprise', 'smb', 'scale'];

const SOURCES = [
  {
    match: 'tickets-*.csv',
    touchpoint: { id: 'support-ticket' },
    date: 'Created at',
    segment: 'Tier [list]',
    metrics: [
      {
        metric: 'first_reply_hours',
        aggregate: { fn: 'mean', column: 'First reply time in minutes' },
        unit: 'minutes',
      },
      {
        metric: 'csat',
        aggregate: {
          fn: 'share',
          column: 'Satisfaction Score',
          where: { in: ['Good'], of: ['Good', 'Bad'] },
        },
      },
    ],
  },
];

async function generate(file, rows) {
  if (existsSync(file)) return;
  mkdirSync(DATA_DIR, { recursive: true });
  const out = createWriteStream(file);
  out.write(`${HEADER}\n`);
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (let i = 0; i < rows; i++) {
    const day = 1 + (i % 28);
    const tier = TIERS[i % 3];
    const line = `${1000 + i},Cannot log in,Solved,Normal,Ana P.,Acme,Support,Budi,${tier},2026-03-${String(day).padStart(2, '0')} 09:14:00,2026-03-${String(day).padStart(2, '0')} 17:00:00,${SCORES[next() % 6]},${next() % 2000},${next() % 9000},"login, web"\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function library() {
  const load = (path) => import(new URL(path, dist).href);
  const [{ readMetrics }, { defaultConfig }, { metricPeriodOrThrow }] = await Promise.all([
    load('metrics/read-metrics.js'),
    load('config/config.js'),
    load('metrics/period.js'),
  ]);
  return { readMetrics, defaultConfig, metricPeriodOrThrow };
}

function bare(file) {
  return new Promise((resolve, reject) => {
    const parser = parse({ bom: true });
    parser.on('data', () => {});
    parser.on('error', reject);
    parser.on('end', () => resolve({ rows: parser.info.records - 1 }));
    createReadStream(file).on('error', reject).pipe(parser);
  });
}

const inventory = {
  version: 1,
  journey: { stages: [] },
  segments: [],
  lifecycle: {},
  touchpoints: [
    {
      id: 'support-ticket',
      name: 'Support ticket',
      segments: [],
      mode: 'reactive',
      transactional: false,
      metric: { name: 'first_reply_hours', unit: 'hours' },
      location: { file: 'touchpoints.yaml', line: 1, column: 1 },
      fields: {},
    },
  ],
  files: [],
  locations: {},
};

async function ours(lib, file) {
  const config = { ...lib.defaultConfig(), sources: SOURCES };
  const period = lib.metricPeriodOrThrow({ days: 90, asOf: '2026-03-31' });
  const metrics = await lib.readMetrics([file], { config, inventory, period });
  const value = metrics.values.get('support-ticket\u0000first_reply_hours');
  if (value?.segments === undefined) throw new Error('no per-segment value');
  return { rows: metrics.stats.rows };
}

async function time(fn) {
  const started = performance.now();
  const result = await fn();
  return { ms: performance.now() - started, ...result };
}

const peakRss = (side, file) => ingestPeakRss(side, file, fileURLToPath(import.meta.url));

async function child(side, file) {
  if (side === 'bare') await bare(file);
  else await ours(await library(), file);
  process.stdout.write(JSON.stringify({ maxRss: process.resourceUsage().maxRSS * 1024 }));
}

const mb = (bytes) => bytes / 1024 / 1024;
const fmt = (n, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export async function run() {
  for (const [key, file] of Object.entries(FILES)) await generate(file, ROWS[key]);
  const lib = await library();
  const file = FILES['1M'];
  await bare(file); // warm-up: JIT and page cache
  await ours(lib, file);
  const a = [];
  const b = [];
  for (let i = 0; i < RUNS; i++) {
    const ra = await time(() => bare(file));
    const rb = await time(() => ours(lib, file));
    if (ra.rows !== rb.rows) throw new Error(`row counts differ: ${ra.rows} vs ${rb.rows}`);
    a.push(ra.ms);
    b.push(rb.ms);
  }
  const ma = median(a);
  const mbTime = median(b);
  console.log(
    `\nEvent rows — 1M ticket rows (${fmt(mb(statSync(file).size), 1)} MB) through a sources: mapping: mean (minutes → hours) and share, per tier; medians of ${RUNS} interleaved runs`,
  );
  console.log(
    `    (a) bare csv-parse stream        ${fmt(ma)} ms  ${fmt(1e6 / (ma / 1000))} rows/s`,
  );
  console.log(
    `    (b) readMetrics, mapped rows     ${fmt(mbTime)} ms  ${fmt(1e6 / (mbTime / 1000))} rows/s`,
  );
  console.log(`    (b)/(a) = ${(mbTime / ma).toFixed(2)} wall-clock`);
  const rss = {};
  for (const key of ['100k', '1M'])
    rss[key] = { bare: peakRss('bare', FILES[key]), ours: peakRss('ours', FILES[key]) };
  const growth = rss['1M'].ours / rss['100k'].ours;
  console.log(
    `    peak RSS (b): 100k rows ${fmt(mb(rss['100k'].ours))} MB, 1M rows ${fmt(mb(rss['1M'].ours))} MB; 1M/100k = ${growth.toFixed(2)} (target: flat) ${growth < 1.2 ? 'ok' : 'MISSED'}`,
  );
  return { bareMs: ma, oursMs: mbTime, ratio: mbTime / ma, rss };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === '--child') await child(process.argv[3], process.argv[4]);
  else await run();
}
