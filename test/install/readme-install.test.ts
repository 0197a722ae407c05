import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/golden.js';
import { blocksUnder } from '../helpers/readme-blocks.js';
import { REPOSITORY_URL } from '../helpers/repository.js';

/**
 * The README's Install section, run as written (slow: real npm installs; `npm run test:install`,
 * in .ci/run). The placeholder repository URL is swapped for a `file://` clone of this
 * repository's HEAD, so nothing but the npm registry (for dependencies) is needed.
 */

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
};
const GIT_URL = `${REPOSITORY_URL}.git`;

interface Step {
  command: string;
  status: number | null;
  output: string;
}

/** Runs a README shell block as one bash script (`set -e`), with the URL of `origin`. */
function runBlock(content: string, cwd: string, origin: string, env: Record<string, string>): Step {
  expect(content).not.toContain('<');
  const script = content.replaceAll(GIT_URL, origin);
  const result = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', script], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { command: script, status: result.status, output: result.stdout + result.stderr };
}

/** The README's blocks under "### Install", in order, by what they are for. */
function installBlocks(): { clone: string; tarball: string; gitUrl: string; firstRun: string } {
  const blocks = blocksUnder('Install');
  expect(blocks.map((block) => block.lang)).toEqual(['sh', 'sh', 'sh', 'sh']);
  const [clone, tarball, gitUrl, firstRun] = blocks.map((block) => block.content);
  if (
    clone === undefined ||
    tarball === undefined ||
    gitUrl === undefined ||
    firstRun === undefined
  ) {
    throw new Error('README Install section changed: update this test');
  }
  return { clone, tarball, gitUrl, firstRun };
}

/** A bare clone of this repository's HEAD: what the user clones or installs from. */
function origin(dir: string): string {
  const bare = path.join(dir, 'origin', 'touchpoint-audit.git');
  execFileSync('git', ['clone', '--quiet', '--bare', ROOT, bare]);
  return `file://${bare}`;
}

function emptyProject(dir: string): string {
  mkdirSync(dir, { recursive: true });
  execFileSync('npm', ['init', '-y'], { cwd: dir, stdio: 'ignore' });
  return dir;
}

/** The commands that print no warning: npm's own output is checked, not only exit codes. */
function expectNoWarning(step: Step): void {
  expect(step.output).not.toMatch(/\bwarn/i);
}

describe('README "Install"', () => {
  const blocks = installBlocks();

  it(
    'from a clone: npm install, npm link puts touchpoint on PATH, npm pack makes the tarball the project installs, and the first commands run',
    { timeout: 900_000 },
    () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'tp-readme-install-'));
      const url = origin(dir);
      // npm link installs globally: into a prefix of the test's own.
      const prefix = path.join(dir, 'global');
      const env = { npm_config_prefix: prefix };
      const clone = runBlock(blocks.clone, dir, url, env);
      expect(clone.status, clone.output).toBe(0);
      expectNoWarning(clone);
      const linked = spawnSync(path.join(prefix, 'bin/touchpoint'), ['--version'], {
        encoding: 'utf8',
      });
      expect(linked.stdout).toBe(`touchpoint-audit ${pkg.version} (Node ${process.version})\n`);
      expect(
        existsSync(path.join(dir, 'touchpoint-audit', `touchpoint-audit-${pkg.version}.tgz`)),
      ).toBe(true);

      // "in your project, beside the clone"
      const project = emptyProject(path.join(dir, 'my-project'));
      // Not the prefix: set in the environment, npm would install the project's packages there.
      const install = runBlock(blocks.tarball, project, url, {});
      expect(install.status, install.output).toBe(0);
      expectNoWarning(install);
      const first = runBlock(blocks.firstRun, project, url, {});
      expect(first.status, first.output).toBe(0);
      expect(first.output).toContain('wrote touchpoints.yaml');
    },
  );

  it(
    'from the Git URL: allowScripts approves the repository, npm builds it with prepare and prints no warning',
    { timeout: 900_000 },
    () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'tp-readme-git-'));
      const url = origin(dir);
      const project = emptyProject(path.join(dir, 'my-project'));
      const install = runBlock(blocks.gitUrl, project, url, {});
      expect(install.status, install.output).toBe(0);
      expectNoWarning(install);
      const manifest = JSON.parse(readFileSync(path.join(project, 'package.json'), 'utf8')) as {
        devDependencies: Record<string, string>;
        allowScripts: Record<string, boolean>;
      };
      expect(manifest.allowScripts).toEqual({ [`git+${url}`]: true });
      expect(manifest.devDependencies['touchpoint-audit']).toBe(`git+${url}`);
      // Built by prepare: dist/ is not in git.
      expect(
        existsSync(path.join(project, 'node_modules/touchpoint-audit/dist/bundle/shell.js')),
      ).toBe(true);
      const first = runBlock(blocks.firstRun, project, url, {});
      expect(first.status, first.output).toBe(0);
    },
  );
});
