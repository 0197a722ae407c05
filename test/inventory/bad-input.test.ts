import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
// The library's loaders: they word the findings' messages from the rule catalogue.
import { loadInventory } from '../../src/index.js';
import { entry, HEADER, validateText } from '../helpers/validate-text.js';

function tempFile(name: string, content: string | Uint8Array): { dir: string; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'tp-bad-'));
  writeFileSync(path.join(dir, name), content);
  return { dir, file: name };
}

async function loadFindings(name: string, content: string | Uint8Array): Promise<string[]> {
  const { dir, file } = tempFile(name, content);
  const loaded = await loadInventory([file], { cwd: dir });
  return loaded.findings.map(
    (f) => `${f.location.file}:${f.location.line}:${f.location.column} ${f.rule} ${f.message}`,
  );
}

describe('hostile and malformed inventory files', () => {
  it('reports a YAML syntax error with its position', () => {
    expect(validateText('version: 1\ntouchpoints: [a, b\n')).toEqual([
      '3:1 schema/syntax YAML syntax error: flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  it('reports tabs used as indentation', () => {
    expect(validateText('version: 1\nlifecycle:\n\tgo-live: 14d\n')).toEqual([
      '3:1 schema/syntax tabs are not allowed as indentation in YAML; indent with spaces',
    ]);
  });

  it('reports a duplicate key', () => {
    expect(validateText('version: 1\njourney: b2c\njourney: b2b-saas\n')).toEqual([
      '3:1 schema/syntax duplicate key: a key may appear only once in a mapping',
    ]);
  });

  it('reports a root that is not a mapping', () => {
    expect(validateText('- just\n- a list\n')).toEqual([
      '1:1 schema/invalid the top level of an inventory file must be a mapping of keys (version, touchpoints, …)',
    ]);
  });

  it('reports an empty file', () => {
    expect(validateText('')).toEqual([
      '1:1 schema/syntax the file is empty: expected a YAML mapping',
    ]);
    expect(validateText('# only a comment\n')).toEqual([
      '1:1 schema/syntax the file is empty: expected a YAML mapping',
    ]);
  });

  it('stops an alias bomb without expanding it', () => {
    const bomb = [
      'version: 1',
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
      'f: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]',
      '',
    ].join('\n');
    expect(validateText(bomb)).toEqual([
      '1:1 schema/syntax aliases expand the file by more than 1,000,000 nodes: it looks like an alias bomb',
    ]);
  });

  it('accepts one anchor used by hundreds of touchpoints: the expansion is limited, not the alias count', () => {
    const owner = HEADER.replace('  - id: cs', '  - id: &owner cs');
    let text = owner;
    for (let i = 0; i < 300; i++) {
      const timing = i === 0 ? '&timing { anchor: go-live, at: 1d }' : '*timing';
      text += entry({ id: `tp-${i}`, owner: '*owner', timing });
    }
    expect(validateText(text)).toEqual([]);
  });

  it('reports nesting deeper than 64 levels at the node, however deep it goes', () => {
    expect(
      validateText(`${HEADER}${'- '.repeat(70)}x
`),
    ).toEqual(['8:127 schema/syntax the YAML nests deeper than 64 levels']);
    expect(
      validateText(`version: 1
meta: ${'['.repeat(100)}${']'.repeat(100)}
`),
    ).toEqual(['2:70 schema/syntax the YAML nests deeper than 64 levels']);
    // Far past the parser's stack: still one positioned finding, never a crash.
    const [deep] = validateText(`version: 1
meta: ${'['.repeat(20_000)}${']'.repeat(20_000)}
`);
    expect(deep).toMatch(/^2:\d+ schema\/syntax the YAML nests deeper than 64 levels$/);
  });

  it('treats __proto__ and constructor keys as unknown keys without polluting prototypes', () => {
    const text = `${HEADER}${entry()}    __proto__: { polluted: true }\n    constructor: { polluted: true }\n`;
    expect(validateText(text)).toEqual([
      "15:5 schema/unknown-key unknown key '__proto__' in touchpoint 'welcome-email' (custom data goes under meta:)",
      "16:5 schema/unknown-key unknown key 'constructor' in touchpoint 'welcome-email' (custom data goes under meta:)",
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('handles a megabyte-long line', () => {
    const purpose = `Explain ${'very '.repeat(250_000)}long things.`;
    expect(validateText(HEADER + entry({ purpose }))).toEqual([]);
  });

  it('handles deep nesting without a crash', () => {
    const deep = `version: 1\nmeta: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    const findings = validateText(deep);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.includes('schema/'))).toBe(true);
  });

  it('reports a binary file', async () => {
    expect(
      await loadFindings('binary.yaml', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])),
    ).toEqual(['binary.yaml:1:1 schema/syntax the file is binary, not YAML text']);
  });

  it('reports bytes that are not UTF-8', async () => {
    expect(
      await loadFindings('latin1.yaml', new Uint8Array([0x76, 0x65, 0x72, 0x3a, 0x20, 0xe9, 0x0a])),
    ).toEqual(['latin1.yaml:1:1 schema/syntax the file is not valid UTF-8 text']);
  });

  it('fails with exit 2 on a path or glob that matches nothing', async () => {
    const { dir } = tempFile('touchpoints.yaml', HEADER + entry());
    await expect(loadInventory(['missing.yaml'], { cwd: dir })).rejects.toThrow(
      new InputError('missing.yaml: no such file or directory'),
    );
    await expect(loadInventory(['inventories/*.yaml'], { cwd: dir })).rejects.toThrow(
      new InputError('inventories/*.yaml: matches no inventory files (*.yaml, *.yml)'),
    );
    const error = await loadInventory(['nope/*.yml'], { cwd: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).exitCode).toBe(2);
  });
});
