import type { AuditReport } from '../report.js';

import { NO_CHANNEL, NO_STAGE } from '../report.js';

export { NO_CHANNEL, NO_STAGE };

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
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Builds the stage × channel matrix from `report.scores.touchpoints`. Rows are every journey
 * stage (empty stages included: they are the gaps), columns only the channels in use, in the
 * inventory's channel order.
 */
export function coverageMatrix(report: AuditReport): CoverageMatrix {
  const touchpoints = report.scores?.touchpoints ?? [];
  const stages = [...report.inventory.stages];
  const extraStages = new Set<string>();
  const used = new Set<string>();
  for (const t of touchpoints) {
    const stage = t.stage ?? NO_STAGE;
    if (!stages.includes(stage)) extraStages.add(stage);
    used.add(t.channel ?? NO_CHANNEL);
  }
  const known = report.inventory.channels.filter((c) => used.has(c));
  const unknown = [...used].filter((c) => !known.includes(c) && c !== NO_CHANNEL).sort(byText);
  const channels = [...known, ...unknown, ...(used.has(NO_CHANNEL) ? [NO_CHANNEL] : [])];
  const extra = [...extraStages].filter((s) => s !== NO_STAGE).sort(byText);
  stages.push(...extra, ...(extraStages.has(NO_STAGE) ? [NO_STAGE] : []));

  const cells = stages.map((stage) =>
    channels.map((channel) => {
      const inCell = touchpoints.filter(
        (t) => (t.stage ?? NO_STAGE) === stage && (t.channel ?? NO_CHANNEL) === channel,
      );
      const mean =
        inCell.length === 0 ? null : inCell.reduce((sum, t) => sum + t.score, 0) / inCell.length;
      return { touchpoints: inCell.map((t) => t.id), mean };
    }),
  );
  return { stages, channels, cells };
}
