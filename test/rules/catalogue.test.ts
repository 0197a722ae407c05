import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
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
