import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { scanYaml } from '../../src/yaml/scan-yaml.js';
import { parseYaml } from '../../src/yaml/yaml-source.js';
import { ROOT } from '../e2e/run-cli.js';
import { expectSameAsYaml } from './scan-differential.js';

const SEED = 20261204;

/** Values on one line inside the scanner's subset (mostly), then its edges and beyond. */
const PLAIN_SCALARS = [
  'abc',
  'a b',
  'x y  ',
  'Help the customer, then: nothing',
  '1',
  '-3d',
  '1.50',
  'null',
  'True',
  '"q"',
  "'it''s'",
  'a#b',
  '[a, b]',
  '[ ]',
  '{ k: v }',
  '{ name: open_rate, target: ">= 0.35", unit: ratio }',
  '[a, [b, {x: 1}], "q,", ]',
];
const SCALARS = [
  ...PLAIN_SCALARS,
  '+12',
  '012',
  '0x1F',
  '0o7',
  '.inf',
  '-.5',
  '1e3',
  '.NaN',
  'Null',
  '~',
  'FALSE',
  'no',
  '"a b # c"',
  "''",
  '""',
  '"a\\"b"',
  'a #b',
  'http://x',
  'a: b',
  'a:',
  ':x',
  '-',
  '- x',
  '-x',
  '?x',
  '@x',
  '`x',
  '%x',
  '&a x',
  '*a',
  '!t x',
  '|',
  '>',
  '[]',
  '{}',
  '{ k: v, k: w }',
  '{ k: 1, toString: 2 }',
  '{a: 1,}',
  '[a #c]',
  '[a,b]',
  '{a:1}',
  '{ a: b: c }',
  '[a: 1]',
  '{ "k": v }',
  '[a, , b]',
  '{ a }',
  '[ "x" , \'y\' ]',
  '[a',
  '{a: 1}}',
  '__proto__',
  '"',
  "'",
  'emoji 💡 text',
  'ünïcode',
  '"  spaced  "',
  'a\tb',
  'x\r',
];

const PLAIN_KEYS = ['id', 'name', 'a b', 'toString', 'a#b', 'timing', 'metric'];
const KEYS = [
  'id',
  'name',
  'a b',
  'id',
  '__proto__',
  'toString',
  'constructor',
  '1',
  'null',
  'true',
  '"q"',
  "'q'",
  'k:x',
  '-k',
  'a #b',
  'a#b',
  'key ',
  '? k',
  '[k]',
  '&a k',
];

const COMMENTS = ['', '', '', ' # c', '  #c', ' #', '#x'];

/** A deterministic generator of YAML-looking text, mostly valid, sometimes not. */
function yamlText(seed: number): string {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  // Mostly the subset, so both sides of the scanner's line are reached.
  const scalar = (): string => pick(next() < 0.85 ? PLAIN_SCALARS : SCALARS);
  const key = (): string => pick(next() < 0.9 ? PLAIN_KEYS : KEYS);
  const lines: string[] = [];
  const pad = (n: number): string => ' '.repeat(n);
  const decorate = (indent: number): void => {
    const r = next();
    if (r < 0.06) lines.push('');
    else if (r < 0.1) lines.push('# note');
    else if (r < 0.12) lines.push(`${pad(indent)}# indented`);
    else if (r < 0.13) lines.push(`${pad(indent + 2)}# deeper`);
    else if (r < 0.135) lines.push('   ');
  };
  const value = (depth: number, indent: number, prefix: string, inSeq: boolean): void => {
    const r = next();
    if (depth < 4 && r < 0.2) {
      lines.push(`${prefix}${pick(['', '', ' ', ' # c'])}`);
      mapping(depth + 1, indent + pick([2, 2, 4, 1]));
    } else if (depth < 4 && r < 0.32) {
      lines.push(`${prefix}${pick(['', '', ' # c'])}`);
      sequence(depth + 1, inSeq ? indent + 2 : indent + pick([0, 2, 2, 3]));
    } else if (r < 0.38) {
      lines.push(`${prefix}${pick(['', ' ', '  ', ' # empty'])}`);
    } else {
      lines.push(`${prefix} ${pick(['', '', ' '])}${scalar()}${pick(COMMENTS)}`);
    }
  };
  const mapping = (depth: number, indent: number, first?: string): void => {
    const count = 1 + Math.floor(next() * 4);
    for (let i = 0; i < count; i++) {
      decorate(indent);
      const start = i === 0 && first !== undefined ? first : pad(indent);
      value(depth, indent, `${start}${key()}:`, false);
    }
  };
  const sequence = (depth: number, indent: number): void => {
    const count = 1 + Math.floor(next() * 4);
    for (let i = 0; i < count; i++) {
      decorate(indent);
      const r = next();
      if (depth < 4 && r < 0.35) mapping(depth + 1, indent + 2, `${pad(indent)}- `);
      else if (depth < 4 && r < 0.4) {
        lines.push(`${pad(indent)}-${pick(['', ' # c'])}`);
        mapping(depth + 1, indent + 2);
      } else value(depth, indent, `${pad(indent)}-`, true);
    }
  };
  mapping(0, 0);
  decorate(0);
  return lines.join('\n') + pick(['\n', '\n', '', '\n\n', '\n# end\n']);
}

describe('the plain-YAML scanner reads exactly what yaml reads', () => {
  it('generated files: the same data and positions whenever the scanner reads one', () => {
    let scanned = 0;
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        if (expectSameAsYaml(yamlText(seed))) scanned++;
      }),
      { seed: SEED, numRuns: 2_000 },
    );
    // The grammar reaches both sides: files the scanner reads and files left to yaml.
    expect(scanned).toBeGreaterThan(200);
    expect(scanned).toBeLessThan(1_900);
  });

  it('every YAML file of the project it reads (examples, fixtures, templates)', () => {
    const files = globSync(['examples/**/*.{yaml,yml}', 'test/fixtures/**/*.{yaml,yml}'], {
      cwd: ROOT,
    });
    const scanned = files.filter((file) =>
      expectSameAsYaml(readFileSync(path.join(ROOT, file), 'utf8')),
    );
    expect(scanned).toContain('examples/support-tiers/touchpoints.yaml');
    expect(scanned.length).toBeGreaterThan(files.length / 2);
  });

  it.each([
    ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a block scalar', 'a: |\n  text\n'],
    ['a multi-line plain scalar', 'a: one\n  two\n'],
    ['a flow collection over two lines', 'a: [1,\n  2]\n'],
    ['an indented comment line', 'a:\n  b: 1\n  # note\nc: 2\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['CRLF line ends', 'a: 1\r\nb: 2\r\n'],
    ['a tab', 'a:\tb\n'],
    ['a document marker', '---\na: 1\n'],
    ['a quoted key', '"a": 1\n'],
    ['a number as key', '1: a\n'],
    ['an escape in double quotes', 'a: "\\u00e9"\n'],
    ['a scalar document', 'just text\n'],
    ['an empty file', ''],
    [
      'nesting past 32 levels',
      `${Array.from({ length: 40 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')}\n`,
    ],
  ])('leaves %s to yaml', (_what, text) => {
    expect(scanYaml(text)).toBeUndefined();
  });

  it('reads the shape of a generated inventory, keys that objects inherit included', () => {
    const text = [
      '# inventory',
      'version: 1',
      'segments: [enterprise, smb]',
      'touchpoints:',
      '  - id: welcome',
      '    toString: x',
      '    timing: { anchor: contract-start, at: -3d }',
      '    metric: { name: open_rate, target: ">= 0.35", unit: ratio }',
      '  -',
      '',
    ].join('\n');
    expect(expectSameAsYaml(text)).toBe(true);
    const source = parseYaml(text, 'f.yaml').source;
    expect(source?.tree).toBeDefined();
    expect(source?.data).toEqual({
      version: 1,
      segments: ['enterprise', 'smb'],
      touchpoints: [
        {
          id: 'welcome',
          toString: 'x',
          timing: { anchor: 'contract-start', at: '-3d' },
          metric: { name: 'open_rate', target: '>= 0.35', unit: 'ratio' },
        },
        null,
      ],
    });
  });
});
