import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { useColor } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { startProgress } from '../../src/cli/progress.js';
import { fakeIo } from '../helpers/fake-io.js';
import { createLocale, ENGLISH } from '../../src/i18n/locale.js';
import { workerErrorText } from '../../src/cli/shell.js';

const run = async (...args: string[]): Promise<{ code: number; out: string; err: string }> => {
  const io = fakeIo();
  const code = await main(['node', 'touchpoint', ...args], io);
  return { code, out: io.out, err: io.err };
};

describe('main() in-process', () => {
  it('validates and sets the exit code from the gate', async () => {
    const clean = await run('validate', 'test/fixtures/inventory/valid.yaml', '-f', 'json');
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.out)).toMatchObject({
      command: 'validate',
      summary: { findings: { error: 0 } },
    });
    const dirty = await run('validate', 'test/fixtures/inventory/defects.yaml', '-f', 'json');
    expect(dirty.code).toBe(1);
    expect(dirty.err).toBe("touchpoint: failed: 15 findings at or above 'error'\n");
  });

  it('audits with every stage and scores', async () => {
    const result = await run(
      'audit',
      'test/fixtures/audit/timeline.yaml',
      '-f',
      'json',
      '--as-of',
      '2026-11-15',
      '--fail-on',
      'never',
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out) as {
      summary: { grade: string };
      scores: { stages: { id: string }[] };
    };
    expect(report.scores.stages.map((s) => s.id)).toEqual(['onboarding', 'retention', 'renewal']);
  });

  it('turns usage and input errors into exit 2 with one line', async () => {
    expect(await run('validate', 'missing.yaml')).toEqual({
      code: 2,
      out: '',
      err: 'touchpoint: missing.yaml: no such file or directory\n',
    });
    const twoToStdout = await run(
      'validate',
      'test/fixtures/inventory/valid.yaml',
      '-f',
      'json',
      '-f',
      'table',
    );
    expect(twoToStdout).toEqual({
      code: 2,
      out: '',
      err: 'touchpoint: only one format can go to stdout; use -f FORMAT=FILE for the others\n',
    });
    const badDate = await run(
      'audit',
      'test/fixtures/inventory/valid.yaml',
      '--as-of',
      '15/11/2026',
    );
    expect(badDate.code).toBe(2);
    expect(badDate.err).toContain(
      "option '--as-of <date>' argument '15/11/2026' is invalid. expected a date as YYYY-MM-DD",
    );
    const schema = await run('schema', 'nope');
    expect(schema).toEqual({
      code: 2,
      out: '',
      err: "touchpoint: unknown schema 'nope' (choose inventory, config or report)\n",
    });
  });

  it('prints help and version with exit 0', async () => {
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: touchpoint [options] [command]');
    for (const command of ['validate', 'audit', 'scorecard', 'init', 'rules', 'explain', 'schema'])
      expect(help.out).toContain(command);
    const version = await run('--version');
    expect(version).toEqual({
      code: 0,
      out: `touchpoint-audit 0.1.0 (Node ${process.version})\n`,
      err: '',
    });
  });

  it('lists rules as a table', async () => {
    const rules = await run('rules');
    expect(rules.code).toBe(0);
    expect(rules.out).toContain('overlap/collision');
    expect(await run('rules', '-f', 'xml')).toEqual({
      code: 2,
      out: '',
      err: "touchpoint: unknown format 'xml' for rules (choose table or json)\n",
    });
  });
});

describe('colour and progress decisions', () => {
  const cases: [Parameters<typeof useColor>, boolean][] = [
    [['always', {}, false], true],
    [['never', { FORCE_COLOR: '1' }, true], false],
    [['auto', {}, true], true],
    [['auto', {}, false], false],
    [['auto', { NO_COLOR: '1' }, true], false],
    [['auto', { NO_COLOR: '' }, true], true],
    [['auto', { FORCE_COLOR: '1' }, false], true],
    [['auto', { FORCE_COLOR: '0' }, true], false],
  ];
  for (const [args, expected] of cases) {
    it(`useColor(${JSON.stringify(args)}) → ${String(expected)}`, () => {
      expect(useColor(...args)).toBe(expected);
    });
  }

  it('shows no spinner in CI, in pipes, with --quiet, or without a terminal width', () => {
    const tty = (env: Record<string, string>, columns: number): CliIo => ({
      ...fakeIo(env),
      stderr: { write: () => true, isTTY: true, columns },
    });
    let written = '';
    const pipe: CliIo = {
      ...fakeIo(),
      stderr: { write: (t: string) => (written += t), isTTY: false },
    };
    for (const progress of [
      startProgress(tty({ CI: 'true' }, 80), false, ENGLISH),
      startProgress(tty({}, 80), true, ENGLISH),
      startProgress(tty({}, 0), false, ENGLISH),
      startProgress(pipe, false, ENGLISH),
    ]) {
      progress.update('reading');
      progress.stop();
    }
    expect(written).toBe('');
  });

  it("words the spinner's stages in the run's language", async () => {
    const stages = async (lang: string): Promise<string[]> => {
      const texts: string[] = [];
      const io: CliIo = {
        ...fakeIo(),
        stderr: { write: () => true, isTTY: true, columns: 80 },
        startSpinner: (text) => {
          texts.push(text);
          return {
            update: (next) => texts.push(next),
            stop: () => undefined,
          };
        },
      };
      await main(
        ['node', 'touchpoint', 'audit', 'examples/b2b-saas', '-f', 'json', '--lang', lang],
        io,
      );
      return texts;
    };
    expect(await stages('en')).toEqual([
      'working',
      'loading the inventory',
      'reading metric exports',
      'analysing',
    ]);
    expect(await stages('id')).toEqual([
      'sedang bekerja',
      'memuat inventaris',
      'membaca ekspor metrik',
      'menganalisis',
    ]);
  });
});

describe("main() and the process shell word an internal error in the run's language", () => {
  it('a failure outside the error path is an internal error, one line, exit 2', async () => {
    const failing = (env: Record<string, string>): CliIo => ({
      ...fakeIo(env),
      readStdin: () => Promise.reject(new Error('boom')),
    });
    const run = async (args: string[], env: Record<string, string> = {}) => {
      const io = failing(env);
      let err = '';
      const code = await main(['node', 'touchpoint', ...args], {
        ...io,
        stderr: { write: (text: string) => (err += text), isTTY: false },
      });
      return [code, err];
    };
    expect(await run(['validate', '-'])).toEqual([
      2,
      'touchpoint: internal error, please report it: boom\n',
    ]);
    expect(await run(['validate', '-', '--lang', 'id'])).toEqual([
      2,
      'touchpoint: internal error, mohon laporkan: boom\n',
    ]);
  });

  it("the shell's lines for a worker that failed", () => {
    const id = createLocale('id');
    const oom = Object.assign(new Error('heap'), { code: 'ERR_WORKER_OUT_OF_MEMORY' });
    expect(workerErrorText(oom, ENGLISH)).toBe(
      'out of memory: the input is too large for this machine',
    );
    expect(workerErrorText(oom, id)).toBe('memori habis: input terlalu besar untuk mesin ini');
    expect(workerErrorText(new Error('x\u001b'), id)).toBe(
      'internal error, mohon laporkan: x\\x1b',
    );
  });
});

describe('main() shows control characters of user input in its messages as escapes', () => {
  it('in a one-line error (a missing inventory)', async () => {
    const result = await run('validate', 'missing-\u001b]0;owned\u0007\u202e.yaml');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^touchpoint: .*missing-\\x1b\]0;owned\\x07\\u\{202e\}\.yaml/);
    for (const raw of ['\u001b', '\u0007', '\u202e']) expect(result.err).not.toContain(raw);
  });

  it('in a usage error printed by commander (an unknown option)', async () => {
    const result = await run('validate', '--\u001b[2Kbad');
    expect(result.code).toBe(2);
    expect(result.err).toContain("unknown option '--\\x1b[2Kbad'");
    expect(result.err).not.toContain('\u001b');
  });
});
