// @ts-check
/**
 * The layers of src/: which room may import which. A room is a folder of src/, or one of the two
 * groups of files at src/'s top level (the shared model and the pipeline). An import that the
 * table does not allow fails `npm run lint`, static or dynamic (`import()`). README.md's
 * Architecture section prints this table; test/architecture/layers.test.ts holds them equal.
 */
import path from 'node:path';

/** The files at the top of src/ and the room each belongs to. */
export const TOP_LEVEL_FILES = {
  'types.ts': 'src/ model',
  'errors.ts': 'src/ model',
  'report.ts': 'src/ model',
  'version.ts': 'src/ model',
  'exit-codes.ts': 'src/ model',
  'audit.ts': 'src/ pipeline',
  'validate.ts': 'src/ pipeline',
  'validate-report.ts': 'src/ pipeline',
  'report-summary.ts': 'src/ pipeline',
  'gate.ts': 'src/ pipeline',
  'index.ts': 'src/ pipeline',
};

/** What the pipeline (audit.ts, validate.ts, index.ts) uses: the stages it runs. */
const PIPELINE_USES = [
  'src/ model',
  'src/text/',
  'src/i18n/',
  'src/shared/',
  'src/fs/',
  'src/inventory/',
  'src/config/',
  'src/files/',
  'src/metrics/',
  'src/timeline/',
  'src/events/',
  'src/rules/',
  'src/scoring/',
  'src/baseline/',
  'src/reporters/',
];

/**
 * Room → the rooms it may import from, lowest layers first. `type:` before a room allows only
 * `import type` from it (shared data types, no code). Every room may import from its own.
 */
export const LAYERS = {
  'src/ model': [],
  'src/text/': ['src/ model'],
  'src/i18n/': ['src/ model'],
  'src/shared/': ['src/ model'],
  'src/yaml/': ['src/ model'],
  'src/fs/': ['src/ model', 'src/i18n/'],
  'src/schema/': ['src/ model', 'src/text/', 'src/shared/', 'src/yaml/'],
  'src/inventory/': [
    'src/ model',
    'src/text/',
    'src/shared/',
    'src/yaml/',
    'src/fs/',
    'src/schema/',
  ],
  'src/config/': [
    'src/ model',
    'src/text/',
    'src/i18n/',
    'src/yaml/',
    'src/fs/',
    'src/schema/',
    'src/inventory/',
  ],
  'src/files/': ['src/ model', 'src/fs/', 'src/config/'],
  'src/metrics/': ['src/ model', 'src/text/', 'src/i18n/', 'src/shared/', 'src/config/'],
  'src/timeline/': ['src/ model', 'src/text/', 'src/shared/', 'src/config/'],
  'src/events/': [
    'src/ model',
    'src/text/',
    'src/i18n/',
    'src/shared/',
    'src/config/',
    'src/metrics/',
    'type:src/timeline/',
  ],
  'src/rules/': [
    'src/ model',
    'src/text/',
    'src/i18n/',
    'src/shared/',
    'src/yaml/',
    'src/inventory/',
    'src/config/',
    'src/metrics/',
    'src/timeline/',
    'src/events/',
  ],
  'src/scoring/': [
    'src/ model',
    'src/text/',
    'src/shared/',
    'src/inventory/',
    'src/config/',
    'src/metrics/',
    'src/timeline/',
    'src/rules/',
  ],
  'src/baseline/': ['src/ model', 'src/i18n/', 'src/shared/'],
  'src/reporters/': [
    'src/ model',
    'src/text/',
    'src/i18n/',
    'src/shared/',
    'src/events/',
    'type:src/rules/',
    'src/baseline/',
  ],
  'src/doctor/': [
    'src/ model',
    'src/text/',
    'src/fs/',
    'src/inventory/',
    'src/config/',
    'src/files/',
  ],
  'src/init/': ['src/ model', 'src/i18n/', 'src/fs/'],
  'src/ pipeline': PIPELINE_USES,
  'src/cli/': [
    ...PIPELINE_USES,
    'src/yaml/',
    'src/schema/',
    'src/doctor/',
    'src/init/',
    'src/ pipeline',
  ],
};

/**
 * The room of a file under src/ (`src/metrics/`, `src/ model`), or undefined outside src/.
 * @param {string} file a path relative to the project root, with `/` separators
 * @returns {string | undefined}
 */
export function roomOf(file) {
  if (!file.startsWith('src/')) return undefined;
  const rest = file.slice('src/'.length);
  const slash = rest.indexOf('/');
  if (slash >= 0) return `src/${rest.slice(0, slash)}/`;
  return /** @type {Record<string, string>} */ (TOP_LEVEL_FILES)[rest.replace(/\.js$/, '.ts')];
}

/**
 * @param {string} from
 * @param {string} to
 * @param {boolean} typeOnly
 */
function allowed(from, to, typeOnly) {
  if (from === to) return true;
  const table = /** @type {Record<string, string[]>} */ (LAYERS)[from];
  if (!table) return false;
  return table.includes(to) || (typeOnly && table.includes(`type:${to}`));
}

/** @type {import('eslint').Rule.RuleModule} */
const allowedImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports between src/ folders follow the table in eslint.layers.js.' },
    messages: {
      forbidden: 'Layer rule "{{from}} must not import {{to}}" (see eslint.layers.js)',
      unknownRoom:
        'Layer rule "{{room}} is not in the layer table": add it to LAYERS in eslint.layers.js',
    },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const own = path.relative(root, context.filename).split(path.sep).join('/');
    const from = roomOf(own);
    if (from === undefined) return {};
    /**
     * @param {import('estree').Node} node
     * @param {unknown} source
     * @param {boolean} typeOnly
     */
    const check = (node, source, typeOnly) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(own), source));
      const to = roomOf(target);
      if (to === undefined) return;
      if (!(to in LAYERS)) {
        context.report({ node, messageId: 'unknownRoom', data: { room: to } });
        return;
      }
      if (!(from in LAYERS)) {
        context.report({ node, messageId: 'unknownRoom', data: { room: from } });
        return;
      }
      if (!allowed(from, to, typeOnly)) {
        context.report({ node, messageId: 'forbidden', data: { from, to } });
      }
    };
    /** @param {any} node */
    const isTypeOnly = (node) =>
      node.importKind === 'type' ||
      node.exportKind === 'type' ||
      (Array.isArray(node.specifiers) &&
        node.specifiers.length > 0 &&
        node.specifiers.every(
          (/** @type {any} */ s) => s.importKind === 'type' || s.exportKind === 'type',
        ));
    return {
      ImportDeclaration(node) {
        check(node, node.source.value, isTypeOnly(node));
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node, node.source.value, isTypeOnly(node));
      },
      ExportAllDeclaration(node) {
        check(node, node.source.value, isTypeOnly(node));
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node, node.source.value, false);
        else if (node.source.type === 'TemplateLiteral' && node.source.expressions.length === 0)
          check(node, node.source.quasis[0]?.value.cooked, false);
      },
    };
  },
};

export const layersPlugin = { rules: { 'allowed-imports': allowedImports } };

const NO_PROCESS =
  'Layer rule "only src/cli/ touches process": take what you need (cwd, env, streams) as a parameter';

/** The ESLint configuration blocks that enforce the layers (spread into eslint.config.js). */
export const layersConfig = [
  {
    files: ['src/**/*.ts'],
    plugins: { layers: layersPlugin },
    rules: { 'layers/allowed-imports': 'error' },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**'],
    rules: {
      'no-restricted-globals': ['error', { name: 'process', message: NO_PROCESS }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'node:process', message: NO_PROCESS },
            { name: 'process', message: NO_PROCESS },
          ],
        },
      ],
    },
  },
];
