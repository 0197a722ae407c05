// Build: compile TypeScript to dist/, then precompile the JSON Schemas into standalone
// validators. ajv's ESM standalone output still calls require() (ajv issue 2209), so the
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
