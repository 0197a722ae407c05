import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { useColor } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { startProgress } from '../../src/cli/progress.js';
import { fakeIo } from '../helpers/fake-io.js';

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
      startProgress(tty({ CI: 'true' }, 80), false),
      startProgress(tty({}, 80), true),
      startProgress(tty({}, 0), false),
      startProgress(pipe, false),
    ]) {
      progress.update('reading');
      progress.stop();
    }
    expect(written).toBe('');
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
