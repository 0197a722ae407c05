import { chmodSync, cpSync, mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectGolden, ROOT, runCli } from './run-cli.js';

/** A copy of examples/b2b-saas as `<tmp>/repo`, and a stand-in Chromium at `<tmp>/bin/chromium`. */
function project(): { tmp: string; repo: string; chromium: string } {
  const tmp = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'tp-doctor-')));
  const repo = path.join(tmp, 'repo');
  cpSync(path.join(ROOT, 'examples/b2b-saas'), repo, { recursive: true });
  mkdirSync(path.join(tmp, 'bin'));
  const chromium = path.join(tmp, 'bin/chromium');
  writeFileSync(chromium, '#!/bin/sh\n');
  chmodSync(chromium, 0o755);
  return { tmp, repo, chromium };
}

const PLATFORM = `${process.platform} ${process.arch} (${os.type()} ${os.release()})`;

describe('touchpoint doctor (binary)', () => {
  it('prints what it found for a bug report: config, inputs, Node, Chromium, locale', () => {
    const { tmp, repo, chromium } = project();
    const env = { CHROMIUM_PATH: chromium, LANG: 'id_ID.UTF-8', TZ: 'Asia/Jakarta', CI: 'true' };
    // Wide, so that how long this machine's temporary directory is decides no line break.
    // --lang en: the locale environment (LANG says id) would word it in Indonesian.
    const result = runCli(['doctor', '--lang', 'en'], {
      cwd: repo,
      env: { ...env, COLUMNS: '200' },
    });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`(Node ${process.version})\n`);
    expect(result.stdout).toContain(PLATFORM);
    // The golden masks the tool's and Node's versions itself.
    expectGolden(
      result.stdout.replaceAll(tmp, '<tmp>').replace(PLATFORM, '<platform>'),
      'doctor-b2b-saas.txt',
    );
  });

  it('words it in Bahasa Indonesia when the locale environment says id, or with --lang id', () => {
    const { tmp, repo, chromium } = project();
    const env = {
      CHROMIUM_PATH: chromium,
      LANG: 'id_ID.UTF-8',
      TZ: 'Asia/Jakarta',
      COLUMNS: '200',
    };
    const result = runCli(['doctor'], { cwd: repo, env });
    expect([result.status, result.stderr]).toEqual([0, '']);
    expectGolden(
      result.stdout.replaceAll(tmp, '<tmp>').replace(PLATFORM, '<platform>'),
      'doctor-b2b-saas.id.txt',
    );
    const flag = runCli(['doctor', '--lang', 'id'], { cwd: repo, env: { ...env, LANG: 'C' } });
    expect(flag.stdout.split('\n').slice(2, 5)).toEqual([
      `direktori:    ${repo}`,
      'konfigurasi:  touchpoint.config.yaml (ditemukan dari folder inventaris ke atas)',
      '              locale: tidak diatur',
    ]);
    const json = runCli(['doctor', '-f', 'json', '--lang', 'id'], { cwd: repo, env });
    expect(JSON.parse(json.stdout)).toMatchObject({
      config: { file: 'touchpoint.config.yaml', via: 'found' },
      chromium: { found: true, via: 'CHROMIUM_PATH' },
    });
  });

  it('reports the same as JSON, and inputs that cannot be used instead of failing', () => {
    const { repo, chromium } = project();
    const result = runCli(
      ['doctor', 'touchpoints.yaml', '-m', 'exports/*.csv', '-c', 'none.yaml', '-f', 'json'],
      { cwd: repo, env: { CHROMIUM_PATH: chromium } },
    );
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      tool: { name: 'touchpoint-audit' },
      runtime: { node: process.version, platform: process.platform, arch: process.arch },
      cwd: repo,
      config: {
        file: 'none.yaml',
        via: 'option',
        problem: 'none.yaml: cannot read the config file (ENOENT)',
      },
      inventories: { files: ['touchpoints.yaml'] },
      metrics: { files: [], problem: 'exports/*.csv: matches no metric exports (*.csv)' },
      chromium: { found: true, path: chromium, via: 'CHROMIUM_PATH' },
      env: { CHROMIUM_PATH: chromium },
    });
  });

  it('rejects an unknown format as a usage error', () => {
    const result = runCli(['doctor', '-f', 'xml']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      "error: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are text, json.",
    );
  });
});
