import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AjvModule from 'ajv';
import { describe, expect, it } from 'vitest';
import { entry, HEADER } from '../helpers/validate-text.js';
import { expectGolden, ROOT, runCli } from './run-cli.js';

/** The start of every ANSI colour sequence. */
const ESC = '\u001b[';
const DEFECTS = 'test/fixtures/inventory/defects.yaml';

describe('touchpoint validate (binary)', () => {
  it('reports the b2b-saas example as JSON, byte-identical to the golden file, exit 1', () => {
    // SOURCE_DATE_EPOCH stands in for the clock (2026-11-15 00:00 UTC), so the golden holds.
    const env = { SOURCE_DATE_EPOCH: '1794700800' };
    const result = runCli(['validate', 'examples/b2b-saas', '-f', 'json'], { env });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("touchpoint: failed: 4 findings at or above 'error'\n");
    expectGolden(result.stdout, 'validate-b2b-saas.json');
    const validateReport = new AjvModule.default({
      allErrors: true,
      allowUnionTypes: true,
    }).compile(
      JSON.parse(readFileSync(path.join(ROOT, 'schemas/report.schema.json'), 'utf8')) as object,
    );
    expect(validateReport(JSON.parse(result.stdout)), JSON.stringify(validateReport.errors)).toBe(
      true,
    );
    expect(runCli(['validate', 'examples/b2b-saas', '-f', 'json'], { env }).stdout).toBe(
      result.stdout,
    );
  });

  it('gives one finding per defect in a hand-written inventory, at the offending line', () => {
    const result = runCli(['validate', DEFECTS, '-f', 'json']);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as {
      findings: { rule: string; touchpoint?: string; location: { line: number } }[];
    };
    expect(
      report.findings.map((f) => `${f.location.line} ${f.rule} ${f.touchpoint ?? ''}`),
    ).toEqual([
      '11 schema/invalid no-purpose',
      '22 schema/unknown-key unknown-key',
      '25 schema/duplicate-id unknown-key',
      '33 schema/unknown-reference bad-stage',
      '44 schema/unknown-reference bad-anchor',
      '48 schema/vague-purpose vague',
      '58 schema/invalid bad-duration',
      '63 schema/unknown-reference bad-channel',
      '72 schema/unknown-reference bad-segment',
      '81 schema/invalid no-metric-target',
      '87 schema/invalid mixed-timing',
      '89 ownerless/missing-owner no-owner',
      '99 ownerless/unknown-owner unknown-owner',
      '102 schema/invalid no-timing',
      '113 schema/invalid wrong-type',
    ]);
  });

  it('prints a readable table without colour in a pipe', () => {
    const result = runCli(['validate', DEFECTS]);
    expect(result.status).toBe(1);
    expect(result.stdout).not.toContain(ESC);
    expect(result.stdout).toContain('15 errors, 0 warnings, 0 info (ownerless 2, schema 13)');
    expect(result.stdout).toContain(
      "  22:5      error     unknown key 'ownr' in touchpoint 'unknown-key'",
    );
    expect(result.stdout.split('\n').every((line) => line.length <= 100)).toBe(true);
  });

  it('colours with --color always and FORCE_COLOR, never with NO_COLOR', () => {
    expect(runCli(['validate', DEFECTS, '--color', 'always']).stdout).toContain(`${ESC}31merror`);
    expect(runCli(['validate', DEFECTS], { env: { FORCE_COLOR: '1' } }).stdout).toContain(ESC);
    expect(
      runCli(['validate', DEFECTS], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout,
    ).not.toContain(ESC);
  });

  it('passes with --fail-on never, and fails on warnings with --fail-on warning', () => {
    expect(runCli(['validate', DEFECTS, '--fail-on', 'never']).status).toBe(0);
    const clean = runCli(['validate', 'test/fixtures/inventory/valid.yaml', '--fail-on', 'info']);
    expect(clean.status).toBe(0);
    expect(clean.stdout).toContain('No problems found.');
  });

  it('reads touchpoints.yaml in the current directory by default, and - from stdin', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tp-e2e-'));
    writeFileSync(path.join(dir, 'touchpoints.yaml'), HEADER + entry());
    const byDefault = runCli(['validate', '-f', 'json'], { cwd: dir });
    expect(byDefault.status).toBe(0);
    expect(JSON.parse(byDefault.stdout)).toMatchObject({
      inventory: { files: ['touchpoints.yaml'], touchpoints: 1 },
      findings: [],
    });
    const fromStdin = runCli(['validate', '-', '-f', 'json'], {
      cwd: dir,
      input: `${HEADER}${entry({ purpose: 'TBD' })}`,
    });
    expect(fromStdin.status).toBe(1);
    expect(JSON.parse(fromStdin.stdout)).toMatchObject({
      findings: [
        { rule: 'schema/vague-purpose', location: { file: '<stdin>', line: 10, column: 5 } },
      ],
    });
  });

  it('writes the report to -o FILE and nothing to stdout', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tp-e2e-'));
    const out = path.join(dir, 'report.json');
    const result = runCli(['validate', DEFECTS, '-f', 'json', '-o', out]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({
      command: 'validate',
      summary: { findings: { error: 15 } },
    });
  });

  const cannotRun: [string, string[], string][] = [
    [
      'a missing file',
      ['validate', 'nope.yaml'],
      'touchpoint: nope.yaml: no such file or directory\n',
    ],
    [
      'a glob matching nothing',
      ['validate', 'inventories/**/*.yaml'],
      'touchpoint: inventories/**/*.yaml: matches no inventory files (*.yaml, *.yml)\n',
    ],
    [
      'an unknown format',
      ['validate', DEFECTS, '-f', 'pdf'],
      "error: option '-f, --format <format[=file]>' argument 'pdf' is invalid. unknown format 'pdf' (choose from ",
    ],
    [
      'a bad --fail-on',
      ['validate', DEFECTS, '--fail-on', 'sometimes'],
      "error: option '--fail-on <severity>' argument 'sometimes' is invalid.",
    ],
    [
      'an unknown option',
      ['validate', DEFECTS, '--frobnicate'],
      "error: unknown option '--frobnicate'",
    ],
    [
      'a missing config',
      ['validate', DEFECTS, '-c', 'none.yaml'],
      'touchpoint: none.yaml: cannot read the config file (ENOENT)\n',
    ],
  ];
  for (const [name, args, stderr] of cannotRun) {
    it(`exits 2 on ${name}, with a one-line message and no stack trace`, () => {
      const result = runCli(args);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.startsWith(stderr)).toBe(true);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it('exits 2 on an invalid config, naming the position', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tp-e2e-'));
    writeFileSync(path.join(dir, 'touchpoints.yaml'), HEADER + entry());
    writeFileSync(path.join(dir, 'touchpoint.config.yaml'), 'period: soon\n');
    const result = runCli(['validate'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      "touchpoint: invalid config\ntouchpoint.config.yaml:1:9: period of the config is 'soon', which is not valid: use an integer and a unit such as 3d, -90d, 2w, 3mo, 1y, 4h, or P3M\n",
    );
  });

  it('prints the merged config with --print-config', () => {
    const result = runCli(['validate', 'examples/b2b-saas', '--print-config']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      file: 'examples/b2b-saas/touchpoint.config.yaml',
      collisionWindow: { default: 1 },
    });
  });

  it('lists rules, explains one and prints schemas', () => {
    const rules = runCli(['rules', '-f', 'json']);
    expect(rules.status).toBe(0);
    expect((JSON.parse(rules.stdout) as { id: string }[]).map((r) => r.id)).toContain(
      'overlap/collision',
    );
    const explain = runCli(['explain', 'schema/vague-purpose']);
    expect(explain.status).toBe(0);
    expect(explain.stdout).toContain('schema/vague-purpose (default severity: error)');
    expect(explain.stdout).toContain('How to fix it');
    expect(explain.stdout).toContain(
      "  placeholder: purpose of touchpoint '{{touchpoint}}' is a placeholder ('{{purpose}}'): write a\n    sentence saying what it is for\n",
    );
    const unknown = runCli(['explain', 'schema/vage-purpose']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe(
      "touchpoint: unknown rule 'schema/vage-purpose' — did you mean 'schema/vague-purpose'? (touchpoint rules lists them)\n",
    );
    const schema = runCli(['schema', 'inventory']);
    expect(JSON.parse(schema.stdout)).toEqual(
      JSON.parse(readFileSync(path.join(ROOT, 'schemas/inventory.schema.json'), 'utf8')),
    );
  });
});
