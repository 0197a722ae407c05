import { describe, expect, it } from 'vitest';

import type { AuditReport, TouchpointScore } from '../../src/report.js';
import { coverageMatrix } from '../../src/reporters/coverage-matrix.js';
import { fixtureReport } from '../fixtures/reporters/report.js';

function tp(id: string, score: number, stage?: string, channel?: string): TouchpointScore {
  return {
    id,
    name: id,
    stage,
    channel,
    segments: [],
    score,
    grade: 'C',
    provisional: false,
    level: 1,
    pillars: { documentation: 1, evidence: 1, performance: 1, hygiene: 1 },
    pillarPoints: { documentation: 25, evidence: 25, performance: 35, hygiene: 15 },
    components: [],
    findings: { error: 0, warning: 0, info: 0 },
    waived: 0,
  };
}

describe('coverageMatrix', () => {
  it('keeps every journey stage, only known channels in use in inventory order, and means', () => {
    const report: AuditReport = {
      ...fixtureReport,
      inventory: {
        ...fixtureReport.inventory,
        stages: ['awareness', 'purchase'],
        channels: ['sms', 'email', 'chat'],
      },
      scores: {
        ...(fixtureReport.scores ?? { stages: [], owners: [], channels: [], segments: [] }),
        touchpoints: [
          tp('a', 80, 'purchase', 'email'),
          tp('b', 71, 'purchase', 'email'),
          tp('c', 40, 'purchase', 'sms'),
          tp('d', 90, 'loyalty', 'carrier-pigeon'),
          tp('e', 10),
        ],
      },
    };
    // A typo'd stage or channel never becomes a row or a column: it is listed apart.
    expect(coverageMatrix(report)).toEqual({
      stages: ['awareness', 'purchase'],
      channels: ['sms', 'email'],
      cells: [
        [
          { touchpoints: [], mean: null },
          { touchpoints: [], mean: null },
        ],
        [
          { touchpoints: ['c'], mean: 40 },
          { touchpoints: ['a', 'b'], mean: 75.5 },
        ],
      ],
      outside: ['d', 'e'],
      gaps: ['awareness'],
    });
  });

  it('marks as gaps only stages with no touchpoint at all, whatever their channel', () => {
    const report: AuditReport = {
      ...fixtureReport,
      inventory: {
        ...fixtureReport.inventory,
        stages: ['awareness', 'purchase', 'renewal'],
        channels: ['email'],
      },
      scores: {
        ...(fixtureReport.scores ?? { stages: [], owners: [], channels: [], segments: [] }),
        touchpoints: [tp('a', 80, 'purchase', 'email'), tp('b', 60, 'awareness')],
      },
    };
    const matrix = coverageMatrix(report);
    // awareness has an empty row (its one touchpoint has no channel) and is no gap.
    expect(matrix.cells[0]).toEqual([{ touchpoints: [], mean: null }]);
    expect(matrix.outside).toEqual(['b']);
    expect(matrix.gaps).toEqual(['renewal']);
  });
});
