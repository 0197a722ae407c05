import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The package version, read from package.json (src/ and dist/ both sit one level below it). */
export const TOOL_VERSION: string = (require('../package.json') as { version: string }).version;
