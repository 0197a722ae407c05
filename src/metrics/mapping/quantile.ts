/**
 * Median and p90 in bounded memory. A group keeps its values exactly up to
 * {@link EXACT_VALUES}; past that it becomes a log-bucket histogram (the DDSketch method):
 * every positive value v falls in bucket ⌈log_γ v⌉ with γ = (1 + α) / (1 − α), so a quantile
 * read back from its bucket is within α = 0.5% of the true value, relative. Buckets are bounded
 * by the range of the values (about 2,800 between 0.001 and 10⁹), never by their number.
 */
export const EXACT_VALUES = 1024;
export const RELATIVE_ACCURACY = 0.005;

const GAMMA = (1 + RELATIVE_ACCURACY) / (1 - RELATIVE_ACCURACY);
const LOG_GAMMA = Math.log(GAMMA);
/** Values this close to zero count as zero (they have no useful log bucket). */
const MIN_MAGNITUDE = 1e-9;

function bucketOf(magnitude: number): number {
  return Math.ceil(Math.log(magnitude) / LOG_GAMMA);
}

function valueOf(bucket: number): number {
  return (2 * Math.pow(GAMMA, bucket)) / (GAMMA + 1);
}

export class QuantileSketch {
  count = 0;
  private exact: number[] | undefined = [];
  private positive = new Map<number, number>();
  private negative = new Map<number, number>();
  private zeros = 0;

  add(value: number): void {
    this.count++;
    if (this.exact !== undefined) {
      this.exact.push(value);
      if (this.exact.length <= EXACT_VALUES) return;
      const values = this.exact;
      this.exact = undefined;
      for (const v of values) this.bucket(v);
      return;
    }
    this.bucket(value);
  }

  /** Adds every value of `other` (which stays as it was). */
  merge(other: QuantileSketch): void {
    if (other.exact !== undefined) {
      for (const v of other.exact) this.add(v);
      return;
    }
    if (this.exact !== undefined) {
      const values = this.exact;
      this.exact = undefined;
      for (const v of values) this.bucket(v);
    }
    this.count += other.count;
    this.zeros += other.zeros;
    for (const [k, n] of other.positive) this.positive.set(k, (this.positive.get(k) ?? 0) + n);
    for (const [k, n] of other.negative) this.negative.set(k, (this.negative.get(k) ?? 0) + n);
  }

  private bucket(value: number): void {
    const magnitude = Math.abs(value);
    if (magnitude < MIN_MAGNITUDE) this.zeros++;
    else {
      const side = value > 0 ? this.positive : this.negative;
      const k = bucketOf(magnitude);
      side.set(k, (side.get(k) ?? 0) + 1);
    }
  }

  /**
   * The q-quantile (0.5 = median), undefined without values. Exact values interpolate linearly
   * between the two nearest ranks (as spreadsheets' PERCENTILE/MEDIAN do); a sketch returns its
   * rank's bucket value.
   */
  quantile(q: number): number | undefined {
    if (this.count === 0) return undefined;
    if (this.exact !== undefined) {
      const sorted = [...this.exact].sort((a, b) => a - b);
      const rank = q * (sorted.length - 1);
      const lo = Math.floor(rank);
      const low = sorted[lo] ?? 0;
      const high = sorted[Math.min(lo + 1, sorted.length - 1)] ?? low;
      return low + (high - low) * (rank - lo);
    }
    const target = Math.floor(q * (this.count - 1));
    let seen = 0;
    const negatives = [...this.negative].sort((a, b) => b[0] - a[0]);
    for (const [k, n] of negatives) {
      seen += n;
      if (seen > target) return -valueOf(k);
    }
    seen += this.zeros;
    if (seen > target) return 0;
    const positives = [...this.positive].sort((a, b) => a[0] - b[0]);
    for (const [k, n] of positives) {
      seen += n;
      if (seen > target) return valueOf(k);
    }
    const last = positives[positives.length - 1];
    return last === undefined ? 0 : valueOf(last[0]);
  }
}
