import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diagnose } from '../../src/doctor/diagnose.js';
import type { DoctorInput } from '../../src/doctor/diagnose.js';
import { userErrorMessage } from '../../src/rules/loader-findings.js';

const root = mkdtempSync(path.join(tmpdir(), 'tp-doctor-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

function write(relative: string, text: string, mode = 0o644): string {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  chmodSync(file, mode);
  return file;
}

const RUNTIME = { node: 'v20.20.0', platform: 'linux', arch: 'x64', os: 'Linux 6.1.0' };
const intl = Intl.DateTimeFormat().resolvedOptions();
const LOCALE = { intl: intl.locale, timeZone: intl.timeZone };

// A project with an inventory, a config naming a locale and a waivers file, two metric
// exports beside the inventory, an event log; a Chromium on a private PATH.
write('project/touchpoints.yaml', 'version: 1\n');
write('project/touchpoint.config.yaml', 'locale: id-ID\nwaivers: waivers.yaml\n');
write('project/waivers.yaml', 'waivers: []\n');
write('project/metrics/email.csv', 'touchpoint_id,metric,value\n');
write('project/metrics/crm.csv', 'touchpoint_id,metric,value\n');
write('project/events/2026.csv', 'account_id,touchpoint_id,date\n');
const chromium = write('bin/chromium', '#!/bin/sh\n', 0o755);
const project = path.join(root, 'project');

const input = (overrides: Partial<DoctorInput>): DoctorInput => ({
  cwd: project,
  env: {},
  runtime: RUNTIME,
  errorMessage: userErrorMessage,
  ...overrides,
});

describe('diagnose', () => {
  it('reports what a run in the project directory would use', async () => {
    const env = {
      PATH: path.join(root, 'bin'),
      LANG: 'id_ID.UTF-8',
      CI: 'true',
      HOME: '/home/someone',
    };
    expect(await diagnose(input({ env, events: ['events'] }))).toEqual({
      version: 1,
      tool: { name: 'touchpoint-audit', version: '0.1.0' },
      runtime: RUNTIME,
      cwd: project,
      config: {
        file: 'touchpoint.config.yaml',
        via: 'found',
        locale: 'id-ID',
        waivers: 'waivers.yaml',
      },
      inventories: { inputs: ['touchpoints.yaml'], defaulted: true, files: ['touchpoints.yaml'] },
      metrics: {
        inputs: ['metrics'],
        defaulted: true,
        files: ['metrics/crm.csv', 'metrics/email.csv'],
      },
      events: { inputs: ['events'], defaulted: false, files: ['events/2026.csv'] },
      chromium: { found: true, path: chromium, via: 'PATH' },
      locale: LOCALE,
      // HOME is not one of the variables the tool reads: left out.
      env: { LANG: 'id_ID.UTF-8', CI: 'true' },
    });
  });

  it('finds the config upward from an inventory given from elsewhere, and metrics beside it', async () => {
    const found = await diagnose(input({ cwd: root, inventory: ['project/touchpoints.yaml'] }));
    expect(found.config).toEqual({
      file: 'project/touchpoint.config.yaml',
      via: 'found',
      locale: 'id-ID',
      waivers: 'waivers.yaml',
    });
    expect(found.inventories).toEqual({
      inputs: ['project/touchpoints.yaml'],
      defaulted: false,
      files: ['project/touchpoints.yaml'],
    });
    expect(found.metrics.files).toEqual(['project/metrics/crm.csv', 'project/metrics/email.csv']);
    // -m replaces the default.
    const given = await diagnose(input({ metrics: ['metrics/email.csv'] }));
    expect(given.metrics).toEqual({
      inputs: ['metrics/email.csv'],
      defaulted: false,
      files: ['metrics/email.csv'],
    });
  });

  it('reports files that cannot be used as problems, one line each as a run would say it', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'tp-doctor-empty-'));
    try {
      const found = await diagnose(
        input({
          cwd: empty,
          metrics: ['exports/*.csv'],
          events: ['missing.csv'],
          env: { CHROMIUM_PATH: '/nowhere/chromium' },
        }),
      );
      expect(found.config).toEqual({ file: null, via: 'none' });
      expect(found.inventories).toEqual({
        inputs: ['touchpoints.yaml'],
        defaulted: true,
        files: [],
        problem: 'touchpoints.yaml: no such file or directory',
      });
      expect(found.metrics).toEqual({
        inputs: ['exports/*.csv'],
        defaulted: false,
        files: [],
        problem: 'exports/*.csv: matches no metric exports (*.csv)',
      });
      expect(found.events.problem).toBe('missing.csv: no such file or directory');
      expect(found.chromium).toEqual({
        found: false,
        via: 'CHROMIUM_PATH',
        tried: ['/nowhere/chromium'],
        searched: 'CHROMIUM_PATH=/nowhere/chromium (not an executable file)',
      });
      // No inventory, so no metrics/ beside it: no metric inputs at all.
      expect((await diagnose(input({ cwd: empty }))).metrics).toEqual({
        inputs: [],
        defaulted: true,
        files: [],
      });
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('reports a config that does not load with its position, and a missing -c file', async () => {
    write('broken/touchpoint.config.yaml', 'period: 90d\nunknwn: 1\n');
    write('broken/touchpoints.yaml', 'version: 1\n');
    const broken = await diagnose(input({ cwd: path.join(root, 'broken') }));
    expect(broken.config).toEqual({
      file: 'touchpoint.config.yaml',
      via: 'found',
      problem:
        "invalid config\ntouchpoint.config.yaml:2:1: unknown key 'unknwn' in the config (custom data goes under meta:)",
    });
    expect((await diagnose(input({ config: 'other.yaml' }))).config).toEqual({
      file: 'other.yaml',
      via: 'option',
      problem: 'other.yaml: cannot read the config file (ENOENT)',
    });
  });
});
