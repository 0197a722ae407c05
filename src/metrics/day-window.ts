/** Days are stored plus this bias, so every bucket's day is positive and a zero bucket is empty. */
const DAY_BIAS = 0x80000000;
/** Per series and day: `[day + DAY_BIAS, a, b, rows]`. */
const SLOTS = 4;
/** Series per block: a block holds every day of the window for this many series. */
const BLOCK_SERIES = 256;
const BLOCK_SHIFT = 8;

/** One series' sums over the days of the window at or after a first day. */
export interface WindowSums {
  sumA: number;
  sumB: number;
  rows: number;
}

/**
 * Per-day buckets over the last `period` days, for every series that has dated values: a ring
 * per series, bucket `day % period`, a bucket holding an older day being outside the window.
 *
 * Stored bucket-major in blocks of {@link BLOCK_SERIES} series, not as one array per series:
 * exports are date-major (every touchpoint's row for one day, then the next day's), so
 * consecutive rows fill neighbouring buckets. With one array per series each row landed on
 * its own page: 20,000 series × 90 days missed the cache and the TLB on every row.
 */
export class DayWindows {
  private readonly blocks: Float64Array[] = [];
  private count = 0;

  constructor(private readonly period: number) {}

  /** A new series' index in the store. */
  allocate(): number {
    const index = this.count++;
    if (index >> BLOCK_SHIFT === this.blocks.length) {
      // Written through once, so a series' whole window is resident from its first value (as
      // a ring per series was): memory is series × period, not growing as days come in.
      this.blocks.push(new Float64Array(this.period * BLOCK_SERIES * SLOTS).fill(0));
    }
    return index;
  }

  /** The bucket of the last day asked for: rows come day by day, so most rows reuse it. */
  private lastDay = NaN;
  private lastBucket = 0;

  private offset(index: number, day: number): number {
    if (day !== this.lastDay) {
      // Day numbers are integers: `| 0` keeps the remainder an integer one, not a call to fmod.
      let k = (day | 0) % this.period;
      if (k < 0) k += this.period;
      this.lastDay = day;
      this.lastBucket = k * BLOCK_SERIES;
    }
    return (this.lastBucket + (index & (BLOCK_SERIES - 1))) * SLOTS;
  }

  /** Adds one value to a series' bucket for `day` (a day inside the window). */
  add(index: number, day: number, a: number, b: number): void {
    const block = this.blocks[index >> BLOCK_SHIFT];
    if (block === undefined) return;
    const j = this.offset(index, day);
    const tag = day + DAY_BIAS;
    if (block[j] === tag) {
      block[j + 1] = (block[j + 1] ?? 0) + a;
      block[j + 2] = (block[j + 2] ?? 0) + b;
      block[j + 3] = (block[j + 3] ?? 0) + 1;
    } else {
      // The bucket holds a day at least one period older: outside the window now.
      block[j] = tag;
      block[j + 1] = a;
      block[j + 2] = b;
      block[j + 3] = 1;
    }
  }

  /** Adds a series' buckets for days at or after `lo` to `sums`. */
  sum(index: number, lo: number, sums: WindowSums): void {
    const block = this.blocks[index >> BLOCK_SHIFT];
    if (block === undefined) return;
    const step = BLOCK_SERIES * SLOTS;
    const from = lo + DAY_BIAS;
    for (let j = this.offset(index, 0), k = 0; k < this.period; k++, j += step) {
      const tag = block[j] ?? 0;
      if (tag !== 0 && tag >= from) {
        sums.sumA += block[j + 1] ?? 0;
        sums.sumB += block[j + 2] ?? 0;
        sums.rows += block[j + 3] ?? 0;
      }
    }
  }
}
