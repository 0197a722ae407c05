/** One stretch of the day axis, drawn linearly inside the width it was given. */
export interface ScalePiece {
  from: number;
  to: number;
  /** Where the piece starts and ends on the axis, as fractions 0–1 of its width. */
  start: number;
  end: number;
  /** Axis width per day here against a linear axis over the whole span (2 = drawn twice as wide). */
  zoom: number;
  kind: 'before-start' | 'onboarding' | 'early' | 'later';
}

export interface DayScale {
  min: number;
  max: number;
  pieces: ScalePiece[];
  /** Day → fraction 0–1 of the axis width; days outside [min, max] are clamped. */
  at(day: number): number;
}

/** Where the pieces break: day 0 (contract start), the end of onboarding, the first quarter. */
const BREAKS = [0, 30, 90];
const KINDS: ScalePiece['kind'][] = ['before-start', 'onboarding', 'early', 'later'];
/** A piece's least weight before the weights are scaled to fill the axis. */
const MIN_SHARE = 0.06;
/** How much of a piece's width follows its days; the rest follows its touches. */
const DAYS_WEIGHT = 0.3;

/**
 * The journey map's day axis: piecewise linear, broken at day 0, day 30 and day 90 (before
 * contract start, onboarding, the first quarter, later). Each piece's share of the width is
 * 30 % its share of the days and 70 % its share of the touches (weighed at least 0.06, so a
 * quiet stretch keeps about 6 % of the width), so the axis
 * zooms in where touches are dense — onboarding, usually — and still reads as days: inside a
 * piece every day is as wide as the next, and negative days stay left of day 0.
 */
export function dayScale(days: readonly number[], horizon: number): DayScale {
  const min = Math.min(0, ...days);
  const max = Math.max(1, horizon, ...days);
  const edges = [min, ...BREAKS.filter((b) => b > min && b < max), max];
  const spans: { from: number; to: number; kind: ScalePiece['kind']; touches: number }[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const from = edges[i] as number;
    const to = edges[i + 1] as number;
    const kind = KINDS[BREAKS.filter((b) => b <= from).length] ?? 'later';
    const last = i + 2 === edges.length;
    const touches = days.filter((d) => d >= from && (last ? d <= to : d < to)).length;
    spans.push({ from, to, kind, touches });
  }
  const totalDays = max - min;
  const totalTouches = days.length;
  const raw = spans.map((s) =>
    Math.max(
      MIN_SHARE,
      DAYS_WEIGHT * ((s.to - s.from) / totalDays) +
        (1 - DAYS_WEIGHT) *
          (totalTouches === 0 ? (s.to - s.from) / totalDays : s.touches / totalTouches),
    ),
  );
  const sum = raw.reduce((a, b) => a + b, 0);
  let start = 0;
  const pieces = spans.map((s, i): ScalePiece => {
    const share = (raw[i] as number) / sum;
    const piece = {
      from: s.from,
      to: s.to,
      start,
      end: start + share,
      zoom: Math.round((share / ((s.to - s.from) / totalDays)) * 10) / 10,
      kind: s.kind,
    };
    start += share;
    return piece;
  });
  const at = (day: number): number => {
    const d = Math.min(max, Math.max(min, day));
    // d <= max, the last piece's end: some piece always holds it.
    const piece = pieces.find((p) => d <= p.to) as ScalePiece;
    return piece.start + ((d - piece.from) / (piece.to - piece.from)) * (piece.end - piece.start);
  };
  return { min, max, pieces, at };
}

const STEPS = [1, 7, 14, 30, 60, 90, 180, 365, 730];

/**
 * Tick days for an axis `width` units wide: the piece edges always, and inside each piece the
 * multiples of the smallest step (1, 7, 14, 30, 60, 90, 180, 365, 730 days) that keeps ticks at
 * least `spacing` units apart, none closer than that to an edge.
 */
export function dayTicks(scale: DayScale, width: number, spacing: number): number[] {
  const edges = [scale.min, ...scale.pieces.map((p) => p.to)];
  const ticks = new Set<number>(edges);
  for (const p of scale.pieces) {
    const perDay = ((p.end - p.start) * width) / (p.to - p.from);
    const step = STEPS.find((s) => s * perDay >= spacing);
    if (step === undefined) continue;
    for (let day = Math.ceil(p.from / step) * step; day < p.to; day += step) {
      const near = edges.some((e) => Math.abs(scale.at(e) - scale.at(day)) * width < spacing);
      if (!near) ticks.add(day);
    }
  }
  // Edges closer than the spacing (a short piece) keep the later one, day 0 always.
  const sorted = [...ticks].sort((a, b) => a - b);
  const kept: number[] = [];
  for (const day of sorted) {
    const previous = kept.at(-1);
    if (previous !== undefined && (scale.at(day) - scale.at(previous)) * width < spacing) {
      if (previous === 0) continue;
      kept.pop();
    }
    kept.push(day);
  }
  return kept;
}
