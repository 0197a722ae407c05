/**
 * A deterministic synthetic event log, for tests and the benchmark: `accounts` accounts over
 * `days` days from `start`, each touched by the proactive `touchpoints` in turn every
 * `every` days (offset per account), with a seeded random source so runs are reproducible.
 */
export interface SyntheticLogOptions {
  accounts: number;
  days: number;
  /** First day, YYYY-MM-DD. */
  start: string;
  touchpoints: readonly string[];
  segments: readonly string[];
  every: number;
  seed?: number;
}

/** mulberry32: small, fast and good enough for test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const accountId = (index: number): string => `acct-${String(index).padStart(5, '0')}`;

/** Yields CSV lines (no header) `account_id,touchpoint_id,timestamp,segment`. */
export function* syntheticEvents(options: SyntheticLogOptions): Generator<string> {
  const random = seededRandom(options.seed ?? 1);
  const startMs = Date.parse(`${options.start}T00:00:00Z`);
  const { touchpoints, segments, every } = options;
  for (let a = 0; a < options.accounts; a++) {
    const account = accountId(a);
    const segment = segments[a % segments.length] ?? '';
    let day = Math.floor(random() * every);
    let n = a;
    while (day < options.days) {
      const touchpoint = touchpoints[n % touchpoints.length] ?? '';
      const hour = String(8 + Math.floor(random() * 10)).padStart(2, '0');
      const date = new Date(startMs + day * 86_400_000).toISOString().slice(0, 10);
      yield `${account},${touchpoint},${date}T${hour}:00:00Z,${segment}`;
      n++;
      day += every - 1 + Math.floor(random() * 3);
    }
  }
}
