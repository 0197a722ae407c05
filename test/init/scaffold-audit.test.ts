import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import { loadConfig } from '../../src/config/load-config.js';
import { initProject, TEMPLATE_NAMES } from '../../src/init/init.js';
import { loadInventory } from '../../src/inventory/load-inventory.js';
import { validateInventory } from '../../src/validate.js';

const TODAY = '2027-03-01';

let work: string;
beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'touchpoint-scaffold-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

// DESIGN §6: a scaffold validates clean and `touchpoint audit` then works with no arguments.
describe.each(TEMPLATE_NAMES)('a fresh %s scaffold', (template) => {
  it('validates with no findings', async () => {
    await initProject(work, { template, force: false, today: TODAY });
    const config = await loadConfig(path.join(work, 'touchpoint.config.yaml'));

    const loaded = await loadInventory(['touchpoints.yaml'], { cwd: work });

    expect(validateInventory(loaded, { config, asOf: TODAY })).toEqual([]);
  });

  it('audits with its sample metrics with no findings', async () => {
    await initProject(work, { template, force: false, today: TODAY });
    const config = await loadConfig(path.join(work, 'touchpoint.config.yaml'));

    const report = await audit({
      inventory: ['touchpoints.yaml'],
      metrics: ['metrics'],
      config,
      cwd: work,
      asOf: TODAY,
    });

    expect(report.findings).toEqual([]);
    expect(report.summary.findings).toEqual({
      error: 0,
      warning: 0,
      info: 0,
      waived: 0,
      baselined: 0,
    });
  });
});
