import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLoaded } from '../../src/audit.js';
import { loadConfig } from '../../src/config/load-config.js';
import { initProject, SCAFFOLD_FILES, TEMPLATE_NAMES } from '../../src/init/init.js';
import { loadInventory } from '../../src/inventory/load-inventory.js';
import { readMetrics } from '../../src/metrics/read-metrics.js';
import { metricKey } from '../../src/metrics/types.js';
import { validateInventory } from '../../src/validate.js';

const TODAY = '2027-03-01';

let work: string;
beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'touchpoint-scaffold-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

// DESIGN §6: a scaffold validates clean, and `touchpoint audit` then works with no arguments.
describe.each(TEMPLATE_NAMES)('a fresh %s scaffold', (template) => {
  it('validates with no findings', async () => {
    await initProject(work, { template, force: false, today: TODAY });
    const config = await loadConfig(path.join(work, 'touchpoint.config.yaml'));

    const loaded = await loadInventory(['touchpoints.yaml'], { cwd: work });

    expect(validateInventory(loaded, { config, asOf: TODAY })).toEqual([]);
  });

  it('passes every audit rule with its sample metrics, which are fresh and complete', async () => {
    await initProject(work, { template, force: false, today: TODAY });
    const config = await loadConfig(path.join(work, 'touchpoint.config.yaml'));
    const loaded = await loadInventory(['touchpoints.yaml'], { cwd: work });
    const { inventory } = loaded;

    const metrics = await readMetrics([path.join(work, SCAFFOLD_FILES[2] ?? '')], {
      config,
      inventory,
    });
    const report = auditLoaded({ loaded, metrics, config, asOf: TODAY });

    expect(report.findings).toEqual([]);
    expect(metrics.asOf).toBe(TODAY);
    expect(metrics.stats.bad).toBe(0);
    for (const touchpoint of inventory.touchpoints) {
      const name = touchpoint.metric?.name ?? '';
      expect(metrics.values.get(metricKey(touchpoint.id, name))?.rows, touchpoint.id).toBe(2);
    }
  });
});
