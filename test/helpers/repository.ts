import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './golden.js';

/**
 * The repository the tool is published from, defined once: `repository.url` in package.json
 * (a placeholder, `your-org/touchpoint-audit`, until the project has a public home; the README
 * says what to substitute). Every example that needs the URL must use this one.
 */
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  repository: { type: string; url: string };
};

const match = /^git\+(https:\/\/github\.com\/([\w.-]+\/[\w.-]+?))\.git$/.exec(pkg.repository.url);
if (match?.[1] === undefined || match[2] === undefined) {
  throw new Error(`package.json repository.url is not git+https://github.com/<owner>/<name>.git`);
}

/** `https://github.com/your-org/touchpoint-audit`: what pre-commit's `repo:` takes. */
export const REPOSITORY_URL: string = match[1];
/** `your-org/touchpoint-audit`: what a workflow's `uses:` takes. */
export const REPOSITORY_SLUG: string = match[2];
/** The tag a release of this version is published under (`rev:` / `@ref`). */
export const RELEASE_REF = `v${pkg.version}`;
