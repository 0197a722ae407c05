// Analysis benchmark: timeline expansion plus the overlap rules (collision, density, redundant)
// and the silence rule, then the move suggestions for their collisions and density breaches, on generated inventories of 1,000 and 10,000 touchpoints with recurrences. Imports the built library
// from dist/ (`npm run build` first). Prints the median time of each size and their ratio:
// near-linear growth means the 10× inventory costs well under 20×.
//
// Shape of the generated data: a bigger inventory has more segments (one per 50 touchpoints),
// not more messages per customer — each segment keeps the touch density of a real, busy
// programme (several proactive touches a week). With a fixed segment count the number of
// colliding pairs, the rules' output, would itself grow quadratically.
import { fileURLToPath } from 'node:url';

const dist = new URL('../dist/', import.meta.url);
const SIZES = [1_000, 10_000];
const RUNS = 7;
const FILE = 'bench.yaml';

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same data. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHANNELS = ['email', 'in-app', 'phone', 'video-call', 'sms', 'webinar', 'survey'];
const STAGES = ['onboarding', 'adoption', 'retention', 'expansion', 'renewal'];
const EVERY = [undefined, undefined, 7, 14, 30, 30, 90];
const METRICS = ['open_rate', 'click_rate', 'attendance_rate', 'csat', 'nps', 'completion_rate'];
const VERBS = ['Guide', 'Walk', 'Help', 'Coach', 'Nudge', 'Support'];
const THINGS = ['feature', 'report', 'integration', 'workflow', 'dashboard', 'template'];

export function generateInventory(size, seed = 1) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const segmentCount = Math.max(3, Math.round(size / 50));
  const segments = Array.from({ length: segmentCount }, (_, i) => `segment-${i}`);
  const lifecycle = { 'contract-start': 0, 'go-live': 14, 'first-review': 90, renewal: 365 };
  const anchors = Object.keys(lifecycle);
  const touchpoints = [];
  for (let i = 0; i < size; i++) {
    const id = `tp-${String(i).padStart(5, '0')}`;
    const reach = 1 + Math.floor(next() * 3);
    const first = Math.floor(next() * segmentCount);
    const tpSegments = Array.from(
      { length: reach },
      (_, k) => segments[(first + k) % segmentCount],
    );
    const anchor = pick(anchors);
    const every = pick(EVERY);
    const at = anchor === 'renewal' ? -Math.floor(next() * 120) : Math.floor(next() * 60);
    const line = 10 + i * 12;
    const stage = pick(STAGES);
    touchpoints.push({
      id,
      name: id,
      stage,
      // Real purposes name specific things (a feature, a report), so most words are rare.
      purpose: `${pick(VERBS)} customers through ${pick(THINGS)} ${Math.floor(next() * size)} in the ${stage} stage.`,
      channel: pick(CHANNELS),
      owner: 'cs',
      segments: tpSegments,
      mode: 'proactive',
      transactional: next() < 0.05,
      timing: { kind: 'scheduled', anchor, at, ...(every === undefined ? {} : { every }) },
      metric: { name: pick(METRICS), target: { op: '>=', value: 0.4, text: '>= 0.4' } },
      location: { file: FILE, line, column: 5 },
      fields: { timing: { file: FILE, line: line + 5, column: 5 } },
    });
  }
  return {
    version: 1,
    name: `Generated ${size}`,
    journey: { stages: STAGES },
    segments,
    lifecycle,
    touchpoints,
    files: [FILE],
    locations: { journey: { file: FILE, line: 2, column: 1 } },
  };
}

async function load() {
  const [
    { defaultConfig },
    { expandTimeline },
    { runRules },
    { suggestMoves },
    collision,
    density,
    redundant,
    silence,
  ] = await Promise.all([
    import(new URL('config/config.js', dist).href),
    import(new URL('timeline/expand.js', dist).href),
    import(new URL('rules/engine.js', dist).href),
    import(new URL('rules/suggest-moves.js', dist).href),
    import(new URL('rules/overlap/collision.js', dist).href),
    import(new URL('rules/overlap/density.js', dist).href),
    import(new URL('rules/overlap/redundant.js', dist).href),
    import(new URL('rules/gap/silence.js', dist).href),
  ]);
  return {
    defaultConfig,
    expandTimeline,
    runRules,
    suggestMoves,
    rules: [collision.default, density.default, redundant.default, silence.default],
  };
}

function analyse(lib, inventory, config) {
  const timeline = lib.expandTimeline(inventory, config);
  const input = { inventory, config, timeline, asOf: '2026-11-01' };
  const found = lib.suggestMoves(lib.runRules(lib.rules, input, ['audit']), lib.rules, input);
  const findings = found.length;
  let occurrences = 0;
  for (const list of timeline.segments.values()) occurrences += list.length;
  return { occurrences, findings };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Runs the benchmark, prints one line per size and the ratio, and returns the numbers. */
export async function run({ log = console.log } = {}) {
  const lib = await load();
  const config = lib.defaultConfig();
  const results = [];
  for (const size of SIZES) {
    const inventory = generateInventory(size);
    let shape = analyse(lib, inventory, config); // warm-up
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      const started = process.hrtime.bigint();
      shape = analyse(lib, inventory, config);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    const ms = median(times);
    results.push({ size, ms, ...shape });
    log(
      `analysis ${size.toLocaleString('en-US')} touchpoints: ${ms.toFixed(1)} ms median of ${RUNS} ` +
        `(${shape.occurrences.toLocaleString('en-US')} segment occurrences, ${shape.findings.toLocaleString('en-US')} findings)`,
    );
  }
  const [small, large] = results;
  const ratio = large.ms / small.ms;
  log(
    `analysis ratio 10×/1×: ${ratio.toFixed(1)}× (target: well under 20×) — ${ratio < 20 ? 'ok' : 'TOO SLOW'}`,
  );
  return { results, ratio };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await run();
}
