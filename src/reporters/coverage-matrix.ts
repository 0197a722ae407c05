import type { AuditReport } from '../report.js';

export interface CoverageCell {
  /** Touchpoint ids in this stage and channel, in scorecard order. */
  touchpoints: string[];
  /** Mean touchpoint score, or null for an empty cell. */
  mean: number | null;
}

/** Stage × channel coverage: `cells[stageIndex][channelIndex]`. */
export interface CoverageMatrix {
  stages: string[];
  channels: string[];
  cells: CoverageCell[][];
  /** Touchpoints left out: no stage or channel, or one the run does not know. */
  outside: string[];
  /**
   * Stages with no touchpoint at all, whatever its channel: the only gaps. A stage whose one
   * touchpoint has no channel has an empty row but is no gap.
   */
  gaps: string[];
}

/**
 * Builds the stage × channel matrix from `report.scores.touchpoints`. Rows are every journey
 * stage (empty stages included: they are the gaps), columns only the known channels in use, in
 * the inventory's channel order. A touchpoint whose stage or channel is missing or unknown
 * never becomes a row or column of its own: it is listed in `outside`.
 */
export function coverageMatrix(report: AuditReport): CoverageMatrix {
  const stages = [...report.inventory.stages];
  const known = report.inventory.channels;
  const inside: typeof touchpoints = [];
  const outside: string[] = [];
  const touchpoints = report.scores?.touchpoints ?? [];
  for (const t of touchpoints) {
    if (
      t.stage !== undefined &&
      stages.includes(t.stage) &&
      t.channel !== undefined &&
      known.includes(t.channel)
    )
      inside.push(t);
    else outside.push(t.id);
  }
  const used = new Set(inside.map((t) => t.channel));
  const channels = known.filter((c) => used.has(c));
  const cells = stages.map((stage) =>
    channels.map((channel) => {
      const inCell = inside.filter((t) => t.stage === stage && t.channel === channel);
      const mean =
        inCell.length === 0 ? null : inCell.reduce((sum, t) => sum + t.score, 0) / inCell.length;
      return { touchpoints: inCell.map((t) => t.id), mean };
    }),
  );
  const staged = new Set(touchpoints.map((t) => t.stage));
  const gaps = stages.filter((stage) => !staged.has(stage));
  return { stages, channels, cells, outside, gaps };
}
