import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import { loadConfig } from '../../src/config/load-config.js';

const DIR = path.resolve(import.meta.dirname, '../fixtures/hostile/prototype-keys');

describe('user keys that are Object.prototype names', () => {
  it('toString, constructor, valueOf and hasOwnProperty work as ids, stages, segments, anchors, owners and metrics', async () => {
    const config = await loadConfig(path.join(DIR, 'touchpoint.config.yaml'));
    const report = await audit({
      inventory: ['touchpoints.yaml'],
      metrics: ['metrics.csv'],
      config,
      cwd: DIR,
      asOf: '2026-11-15',
    });
    expect(report.findings.map((f) => `${f.location.line} ${f.rule} ${f.message}`)).toEqual([
      '4 gap/undocumented-touchpoint hasOwnProperty appears in the metric exports (1 row) but not in the inventory',
      "2 gap/empty-stage stage 'constructor' has no touchpoint for segment 'valueOf'",
      "2 gap/empty-stage stage 'toString' has no touchpoint for segment 'hasOwnProperty'",
      '20 gap/silence valueOf hears nothing proactive for 336 days, from day 29 to day 365 (limit 45 days)',
      '21 gap/no-data toString has no rows in the metric exports (expected metric open_rate)',
      '30 gap/silence hasOwnProperty hears nothing proactive for 333 days, from day 32 to day 365 (limit 45 days)',
    ]);
    // `until: constructor` is the lifecycle event (day 30), not Object.prototype.constructor.
    expect(report.timeline?.segments).toEqual([
      {
        id: 'valueOf',
        occurrences: [1, 8, 15, 22, 29].map((day) => ({ touchpoint: 'toString', day })),
      },
      { id: 'hasOwnProperty', occurrences: [{ touchpoint: 'constructor', day: 32 }] },
    ]);
    expect(report.scores?.touchpoints.map((t) => [t.id, t.score])).toEqual([
      ['constructor', 100],
      ['toString', 61.5],
    ]);
  });
});
