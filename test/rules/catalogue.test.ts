import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';

const root = path.resolve(import.meta.dirname, '../..');

function testSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'fixtures' ? [] : testSources(full);
    return name.endsWith('.test.ts') ? [readFileSync(full, 'utf8')] : [];
  });
}

const sources = testSources(path.join(root, 'test')).filter(
  (text) => !text.includes('RULES.map((rule) => rule.meta.id)'),
);

describe('rule catalogue', () => {
  it('has unique ids', () => {
    const ids = RULES.map((rule) => rule.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
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
      it('is exercised by a test that expects its findings', () => {
        expect(
          sources.some(
            (text) =>
              text.includes(`'${meta.id}`) ||
              text.includes(`"${meta.id}`) ||
              text.includes(` ${meta.id} `),
          ),
        ).toBe(true);
      });
    });
  }
});
