import { describe, expect, it } from 'vitest';
import { createLocale } from '../../src/i18n/locale.js';
import type { Diagnosis } from '../../src/report.js';
import { renderDiagnosis } from '../../src/reporters/diagnosis.js';

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
  chromium: {
    found: false,
    via: 'PATH',
    tried: ['chromium', 'chromium-browser'],
    searched: 'chromium, chromium-browser on PATH; CHROMIUM_PATH unset',
  },
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

  it('words everything in Bahasa Indonesia with --lang id; the problems are as the run words them', () => {
    expect(renderDiagnosis(NOTHING_FOUND, 'text', 100, createLocale('id'))).toBe(
      [
        'touchpoint-audit 0.1.0 (Node v24.11.1)',
        'platform:     darwin arm64 (Darwin 24.1.0)',
        'direktori:    /Users/ana/audit',
        'konfigurasi:  touchpoint.config.yaml (ditemukan dari folder inventaris ke atas): tidak bisa',
        '                dipakai',
        '              invalid config',
        "              touchpoint.config.yaml:2:1: unknown key 'unknwn' in the config",
        'inventaris:   touchpoints.yaml: no such file or directory',
        'metrik:       tidak ada (tanpa -m, dan tidak ada metrics/ di samping inventaris)',
        'event:        tidak ada (--events tidak diberikan)',
        'chromium:     tidak ditemukan (dicari: chromium, chromium-browser di PATH; CHROMIUM_PATH tidak',
        '                diatur); hanya uji browser laporan HTML yang memerlukannya',
        'locale:       en-GB, zona waktu Europe/London',
        'lingkungan:   tidak satu pun variabel yang dibaca tool ini diatur',
        '',
      ].join('\n'),
    );
  });

  it('a usable config from -c, defaults found, a CHROMIUM_PATH that is no program, in both languages', () => {
    const found: Diagnosis = {
      ...NOTHING_FOUND,
      config: { file: 'ci.yaml', via: 'option', locale: 'id-ID', waivers: 'waivers.yaml' },
      inventories: { inputs: ['touchpoints.yaml'], defaulted: true, files: ['touchpoints.yaml'] },
      metrics: { inputs: ['metrics'], defaulted: true, files: ['metrics/a.csv'] },
      chromium: {
        found: false,
        via: 'CHROMIUM_PATH',
        tried: ['/opt/chrome'],
        searched: 'CHROMIUM_PATH=/opt/chrome (not an executable file)',
      },
      env: { CHROMIUM_PATH: '/opt/chrome' },
    };
    const lines = (text: string) => text.split('\n').slice(3, 12);
    expect(lines(renderDiagnosis(found, 'text'))).toEqual([
      'config:       ci.yaml (from -c)',
      '              locale: id-ID; waivers: waivers.yaml',
      'inventories:  touchpoints.yaml',
      '              (default: touchpoints.yaml in the current directory)',
      'metrics:      metrics/a.csv',
      '              (default: metrics/ beside the inventory)',
      'events:       none (--events not given)',
      'chromium:     not found (searched CHROMIUM_PATH=/opt/chrome (not an executable file)); only the',
      "                HTML report's browser test needs it",
    ]);
    expect(lines(renderDiagnosis(found, 'text', 100, createLocale('id')))).toEqual([
      'konfigurasi:  ci.yaml (dari -c)',
      '              locale: id-ID; waivers: waivers.yaml',
      'inventaris:   touchpoints.yaml',
      '              (bawaan: touchpoints.yaml di direktori saat ini)',
      'metrik:       metrics/a.csv',
      '              (bawaan: metrics/ di samping inventaris)',
      'event:        tidak ada (--events tidak diberikan)',
      'chromium:     tidak ditemukan (dicari: CHROMIUM_PATH=/opt/chrome (bukan file yang bisa',
      '                dijalankan)); hanya uji browser laporan HTML yang memerlukannya',
    ]);
    const configNone = renderDiagnosis(
      { ...found, config: { file: null, via: 'none' } },
      'text',
      100,
      createLocale('id'),
    );
    expect(configNone.split('\n')[3]).toBe(
      'konfigurasi:  tidak ada (pengaturan bawaan; tidak ditemukan dari folder inventaris ke atas)',
    );
  });

  it('prints JSON that reads back as the same diagnosis, English whatever the language', () => {
    expect(renderDiagnosis(NOTHING_FOUND, 'json', 100, createLocale('id'))).toBe(
      renderDiagnosis(NOTHING_FOUND, 'json'),
    );

    const text = renderDiagnosis(NOTHING_FOUND, 'json');
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(NOTHING_FOUND);
  });
});
