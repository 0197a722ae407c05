import { readdirSync, readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { LAYERS, TOP_LEVEL_FILES, layersConfig } from '../../eslint.layers.js';

// The layer rules alone, with the TypeScript parser and no type information: fast, and the
// same rules eslint.config.js spreads in (checked below).
const eslint = new ESLint({
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
    ...layersConfig,
  ],
});

/** The messages of linting `text` as if it were the (existing) file at `file`. */
async function lint(text: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath: file });
  return (result?.messages ?? []).map((m) => m.message);
}

describe('layers', () => {
  it('fails an import from src/metrics/ into src/rules/, static or dynamic, naming the rule', async () => {
    const forbidden = [
      'Layer rule "src/metrics/ must not import src/rules/" (see eslint.layers.js)',
    ];
    expect(
      await lint(
        "import { RULES } from '../rules/index.js';\nexport const n = RULES.length;\n",
        'src/metrics/period.ts',
      ),
    ).toEqual(forbidden);
    expect(
      await lint(
        "export const load = () => import('../rules/index.js');\n",
        'src/metrics/period.ts',
      ),
    ).toEqual(forbidden);
    expect(await lint("export * from '../rules/index.js';\n", 'src/metrics/period.ts')).toEqual(
      forbidden,
    );
  });

  it('fails an import from src/rules/ into src/cli/ and from src/ model into a folder', async () => {
    expect(
      await lint(
        "import { main } from '../../cli/main.js';\nvoid main;\n",
        'src/rules/gap/silence.ts',
      ),
    ).toEqual(['Layer rule "src/rules/ must not import src/cli/" (see eslint.layers.js)']);
    expect(
      await lint("import { RULES } from './rules/index.js';\nvoid RULES;\n", 'src/types.ts'),
    ).toEqual(['Layer rule "src/ model must not import src/rules/" (see eslint.layers.js)']);
  });

  it('allows what the table allows: a lower layer, a type-only import where the table says type:', async () => {
    expect(
      await lint(
        "import { parseDay } from '../metrics/parse-date.js';\nvoid parseDay;\n",
        'src/rules/gap/stale-data.ts',
      ),
    ).toEqual([]);
    expect(
      await lint(
        "import type { SilenceData } from '../rules/gap/silence.js';\nexport type S = SilenceData;\n",
        'src/reporters/html.ts',
      ),
    ).toEqual([]);
    expect(
      await lint(
        "import silence from '../rules/gap/silence.js';\nvoid silence;\n",
        'src/reporters/html.ts',
      ),
    ).toEqual(['Layer rule "src/reporters/ must not import src/rules/" (see eslint.layers.js)']);
  });

  it('keeps process to src/cli/', async () => {
    const message =
      'Layer rule "only src/cli/ touches process": take what you need (cwd, env, streams) as a parameter';
    expect(await lint('export const here = process.cwd();\n', 'src/audit.ts')).toEqual([
      `Unexpected use of 'process'. ${message}`,
    ]);
    expect(
      await lint(
        "import { cwd } from 'node:process';\nexport const here = cwd();\n",
        'src/metrics/period.ts',
      ),
    ).toEqual([`'node:process' import is restricted from being used. ${message}`]);
    expect(await lint('export const here = process.cwd();\n', 'src/cli/io.ts')).toEqual([]);
  });

  it('is part of npm run lint', async () => {
    const config = (await new ESLint().calculateConfigForFile('src/metrics/period.ts')) as {
      rules: Record<string, unknown>;
    };
    expect(config.rules['layers/allowed-imports']).toEqual([2]);
    expect(config.rules['no-restricted-globals']).toBeDefined();
  });

  it('names every folder and top-level file of src/', () => {
    const entries = readdirSync('src', { withFileTypes: true });
    const folders = entries.filter((e) => e.isDirectory()).map((e) => `src/${e.name}/`);
    const files = entries.filter((e) => e.isFile()).map((e) => e.name);
    expect(folders.filter((f) => !(f in LAYERS))).toEqual([]);
    expect(files.filter((f) => !(f in TOP_LEVEL_FILES))).toEqual([]);
    const rooms = Object.keys(LAYERS);
    for (const allowed of Object.values(LAYERS)) {
      expect(
        allowed.map((room) => room.replace(/^type:/, '')).filter((r) => !rooms.includes(r)),
      ).toEqual([]);
    }
  });

  it("is the table in the README's Architecture section", () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('\n## Architecture\n'));
    const body = section.slice(0, section.indexOf('\n## ', 1));
    const rows = body
      .split('\n')
      .filter((line) => /^\| `src\//.test(line))
      .map((line) => line.split('|').map((cell) => cell.trim()));
    const table = Object.fromEntries(
      rows.map(([, room = '', allowed = '']) => [
        room.replace(/`/g, ''),
        allowed === '—'
          ? []
          : allowed.split(', ').map((r) =>
              r
                .replace(/`/g, '')
                .replace(/ \(types only\)$/, '')
                .replace(/^/, ''),
            ),
      ]),
    );
    const enforced = Object.fromEntries(
      Object.entries(LAYERS).map(([room, allowed]) => [
        room,
        allowed.map((r) => r.replace(/^type:(.*)$/, '$1')),
      ]),
    );
    expect(table).toEqual(enforced);
    const typeOnly = rows.flatMap(([, room = '', allowed = '']) =>
      allowed
        .split(', ')
        .filter((r) => r.endsWith('(types only)'))
        .map(
          (r) =>
            `${room.replace(/`/g, '')} → ${r.replace(/`/g, '').replace(/ \(types only\)$/, '')}`,
        ),
    );
    expect(typeOnly).toEqual(
      Object.entries(LAYERS).flatMap(([room, allowed]) =>
        allowed.filter((r) => r.startsWith('type:')).map((r) => `${room} → ${r.slice(5)}`),
      ),
    );
  });
});
