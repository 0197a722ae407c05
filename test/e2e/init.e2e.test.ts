import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const WROTE = [
  'wrote touchpoints.yaml',
  'wrote touchpoint.config.yaml',
  'wrote metrics/sample.csv',
  'next: touchpoint validate && touchpoint audit',
  '',
].join('\n');

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'tp-init-'));
}

/** Every file under `dir`, relative, sorted. */
function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

interface Report {
  inventory: { files: string[]; touchpoints: number; stages: string[] };
  metrics?: { files: { file: string }[]; rows: number };
  summary: { grade: string; findings: Record<string, number> };
  findings: unknown[];
}

describe('touchpoint init (binary)', () => {
  it('scaffolds three files that validate clean and audit with no arguments', () => {
    const dir = tempDir();
    const init = runCli(['init'], { cwd: dir });
    expect(init.status).toBe(0);
    expect(init.stdout).toBe('');
    expect(init.stderr).toBe(WROTE);
    expect(filesIn(dir)).toEqual([
      'metrics/sample.csv',
      'touchpoint.config.yaml',
      'touchpoints.yaml',
    ]);
    expect(readFileSync(path.join(dir, 'touchpoints.yaml'), 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=./node_modules/touchpoint-audit/schemas/inventory.schema.json',
    );

    const validate = runCli(['validate'], { cwd: dir });
    expect(validate.status).toBe(0);
    expect(validate.stderr).toBe('');
    expect(validate.stdout).toContain('No problems found.');

    const audit = runCli(['audit'], { cwd: dir });
    expect(audit.status).toBe(0);
    expect(audit.stderr).toBe('');

    const json = runCli(['audit', '-f', 'json', '--fail-on', 'info'], { cwd: dir });
    expect(json.status).toBe(0);
    const report = JSON.parse(json.stdout) as Report;
    expect(report.inventory.files).toEqual(['touchpoints.yaml']);
    expect(report.inventory.touchpoints).toBe(10);
    expect(report.metrics).toMatchObject({ files: [{ file: 'metrics/sample.csv' }], rows: 20 });
    expect(report.findings).toEqual([]);
    expect(report.summary.grade).toBe('A');
  });

  it('refuses to overwrite, naming every existing file, and writes nothing', () => {
    const dir = tempDir();
    expect(runCli(['init'], { cwd: dir }).status).toBe(0);
    const inventory = path.join(dir, 'touchpoints.yaml');
    writeFileSync(inventory, '# mine\n');
    const again = runCli(['init'], { cwd: dir });
    expect(again.status).toBe(2);
    expect(again.stdout).toBe('');
    const files = ['touchpoints.yaml', 'touchpoint.config.yaml', 'metrics/sample.csv'];
    expect(again.stderr).toBe(
      `touchpoint: ${files.map((f) => path.join(dir, f)).join(', ')} already exist; use --force to overwrite (nothing was written)\n`,
    );
    expect(readFileSync(inventory, 'utf8')).toBe('# mine\n');

    const forced = runCli(['init', '--force'], { cwd: dir });
    expect(forced.status).toBe(0);
    expect(forced.stderr).toBe(WROTE);
    expect(readFileSync(inventory, 'utf8')).not.toBe('# mine\n');
    expect(runCli(['validate'], { cwd: dir }).status).toBe(0);
    // No temp file is left behind by the atomic writes.
    expect(filesIn(dir)).toEqual([
      'metrics/sample.csv',
      'touchpoint.config.yaml',
      'touchpoints.yaml',
    ]);
  });

  it('says what it wrote in Bahasa Indonesia with --lang id or the locale environment', () => {
    const dir = tempDir();
    const init = runCli(['init', 'shop', '--lang', 'id'], { cwd: dir });
    expect([init.status, init.stderr]).toEqual([
      0,
      [
        'ditulis: shop/touchpoints.yaml',
        'ditulis: shop/touchpoint.config.yaml',
        'ditulis: shop/metrics/sample.csv',
        'selanjutnya: touchpoint validate shop && touchpoint audit shop',
        '',
      ].join('\n'),
    ]);
    const again = runCli(['init', 'shop'], { cwd: dir, env: { LANG: 'id_ID.UTF-8' } });
    expect([again.status, again.stderr]).toEqual([
      2,
      `touchpoint: ${['touchpoints.yaml', 'touchpoint.config.yaml', 'metrics/sample.csv'].map((f) => path.join(dir, 'shop', f)).join(', ')} sudah ada; pakai --force untuk menimpanya (belum ada yang ditulis)\n`,
    ]);
  });

  it('names only the one scaffold file that exists', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'touchpoint.config.yaml'), 'rules: {}\n');
    const result = runCli(['init'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `touchpoint: ${path.join(dir, 'touchpoint.config.yaml')} already exists; use --force to overwrite (nothing was written)\n`,
    );
    expect(filesIn(dir)).toEqual(['touchpoint.config.yaml']);
  });

  it('--template b2c into a new directory: a B2C journey that validates and audits', () => {
    const dir = tempDir();
    const init = runCli(['init', 'shop', '--template', 'b2c'], { cwd: dir });
    expect(init.status).toBe(0);
    expect(init.stderr).toBe(
      [
        'wrote shop/touchpoints.yaml',
        'wrote shop/touchpoint.config.yaml',
        'wrote shop/metrics/sample.csv',
        'next: touchpoint validate shop && touchpoint audit shop',
        '',
      ].join('\n'),
    );
    expect(runCli(['validate', 'shop'], { cwd: dir }).status).toBe(0);
    const audit = runCli(['audit', 'shop', '-f', 'json', '--fail-on', 'info'], { cwd: dir });
    expect(audit.status).toBe(0);
    const report = JSON.parse(audit.stdout) as Report;
    expect(report.inventory.stages).toEqual([
      'awareness',
      'consideration',
      'purchase',
      'post-purchase',
      'loyalty',
    ]);
    expect(report.metrics?.files.map((f) => f.file)).toEqual(['shop/metrics/sample.csv']);
    expect(report.findings).toEqual([]);
  });

  it('exits 2 on an unknown template and creates nothing', () => {
    const dir = tempDir();
    const result = runCli(['init', 'shop', '--template', 'b2b'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe("touchpoint: unknown template 'b2b' (choose b2b-saas or b2c)\n");
    expect(existsSync(path.join(dir, 'shop'))).toBe(false);
  });
});
