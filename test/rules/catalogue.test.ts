import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/load-config.js';
import { FindingsError } from '../../src/errors.js';
import { parseInventoryTexts } from '../../src/inventory/load-inventory.js';
import { findRule, RULES } from '../../src/rules/index.js';
import { renderLoaderFindings } from '../../src/rules/loader-findings.js';
import type { Finding } from '../../src/types.js';
import { decodeText } from '../../src/yaml/yaml-source.js';
import { entry, HEADER } from '../helpers/validate-text.js';
import { RULE_FAMILIES, ruleFamily } from '../../src/shared/rule-family.js';
import { isKnownFormat, templateFormats, templateKeys } from '../../src/rules/message.js';
import viteConfig from '../../vitest.config.js';
import { ruleFileProblem, ruleOfTestFile } from './produced-findings.js';

const root = path.resolve(import.meta.dirname, '../..');

describe('rule catalogue', () => {
  it('has unique ids', () => {
    const ids = RULES.map((rule) => rule.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has exactly the families RULE_FAMILIES lists, and every folder is one', () => {
    const used = new Set(RULES.map((rule) => ruleFamily(rule.meta.id)));
    const folders = readdirSync(path.join(root, 'src/rules')).filter((entry) =>
      statSync(path.join(root, 'src/rules', entry)).isDirectory(),
    );
    const listed = RULE_FAMILIES.map((family) => family.id);
    expect([...used].sort()).toEqual([...listed].sort());
    expect(folders.sort()).toEqual([...listed].sort());
  });

  it('includes every rule file under src/rules/<family>/', () => {
    const registered = RULES.map((rule) => rule.meta.id);
    const unregistered = readdirSync(path.join(root, 'src/rules'))
      .filter((family) => statSync(path.join(root, 'src/rules', family)).isDirectory())
      .flatMap((family) =>
        readdirSync(path.join(root, 'src/rules', family)).map(
          (f) => `${family}/${f.replace(/\.ts$/, '')}`,
        ),
      )
      .filter(
        (id) =>
          readFileSync(path.join(root, 'src/rules', `${id}.ts`), 'utf8').includes('defineRule(') &&
          !registered.includes(id),
      );
    expect(unregistered).toEqual([]);
  });

  for (const rule of RULES) {
    const { meta } = rule;
    describe(meta.id, () => {
      it('lives in the file its id names', () => {
        expect(existsSync(path.join(root, 'src/rules', `${meta.id}.ts`))).toBe(true);
      });
      it('is documented: description, rationale and fix', () => {
        expect(meta.description.length).toBeGreaterThan(20);
        expect(meta.rationale.length).toBeGreaterThan(20);
        expect(meta.fix.length).toBeGreaterThan(10);
        expect(['error', 'warning', 'info']).toContain(meta.defaultSeverity);
      });
      it('has message templates with ids in camelCase and only known formats', () => {
        const entries = Object.entries(meta.messages);
        expect(entries.length).toBeGreaterThan(0);
        for (const [messageId, template] of entries) {
          expect(messageId).toMatch(/^[a-z][A-Za-z0-9]*$/);
          expect(template.trim()).not.toBe('');
          expect(templateFormats(template).filter((name) => !isKnownFormat(name))).toEqual([]);
          // Every {{ opened is a placeholder the renderer understands.
          expect(template.split('{{').length - 1).toBe(templateKeys(template).length);
        }
      });
      // The file's findings are checked when it runs: test/setup/rule-file-check.ts fails it
      // unless one of its tests made this rule report a finding.
      it(`has its own test file, test/rules/${meta.id}.test.ts`, () => {
        const file = path.join(root, 'test/rules', `${meta.id}.test.ts`);
        expect(existsSync(file)).toBe(true);
        expect(ruleOfTestFile(file)).toBe(meta.id);
      });
    });
  }
});

describe('hygiene weights', () => {
  it('are the overlap rules’, a quarter of the pillar each', () => {
    const weighted = RULES.filter((rule) => rule.meta.hygiene !== undefined).map((rule) => [
      rule.meta.id,
      rule.meta.hygiene,
    ]);
    expect(weighted).toEqual([
      ['overlap/collision', 0.25],
      ['overlap/density', 0.25],
      ['overlap/redundant', 0.25],
    ]);
  });
});

describe('the check that a rule’s own test file produces its findings', () => {
  it('runs after every test file', () => {
    expect(viteConfig.test?.setupFiles).toContain('test/setup/rule-file-check.ts');
  });

  it('fails a rule test file that produced none of its rule’s findings', () => {
    const file = path.join(root, 'test/rules/overlap/collision.test.ts');
    expect(ruleFileProblem(file, new Set(['overlap/density']))).toBe(
      'test/rules/overlap/collision.test.ts ran, but none of its tests made rule overlap/collision report a finding: run the rule through a harness (runRule) or wrap the findings in recordFindings()',
    );
    expect(ruleFileProblem(file, new Set(['overlap/collision']))).toBeUndefined();
  });

  it('holds only the files at test/rules/<family>/<name>.test.ts to it', () => {
    expect(ruleOfTestFile(path.join(root, 'test/rules/engine.test.ts'))).toBeUndefined();
    expect(ruleOfTestFile(path.join(root, 'test/inventory/validation.test.ts'))).toBeUndefined();
    expect(ruleFileProblem(path.join(root, 'test/rules/catalogue.test.ts'), new Set())).toBe(
      undefined,
    );
  });
});

/**
 * The schema family's findings are made by the pipeline stages, not by rule checks: each stage
 * hands over a message id and facts, and the pipeline words them from the rule's templates.
 */
describe('schema findings made outside the rules', () => {
  const LOADER_RULES = [
    'schema/syntax',
    'schema/unknown-key',
    'schema/invalid',
    'schema/duplicate-id',
  ];
  const messagesOf = (id: string): Readonly<Record<string, string>> =>
    findRule(id)?.meta.messages ?? {};

  /** The raw (unworded) findings of an inventory text, a config text or a file's bytes. */
  function inventoryFindings(...texts: string[]): Finding[] {
    return parseInventoryTexts(texts.map((text, i) => ({ file: `f${String(i)}.yaml`, text })))
      .findings;
  }
  function configFindings(text: string): Finding[] {
    try {
      parseConfigText(text, 'c.yaml');
    } catch (error) {
      if (error instanceof FindingsError) return [...error.findings];
      throw error;
    }
    return [];
  }

  const tp = (fields: Record<string, string>): string => HEADER + entry(fields);
  const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]']
    .concat(
      ['b', 'c', 'd', 'e', 'f', 'g'].map(
        (name, i) =>
          `${name}: ${name === 'g' ? '' : `&${name} `}[${Array(10)
            .fill(`*${'abcdef'[i] ?? ''}`)
            .join(', ')}]`,
      ),
    )
    .join('\n');
  const threeSegments = HEADER.replace('[enterprise, smb]', '[enterprise, smb, startup]');
  const CASES: Finding[] = [
    decodeText(new Uint8Array([0x61, 0]), 'bin.yaml').finding,
    decodeText(new Uint8Array([0x61, 0xff]), 'latin.yaml').finding,
  ]
    .filter((finding): finding is Finding => finding !== undefined)
    .concat(
      inventoryFindings('version: 1\nlifecycle:\n\tgo-live: 14d\n'),
      inventoryFindings('version: 1\njourney: b2c\njourney: b2c\n'),
      inventoryFindings('version: 1\ntouchpoints: [a, b\n'),
      inventoryFindings(''),
      inventoryFindings(bomb),
      inventoryFindings(`version: 1\nmeta: ${'['.repeat(100)}${']'.repeat(100)}\n`),
      inventoryFindings('- a list\n'),
      inventoryFindings('versoin: 1\nzzqx: 1\n'),
      inventoryFindings(tp({ metric: '{ name: m, target: ">= 0.4", unit: ratio, zzqx: 1 }' })),
      inventoryFindings(tp({ metric: '{ name: m, target: ">= 0.4", unti: ratio }' })),
      inventoryFindings(tp({ metric: '{ name: m, target: "<= 1h" }' })),
      inventoryFindings(tp({ metric: '{ name: m, target: "<= 1h", unit: ratio }' })),
      inventoryFindings(tp({ metric: '{ target: ">= 0.4" }' })),
      inventoryFindings(tp({ metric: '{ name: m, target: high }' })),
      inventoryFindings(tp({ metric: '{ name: m, target: { enterprise: high } }' })),
      inventoryFindings(tp({ purpose: '' })),
      inventoryFindings(tp({ timing: '{ trigger: ticket, sla: 4h, at: 1d }' })),
      inventoryFindings(tp({ timing: '{ continuous: true, at: 1d }' })),
      inventoryFindings(tp({ timing: '{ anchor: go-live, at: 1d, sla: 4h }' })),
      inventoryFindings(tp({ timing: '{ trigger: ticket, sla: soon }' })),
      inventoryFindings(tp({ timing: '{ anchor: go-live, at: soon }' })),
      inventoryFindings(tp({ timing: '{ anchor: go-live, at: 200y }' })),
      inventoryFindings(tp({ timing: '{ anchor: go-live, at: 3d..2d }' })),
      inventoryFindings(tp({ id: '"a b"' })),
      inventoryFindings(tp({ mode: 'proactiv' })),
      inventoryFindings(tp({ mode: 'zzzzzzzz' })),
      inventoryFindings(tp({ excludes: '[x, x]' })),
      inventoryFindings(HEADER.replace('version: 1', 'version: 2')),
      inventoryFindings(HEADER.replace('journey: b2b-saas', 'journey: 5')),
      inventoryFindings(HEADER.replace('renewal: 365d', 'renewal: 200y')),
      inventoryFindings(HEADER.replace('  - id: cs', '  - id: cs\n    capacity: -1')),
      inventoryFindings(HEADER.replace('  - id: cs', '  - id: cs\n  - id: cs')),
      inventoryFindings(
        HEADER.replace('[enterprise, smb]', '[{ id: enterprise, lifecycle: { go-live: 200y } }]'),
      ),
      inventoryFindings('version: 1\ntouchpoints: 5\n'),
      inventoryFindings('version: 1\ntouchpoints:\n'),
      inventoryFindings(tp({}) + entry({})),
      inventoryFindings(tp({}), 'version: 1\njourney: b2c\n'),
      inventoryFindings(
        tp({
          segments: '[enterprise, smb]',
          timing: '{ enterprise: { anchor: go-live, at: 1d } }',
        }),
      ),
      inventoryFindings(
        threeSegments +
          entry({
            segments: '[enterprise, smb, startup]',
            timing: '{ enterprise: { anchor: go-live, at: 1d } }',
          }),
      ),
      configFindings('- a\n'),
      configFindings('horizon: 200y\n'),
      configFindings('ignore:\n  - "[ab]*x*y*z*"\n'),
      configFindings('rules: [\n'),
    );

  it('hand over a message id their rule has a template for, never the old `text`', () => {
    for (const id of LOADER_RULES) expect(Object.keys(messagesOf(id))).not.toContain('text');
    const unknown = CASES.filter(
      (finding) => !Object.hasOwn(messagesOf(finding.rule), finding.messageId),
    ).map((finding) => `${finding.rule} ${finding.messageId}`);
    expect(unknown).toEqual([]);
    expect(CASES.every((finding) => finding.message === '')).toBe(true);
    for (const finding of renderLoaderFindings(CASES)) expect(finding.message).not.toBe('');
  });

  it('reach every template of the family', () => {
    // Guarded by the schema itself (an empty glob fails its minLength first) or hard to reach
    // with a small input; each is still checked above whenever a case produces it
    // (`truncated`: test/bounds/durations.test.ts; `calendarUnaligned`:
    // test/timeline/calendar.test.ts).
    const rare = new Set([
      'unreadable',
      'timingKey',
      'badPattern',
      'notValid',
      'topLevel',
      'truncated',
      'calendarUnaligned',
      'emptyGlob',
    ]);
    const produced = new Set(CASES.map((finding) => `${finding.rule} ${finding.messageId}`));
    const unused = LOADER_RULES.flatMap((id) =>
      Object.keys(messagesOf(id)).map((messageId) => `${id} ${messageId}`),
    ).filter((key) => !produced.has(key) && !rare.has(key.split(' ')[1] ?? ''));
    expect(unused).toEqual([]);
  });

  it('is worded by the pipeline; a finding without a template is a bug, not an empty message', () => {
    const [finding] = inventoryFindings('- a list\n');
    expect(finding && renderLoaderFindings([finding])[0]?.message).toBe(
      'the top level of an inventory file must be a mapping of keys (version, touchpoints, …)',
    );
    const broken = { ...(finding as Finding), messageId: 'text' };
    expect(() => renderLoaderFindings([broken])).toThrow(/has no message 'text'/);
    expect(() => renderLoaderFindings([{ ...broken, rule: 'schema/nothing' }])).toThrow(
      /no rule schema\/nothing/,
    );
  });

  it('every schema finding the fixtures and examples produce has a template', () => {
    const files = ['test/fixtures', 'examples'].flatMap((dir) =>
      readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
        .filter((file) => /\.ya?ml$/.test(file))
        .map((file) => path.join(dir, file)),
    );
    const findings = files.flatMap((file) => {
      const text = readFileSync(path.join(root, file), 'utf8');
      return /touchpoint\.config\.ya?ml$/.test(file)
        ? configFindings(text)
        : inventoryFindings(text);
    });
    expect(findings.length).toBeGreaterThan(0);
    const unknown = findings
      .filter((finding) => !Object.hasOwn(messagesOf(finding.rule), finding.messageId))
      .map((finding) => `${finding.rule} ${finding.messageId}`);
    expect(unknown).toEqual([]);
    expect(() => renderLoaderFindings(findings)).not.toThrow();
  });
});
