import { readFileSync } from 'node:fs';

import AjvDraft04 from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';

import { fingerprint } from '../../src/baseline/fingerprint.js';
import { pathToUri, sarifReporter } from '../../src/reporters/sarif.js';
import { fixtureContext, fixtureReport } from '../fixtures/reporters/report.js';
import { expectGolden } from './golden.js';

// A CommonJS module: under NodeNext the default import is `module.exports`, whose `default` is the class.
const Ajv = AjvDraft04.default;
const addFormats = addFormatsModule.default;

const schema = JSON.parse(
  readFileSync(new URL('../fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8'),
) as object;

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId: string };
      region: Record<string, number>;
    };
  }[];
  partialFingerprints: Record<string, string>;
  suppressions?: { kind: string; justification: string }[];
  baselineState?: string;
}
interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; rules: { id: string }[] } };
    results: SarifResult[];
  }[];
}

const text = sarifReporter(fixtureReport, fixtureContext);
const log = JSON.parse(text) as SarifLog;
const run = log.runs[0];
const results = run?.results ?? [];

describe('sarif reporter', () => {
  it('matches the golden file and is byte-identical across runs', () => {
    expect(sarifReporter(fixtureReport, fixtureContext)).toBe(text);
    expectGolden('sarif', text);
  });

  it('is valid against the official SARIF 2.1.0 schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    // Checks the `uri`, `uri-reference` and `date-time` formats the schema uses, too.
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    // The validator is not vacuous: a log with a wrong version or level is rejected.
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
    const badLevel = JSON.parse(text) as SarifLog;
    if (badLevel.runs[0]?.results[0]) badLevel.runs[0].results[0].level = 'info';
    expect(validate(badLevel)).toBe(false);
    const badUri = JSON.parse(text) as SarifLog;
    const location = badUri.runs[0]?.results[0]?.locations[0];
    if (location) location.physicalLocation.artifactLocation.uri = 'metrics/cs export.csv';
    expect(validate(badUri)).toBe(false);
  });

  it('has one run whose rules are the catalogue sorted by id, and valid rule indexes', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const ids = run?.tool.driver.rules.map((r) => r.id) ?? [];
    expect(ids).toEqual(fixtureContext.rules.map((r) => r.id).sort());
    for (const result of results) expect(ids[result.ruleIndex]).toBe(result.ruleId);
  });

  it('maps severities to levels, paths to relative %-encoded URIs, and keeps regions', () => {
    const byRule = (rule: string) => results.find((r) => r.ruleId === rule);
    expect(byRule('gap/no-data')?.level).toBe('note');
    expect(byRule('overlap/collision')?.level).toBe('warning');
    expect(byRule('ownerless/missing-owner')?.level).toBe('error');
    expect(byRule('overlap/collision')?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'touchpoints.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 40, startColumn: 5, endLine: 52, endColumn: 1 },
    });
    expect(byRule('gap/below-target')?.locations[0]?.physicalLocation.artifactLocation.uri).toBe(
      'metrics/cs%20export.csv',
    );
    expect(byRule('metrics/bad-row')?.locations[0]?.physicalLocation.artifactLocation.uri).toBe(
      'metrics/hubspot%20%232.csv',
    );
    expect(byRule('gap/no-data')?.locations[0]?.physicalLocation.region).toEqual({
      startLine: 88,
      startColumn: 5,
      endLine: 88,
    });
  });

  it('fingerprints results like the baseline, suppresses waived ones, marks baselined ones', () => {
    const density = results.find((r) => r.ruleId === 'overlap/density');
    expect(density?.suppressions).toEqual([
      {
        kind: 'external',
        status: 'accepted',
        justification: 'Launch week is intentionally busy',
        properties: { expires: '2027-03-31' },
      },
    ]);
    expect(results.filter((r) => r.suppressions !== undefined)).toHaveLength(1);
    const collision = fixtureReport.findings.find((f) => f.rule === 'overlap/collision');
    expect(collision).toBeDefined();
    if (collision === undefined) return;
    expect(results.find((r) => r.ruleId === 'overlap/collision')?.partialFingerprints).toEqual({
      'touchpointFingerprint/v1': fingerprint(collision),
    });
    expect(results.find((r) => r.ruleId === 'metrics/bad-row')?.baselineState).toBe('unchanged');
    expect(results.find((r) => r.ruleId === 'gap/no-data')?.baselineState).toBe('new');
  });

  it('omits baselineState when no baseline was applied', () => {
    const withoutBaseline = { ...fixtureReport, baseline: undefined };
    const plain = JSON.parse(sarifReporter(withoutBaseline, fixtureContext)) as SarifLog;
    expect(plain.runs[0]?.results.some((r) => 'baselineState' in r)).toBe(false);
  });

  it.each([
    ['touchpoints.yaml', 'touchpoints.yaml'],
    ['inv/a b.yaml', 'inv/a%20b.yaml'],
    ['c:odd/#1?.csv', 'c%3Aodd/%231%3F.csv'],
    ['100%/é.yaml', '100%25/%C3%A9.yaml'],
    ["it's (v2).yaml", 'it%27s%20%28v2%29.yaml'],
  ])('encodes %s as %s', (path, uri) => {
    expect(pathToUri(path)).toBe(uri);
  });

  it('adds a placeholder rule for a finding whose rule is not in the catalogue', () => {
    const report = {
      ...fixtureReport,
      findings: [
        {
          rule: 'custom/thing',
          severity: 'info' as const,
          message: 'x',
          messageId: 'x',
          data: {},
          location: { file: 'a.yaml', line: 2, column: 3 },
        },
      ],
    };
    const out = JSON.parse(sarifReporter(report, { ...fixtureContext, rules: [] })) as SarifLog;
    expect(out.runs[0]?.tool.driver.rules).toEqual([
      expect.objectContaining({ id: 'custom/thing', name: 'CustomThing' }),
    ]);
    expect(out.runs[0]?.results[0]?.ruleIndex).toBe(0);
    expect(out.runs[0]?.results[0]?.level).toBe('note');
  });
});
