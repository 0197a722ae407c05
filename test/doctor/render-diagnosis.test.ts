import { describe, expect, it } from 'vitest';
import type { Diagnosis } from '../../src/doctor/diagnose.js';
import { renderDiagnosis } from '../../src/doctor/render-diagnosis.js';

const NOTHING_FOUND: Diagnosis = {
  version: 1,
  tool: { name: 'touchpoint-audit', version: '0.1.0' },
  runtime: { node: 'v24.11.1', platform: 'darwin', arch: 'arm64', os: 'Darwin 24.1.0' },
  cwd: '/Users/ana/audit',
  config: {
    file: 'touchpoint.config.yaml',
    via: 'found',
    problem: "invalid config\ntouchpoint.config.yaml:2:1: unknown key 'unknwn' in the config",
  },
  inventories: {
    inputs: ['touchpoints.yaml'],
    defaulted: true,
    files: [],
    problem: 'touchpoints.yaml: no such file or directory',
  },
  metrics: { inputs: [], defaulted: true, files: [] },
  events: { inputs: [], defaulted: false, files: [] },
  chromium: { found: false, searched: 'chromium, chromium-browser on PATH; CHROMIUM_PATH unset' },
  locale: { intl: 'en-GB', timeZone: 'Europe/London' },
  env: {},
};

describe('renderDiagnosis', () => {
  it('shows problems with the message a run would print, and what was not found', () => {
    expect(renderDiagnosis(NOTHING_FOUND, 'text')).toBe(
      [
        'touchpoint-audit 0.1.0 (Node v24.11.1)',
        'platform:     darwin arm64 (Darwin 24.1.0)',
        'directory:    /Users/ana/audit',
        'config:       touchpoint.config.yaml (found upward from the inventory): cannot be used',
        '              invalid config',
        "              touchpoint.config.yaml:2:1: unknown key 'unknwn' in the config",
        'inventories:  touchpoints.yaml: no such file or directory',
        'metrics:      none (no -m, and no metrics/ beside the inventory)',
        'events:       none (--events not given)',
        'chromium:     not found (searched chromium, chromium-browser on PATH; CHROMIUM_PATH unset); only',
        "                the HTML report's browser test needs it",
        'locale:       en-GB, time zone Europe/London',
        'environment:  none of the variables the tool reads is set',
        '',
      ].join('\n'),
    );
  });

  it('prints JSON that reads back as the same diagnosis', () => {
    const text = renderDiagnosis(NOTHING_FOUND, 'json');
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(NOTHING_FOUND);
  });
});
