// Build: compile TypeScript to dist/ (the library), bundle the CLI into dist/bundle/ (start-up
// time: one file instead of ~90 modules to resolve), then precompile the JSON Schemas into
// standalone validators. ajv's ESM standalone output still calls require() (ajv issue 2209), so the
// validators are emitted as CommonJS and loaded with createRequire.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const Ajv = require('ajv');
const standaloneCode = require('ajv/dist/standalone').default;

rmSync(`${root}dist`, { recursive: true, force: true });
execFileSync(
  process.execPath,
  [require.resolve('typescript/bin/tsc'), '-p', `${root}tsconfig.build.json`],
  {
    stdio: 'inherit',
  },
);

const { AJV_OPTIONS } = await import(`${root}dist/schema/validators.js`);
mkdirSync(`${root}dist/generated`, { recursive: true });
for (const name of ['inventory', 'config', 'report']) {
  const schema = JSON.parse(readFileSync(`${root}schemas/${name}.schema.json`, 'utf8'));
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true, esm: false } });
  const validate = ajv.compile(schema);
  writeFileSync(`${root}dist/generated/validate-${name}.cjs`, standaloneCode(ajv, validate));
}

// The CLI bundle keeps dynamic imports as separate chunks, so formats, the audit pipeline and
// the CSV stack still load only when used. Bundled CommonJS dependencies need a real require().
const esbuild = require('esbuild');
esbuild.buildSync({
  entryPoints: [`${root}dist/cli/main.js`, `${root}dist/cli/shell.js`, `${root}dist/cli/worker.js`],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir: `${root}dist/bundle`,
  logLevel: 'warning',
  banner: {
    js: "import { createRequire as __touchpointCreateRequire } from 'node:module'; const require = __touchpointCreateRequire(import.meta.url);",
  },
});
