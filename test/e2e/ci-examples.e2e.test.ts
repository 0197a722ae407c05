import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AjvDraft04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ACTION, runAction } from '../helpers/run-action.js';
import { blocksUnder, readmeBlocks } from '../helpers/readme-blocks.js';
import { RELEASE_REF, REPOSITORY_SLUG, REPOSITORY_URL } from '../helpers/repository.js';
import { ROOT, runCli } from './run-cli.js';

// CommonJS modules: under NodeNext the default import is `module.exports`, whose `default` is
// the class (or function).
const AjvDraft04 = AjvDraft04Module.default;
const addFormats = addFormatsModule.default;

/**
 * The CI examples users copy: each is parsed, every `touchpoint …` command in it is run
 * against a copy of examples/b2b-saas, and the files it promises are checked.
 */

/** A fresh copy of the b2b-saas example: the repository root of a user's project. */
function copyExample(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'tp-ci-')), 'repo');
  cpSync(path.join(ROOT, 'examples/b2b-saas'), dir, { recursive: true });
  return dir;
}

function readYaml(file: string): unknown {
  return parseYaml(readFileSync(path.join(ROOT, file), 'utf8'));
}

/** Splits a shell command line into words: single and double quotes, no expansion. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: '"' | "'" | undefined;
  for (const char of line) {
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
      else word = (word ?? '') + char;
    } else if (char === '"' || char === "'") {
      quote = char;
      word ??= '';
    } else if (/\s/.test(char)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else {
      word = (word ?? '') + char;
    }
  }
  if (quote !== undefined) throw new Error(`unbalanced quote in: ${line}`);
  if (word !== undefined) words.push(word);
  return words;
}

/** The `touchpoint …` / `npx touchpoint …` commands in a shell script, as argument lists. */
function touchpointCommands(script: string): string[][] {
  const lines = script.replace(/\\\n\s*/g, ' ').split('\n');
  return lines
    .map((line) => shellWords(line.trim()))
    .filter(
      (words) => words[0] === 'touchpoint' || (words[0] === 'npx' && words[1] === 'touchpoint'),
    )
    .map((words) => words.slice(words[0] === 'npx' ? 2 : 1));
}

/** The files a command promises through `-f FORMAT=FILE`, by format. */
function promisedFiles(args: readonly string[]): Record<string, string> {
  const files: Record<string, string> = {};
  args.forEach((arg, i) => {
    if (arg !== '-f' && arg !== '--format') return;
    const [format = '', file] = (args[i + 1] ?? '').split('=');
    if (file !== undefined) files[format] = file;
  });
  return files;
}

function expectValidSarif(file: string): void {
  const ajv = new AjvDraft04({ allErrors: true, strict: false });
  addFormats(ajv);
  const schema = JSON.parse(
    readFileSync(path.join(ROOT, 'test/fixtures/sarif-schema-2.1.0.json'), 'utf8'),
  ) as object;
  const validate = ajv.compile(schema);
  const sarif = JSON.parse(readFileSync(file, 'utf8')) as {
    runs: {
      results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    }[];
  };
  expect(validate(sarif)).toBe(true);
  // URIs relative to the repository root, as code scanning needs them.
  const uris = new Set(
    sarif.runs[0]?.results.map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri),
  );
  expect([...uris].sort()).toEqual([
    'metrics/email-platform.csv',
    'metrics/helpdesk-export.csv',
    'touchpoints.yaml',
  ]);
}

interface JunitSuite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
}

function expectValidJunit(file: string): void {
  const xml = readFileSync(file, 'utf8');
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- its replacement is not a dependency
  expect(XMLValidator.validate(xml)).toBe(true);
  const parsed = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => name === 'testsuite',
  }).parse(xml) as { testsuites: { '@_failures': string; testsuite: JunitSuite[] } };
  const suites = parsed.testsuites.testsuite.map((s) => s['@_name']).sort();
  // The families that ran: no event logs are given, so no observed suite.
  expect(suites).toEqual(['gap', 'metrics', 'overlap', 'ownerless', 'schema', 'waiver']);
  expect(Number(parsed.testsuites['@_failures'])).toBeGreaterThan(0);
}

interface WorkflowStep {
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}

/** The `with:` of a step that uses this repository's action, as the action's inputs. */
function actionInputs(step: WorkflowStep | undefined): Record<string, string> {
  expect(step?.uses).toBe(`${REPOSITORY_SLUG}@${RELEASE_REF}`);
  return Object.fromEntries(Object.entries(step?.with ?? {}).map(([k, v]) => [k, String(v)]));
}

/** Runs a workflow that uses the action against the example: audit step, outputs, upload step. */
function expectWorkflowWorks(steps: readonly WorkflowStep[]): void {
  expect(steps.map((s) => s.uses ?? s.run)).toEqual([
    'actions/checkout@v4',
    'actions/setup-node@v4',
    `${REPOSITORY_SLUG}@${RELEASE_REF}`,
    'github/codeql-action/upload-sarif@v3',
  ]);
  expect(steps[1]?.with?.['node-version']).toBe(20);
  const audit = steps[2];
  const upload = steps[3];
  const inputs = actionInputs(audit);
  expect(Object.keys(inputs).every((name) => name in ACTION.inputs)).toBe(true);
  // The upload reads the action's output, and skips when the audit could not run.
  const sarifOutput = `steps.${audit?.id ?? '?'}.outputs.sarif`;
  expect(upload?.if).toBe(`always() && ${sarifOutput} != ''`);
  expect(upload?.with?.sarif_file).toBe(`\${{ ${sarifOutput} }}`);

  const repo = copyExample();
  const run = runAction({
    workspace: repo,
    actionPath: ROOT,
    inputs,
    selectStep: (step) => step.id === 'audit',
  });
  // The example has deliberate errors: the gate fails the step, the outputs are set anyway.
  expect(run.statuses).toEqual({ 'Audit touchpoints': 1 });
  expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(run.stdout.split('\n')[0]).toMatch(/^::(error|warning) file=[^,]+,line=\d+/);
  expect(run.outputs.sarif).toBe('touchpoint.sarif');
  expect(run.outputs.score).toMatch(/^\d+(\.\d)?$/);
  expectValidSarif(path.join(repo, run.outputs.sarif ?? ''));
  expect(run.summary).toMatch(/^## Touchpoint audit: /);
}

describe('examples/ci/github-actions.yml', () => {
  const workflow = readYaml('examples/ci/github-actions.yml') as {
    permissions: Record<string, string>;
    jobs: Record<string, { steps: WorkflowStep[] }>;
  };

  it("uses this repository's action, uploads its SARIF even on failure, and works", () => {
    expect(workflow.permissions['security-events']).toBe('write');
    expectWorkflowWorks(Object.values(workflow.jobs).flatMap((job) => job.steps));
  });
});

interface GitlabJob {
  image: string;
  script: string[];
  artifacts: { when: string; reports: { junit: string } };
}

/** A GitLab job runs its audit command: on Node 20, table in the log, JUnit kept on failure. */
function expectGitlabJobWorks(job: GitlabJob | undefined): void {
  expect(job?.image).toBe('node:20');
  expect(job?.artifacts.when).toBe('always');
  expect(job?.artifacts.reports.junit).toBe('touchpoint-junit.xml');
  const commands = (job?.script ?? []).flatMap(touchpointCommands);
  expect(commands).toEqual([
    ['audit', 'touchpoints.yaml', '-f', 'table', '-f', 'junit=touchpoint-junit.xml'],
  ]);
  const repo = copyExample();
  for (const args of commands) {
    const result = runCli(args, { cwd: repo, env: { CI: 'true', GITLAB_CI: 'true' } });
    expect([0, 1]).toContain(result.status);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(result.stdout.split('\n')[0]).toBe('Northwind Analytics — B2B customer touchpoints');
    const files = promisedFiles(args);
    expect(job?.artifacts.reports.junit).toBe(files.junit);
    expectValidJunit(path.join(repo, files.junit ?? ''));
  }
}

describe('examples/ci/gitlab-ci.yml', () => {
  it('runs its audit command on Node 20: table in the log, JUnit written and kept', () => {
    const pipeline = readYaml('examples/ci/gitlab-ci.yml') as Record<string, GitlabJob>;
    expectGitlabJobWorks(pipeline['touchpoint-audit']);
  });
});

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  pass_filenames?: boolean;
  require_serial?: boolean;
}

/** What pre-commit runs: the entry, plus the staged files its `files` pattern matches. */
function hookInvocation(hook: Hook, staged: readonly string[]): string[] {
  const pattern = new RegExp(hook.files);
  const matched = staged.filter((file) => pattern.test(file));
  return [...shellWords(hook.entry), ...(hook.pass_filenames === false ? [] : matched)];
}

const STAGED = [
  'touchpoints.yaml',
  'touchpoint.config.yaml',
  'metrics/crm-export.csv',
  'README.md',
];

describe('.pre-commit-hooks.yaml', () => {
  const hooks = readYaml('.pre-commit-hooks.yaml') as Hook[];

  it('declares touchpoint-validate as a node hook on inventory files', () => {
    expect(hooks.map((h) => h.id)).toEqual(['touchpoint-validate']);
    expect(hooks[0]).toMatchObject({
      entry: 'touchpoint validate',
      language: 'node',
      pass_filenames: true,
      require_serial: true,
    });
    const pattern = new RegExp(hooks[0]?.files ?? '$^');
    const matches = (file: string) => pattern.test(file);
    expect(
      [
        'touchpoints.yaml',
        'touchpoints.yml',
        'clients/acme/touchpoints.yaml',
        'touchpoints-emea.yaml',
      ].every(matches),
    ).toBe(true);
    expect(
      [
        'touchpoint.config.yaml',
        'metrics/sample.csv',
        'docs/touchpoints.md',
        'my-touchpoints.yaml',
      ].some(matches),
    ).toBe(false);
  });

  it('runs as pre-commit would: one validate over the staged inventory files', () => {
    const hook = hooks[0];
    if (hook === undefined) throw new Error('no hook');
    const args = hookInvocation(hook, STAGED);
    expect(args).toEqual(['touchpoint', 'validate', 'touchpoints.yaml']);
    const result = runCli(args.slice(1), { cwd: copyExample() });
    // The example has deliberate errors: the hook fails the commit (exit 1), never exit 2.
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("touchpoint: failed: 4 findings at or above 'error'\n");
  });

  it('passes a clean scaffold', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tp-ci-'));
    expect(runCli(['init'], { cwd: dir }).status).toBe(0);
    const hook = hooks[0];
    if (hook === undefined) throw new Error('no hook');
    const staged = readdirSync(dir, { recursive: true, encoding: 'utf8' });
    const result = runCli(hookInvocation(hook, staged).slice(1), { cwd: dir });
    expect(result.status).toBe(0);
  });
});

describe('examples/ci/pre-commit-config.yaml', () => {
  const config = readYaml('examples/ci/pre-commit-config.yaml') as {
    repos: { repo: string; rev?: string; hooks: (Hook | { id: string })[] }[];
  };

  it('uses the published hook by id, from the repository URL of package.json', () => {
    const published = config.repos.find((r) => r.repo !== 'local');
    expect(published?.repo).toBe(REPOSITORY_URL);
    expect(published?.rev).toBe(RELEASE_REF);
    expect(published?.hooks).toEqual([{ id: 'touchpoint-validate' }]);
    const declared = readYaml('.pre-commit-hooks.yaml') as Hook[];
    expect(declared.map((h) => h.id)).toContain('touchpoint-validate');
  });

  it('runs its local hook command against the staged inventory: flags accepted', () => {
    const local = config.repos.find((r) => r.repo === 'local')?.hooks[0] as Hook | undefined;
    if (local === undefined) throw new Error('no local hook');
    expect(local.language).toBe('system');
    const commands = touchpointCommands(hookInvocation(local, STAGED).join(' '));
    expect(commands).toEqual([['validate', 'touchpoints.yaml']]);
    const repo = copyExample();
    for (const args of commands) {
      const result = runCli(args, { cwd: repo });
      expect([0, 1]).toContain(result.status);
      expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    }
    expect(existsSync(path.join(repo, 'touchpoints.yaml'))).toBe(true);
  });
});

describe('shellWords', () => {
  it('splits on blanks and keeps quoted words whole', () => {
    expect(shellWords(`npx touchpoint audit 'my inv.yaml' -m "metrics/*.csv"  -f json`)).toEqual([
      'npx',
      'touchpoint',
      'audit',
      'my inv.yaml',
      '-m',
      'metrics/*.csv',
      '-f',
      'json',
    ]);
  });
});

describe('the repository URL', () => {
  it('is the one placeholder of package.json everywhere, with no upper-case owner placeholder left', () => {
    const git = (...args: string[]): string[] =>
      spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' })
        .stdout.split('\n')
        .filter((line) => line !== '');
    // Spelled in two pieces, so this file does not match itself.
    expect(git('grep', '-n', '-w', ['OW', 'NER'].join(''))).toEqual([]);
    const mentions = git(
      'grep',
      '-h',
      '-o',
      '-E',
      'github\\.com/[^/ ]+/touchpoint-audit|[A-Za-z0-9_.-]+/touchpoint-audit@',
    );
    expect(mentions.length).toBeGreaterThanOrEqual(8);
    for (const mention of mentions) expect(mention).toContain(REPOSITORY_SLUG);
  });
});

/** Runs a README shell block line by line in `cwd`, as a user types it; returns each result. */
function runShellLines(
  block: string,
  cwd: string,
): { command: string; status: number | null; stderr: string }[] {
  return block
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line !== '')
    .map((command) => {
      const result = spawnSync('bash', ['-c', command], {
        cwd,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          npm_config_offline: 'true',
        },
        encoding: 'utf8',
      });
      return { command, status: result.status, stderr: result.stderr };
    });
}

/** The example as a user's project with touchpoint-audit installed (its bin in node_modules). */
function exampleProject(): string {
  const repo = copyExample();
  mkdirSync(path.join(repo, 'node_modules/.bin'), { recursive: true });
  symlinkSync(
    path.join(ROOT, 'bin/touchpoint.js'),
    path.join(repo, 'node_modules/.bin/touchpoint'),
  );
  return repo;
}

describe('README "Use in CI": every block runs as written', () => {
  const blocks = readmeBlocks().filter((block) => block.section === 'Use in CI');

  it('has exactly the blocks this test runs (a new block needs a test here)', () => {
    expect(blocks.map((block) => [block.subsection, block.lang])).toEqual([
      ['GitHub Actions: annotations, job summary and code scanning', 'yaml'],
      ['GitLab CI: JUnit test report', 'yaml'],
      ['pre-commit', 'yaml'],
      ['Adopting on an existing inventory: baselines', 'sh'],
    ]);
  });

  it('GitHub Actions: the workflow uses the action and works', () => {
    const [block] = blocksUnder('GitHub Actions: annotations, job summary and code scanning');
    const workflow = parseYaml(block?.content ?? '') as {
      permissions: Record<string, string>;
      jobs: Record<string, { steps: WorkflowStep[] }>;
    };
    expect(workflow.permissions['security-events']).toBe('write');
    expectWorkflowWorks(Object.values(workflow.jobs).flatMap((job) => job.steps));
  });

  it('GitLab CI: the job works', () => {
    const [block] = blocksUnder('GitLab CI: JUnit test report');
    const pipeline = parseYaml(block?.content ?? '') as Record<string, GitlabJob>;
    expectGitlabJobWorks(pipeline['touchpoint-audit']);
  });

  it('pre-commit: the config names the published hook at the repository URL', () => {
    const [block] = blocksUnder('pre-commit');
    const config = parseYaml(block?.content ?? '') as {
      repos: { repo: string; rev: string; hooks: { id: string }[] }[];
    };
    expect(config.repos).toEqual([
      { repo: REPOSITORY_URL, rev: RELEASE_REF, hooks: [{ id: 'touchpoint-validate' }] },
    ]);
    const declared = readYaml('.pre-commit-hooks.yaml') as Hook[];
    expect(declared.map((h) => h.id)).toEqual(['touchpoint-validate']);
  });

  it('baselines: the first run writes the baseline (exit 1 on errors), the next passes on it', () => {
    const [block] = blocksUnder('Adopting on an existing inventory: baselines');
    const repo = exampleProject();
    const results = runShellLines(block?.content ?? '', repo);
    expect(results.map((r) => [r.command, r.status])).toEqual([
      ['npx touchpoint audit --write-baseline .touchpoint-baseline.json', 1],
      [
        'npx touchpoint audit --baseline .touchpoint-baseline.json -f github -f sarif=touchpoint.sarif',
        0,
      ],
    ]);
    expect(existsSync(path.join(repo, '.touchpoint-baseline.json'))).toBe(true);
    expectValidSarif(path.join(repo, 'touchpoint.sarif'));
  });
});
