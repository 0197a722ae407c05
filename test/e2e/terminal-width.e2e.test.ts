import { createRequire } from 'node:module';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RULE_CATALOGUE } from '../../src/rules/index.js';
import { runCli } from './run-cli.js';

// cli-table3, which lays out and wraps every table and paragraph, measures with its
// string-width: the same measure.
const fromTable = createRequire(createRequire(import.meta.url).resolve('cli-table3'));
const stringWidth = fromTable('string-width') as (text: string) => number;

const AS_OF = ['--as-of', '2026-11-15'];
/** examples/b2b-saas with two findings fixed (test/e2e/compare.e2e.test.ts). */
const COMPARED_AFTER = [
  'audit',
  'test/fixtures/compare/b2b-saas-after',
  '-m',
  'examples/b2b-saas/metrics',
];
const EXAMPLES = ['examples/b2b-saas', 'examples/b2c-retail'];

interface Run {
  args: readonly string[];
  env?: Record<string, string>;
}

/** The catalogue commands, in a language: `--lang id`, or English by default. */
function catalogueRuns(lang: readonly string[]): Run[] {
  return [
    { args: ['rules', ...lang] },
    ...RULE_CATALOGUE.map((meta) => ({ args: ['explain', meta.id, ...lang] })),
  ];
}

/** The commands on the examples; sources and doctor read the language from the locale env. */
function exampleRuns(lang: readonly string[], env: Record<string, string>): Run[] {
  return EXAMPLES.flatMap((example) => [
    { args: ['audit', example, ...AS_OF, ...lang] },
    { args: ['audit', example, ...AS_OF, '--explain', ...lang] },
    { args: ['scorecard', example, ...AS_OF, ...lang] },
    { args: ['scorecard', example, ...AS_OF, '--by', 'owner', ...lang] },
    { args: ['sources', `${example}/metrics`], env },
    { args: ['doctor', example], env },
  ]);
}

const LANGUAGES = [
  { lang: 'en', flag: [], env: {} },
  { lang: 'id', flag: ['--lang', 'id'], env: { LANG: 'id_ID.UTF-8' } },
] as const;

function widest(text: string): { width: number; line: string } {
  let best = { width: 0, line: '' };
  for (const line of text.split('\n')) {
    const width = stringWidth(line);
    if (width > best.width) best = { width, line };
  }
  return best;
}

/** Runs each command at `columns` and checks every line fits and no table cell was cut with `…`. */
function expectFits(runs: readonly Run[], columns: number): void {
  for (const run of runs) {
    const result = runCli(run.args, { env: { ...run.env, COLUMNS: String(columns) } });
    const what = run.args.join(' ');
    expect(result.stdout, what).not.toBe('');
    expect(
      widest(result.stdout).width,
      `${what}: ${widest(result.stdout).line}`,
    ).toBeLessThanOrEqual(columns);
    // cli-table3 cuts a word too long for its column with `…` before the cell's border.
    expect(result.stdout, what).not.toMatch(/…\s*│/u);
  }
}

describe('human output fits the terminal width (COLUMNS)', () => {
  let dir = '';
  const compared = new Map<string, Run[]>();
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'tp-width-'));
    const before = path.join(dir, 'before.json');
    const after = path.join(dir, 'after.json');
    runCli(['audit', 'examples/b2b-saas', ...AS_OF, '-f', `json=${before}`]);
    runCli([...COMPARED_AFTER, ...AS_OF, '-f', `json=${after}`]);
    for (const { lang, flag } of LANGUAGES) {
      compared.set(lang, [
        { args: ['diff', before, after, ...flag] },
        { args: [...COMPARED_AFTER, ...AS_OF, '--compare', before, ...flag] },
      ]);
    }
  });

  for (const { lang, flag, env } of LANGUAGES) {
    for (const columns of [80, 120]) {
      it(`${lang}: rules and explain of every rule fit ${String(columns)} columns`, () => {
        expectFits(catalogueRuns(flag), columns);
      });
      it(`${lang}: audit, scorecard, sources and doctor of the examples fit ${String(columns)} columns`, () => {
        expectFits(exampleRuns(flag, env), columns);
      });
      it(`${lang}: diff and audit --compare fit ${String(columns)} columns`, () => {
        expectFits(compared.get(lang) ?? [], columns);
      });
    }
  }

  it('breaks an id too long for its column over lines instead of cutting it with …', () => {
    const long = 'checkout-experience-for-returning-loyalty-programme-members-v2';
    const copy = path.join(dir, 'long');
    cpSync('examples/b2c-retail', copy, { recursive: true });
    const file = path.join(copy, 'touchpoints.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\bcheckout\b/gu, long));
    const scorecard = runCli(['scorecard', copy, ...AS_OF], { env: { COLUMNS: '80' } });
    // The touchpoint column: the name, then the id in three pieces, each broken after a hyphen.
    const column = scorecard.stdout.split('\n').map((line) => line.slice(0, 26));
    const at = column.indexOf('│ checkout-experience-   │');
    expect(column.slice(at, at + 3)).toEqual([
      '│ checkout-experience-   │',
      '│ for-returning-loyalty- │',
      '│ programme-members-v2   │',
    ]);
    expect(scorecard.stdout).not.toContain('…');
    const real = runCli(['scorecard', 'examples/b2c-retail', ...AS_OF], { env: { COLUMNS: '80' } });
    expect(real.stdout).toContain('│ whatsapp-order-        │');
    expect(real.stdout).toContain('│ confirmation           │');
  });

  it('uses the room of a wider terminal for the tables', () => {
    const rules = runCli(['rules'], { env: { COLUMNS: '120' } });
    expect(widest(rules.stdout).width).toBe(120);
    const scorecard = runCli(['scorecard', 'examples/b2b-saas', ...AS_OF], {
      env: { COLUMNS: '120' },
    });
    expect(widest(scorecard.stdout).width).toBe(120);
  });

  it('keeps 100 columns without a terminal or COLUMNS, and never lays out below 80', () => {
    expect(widest(runCli(['rules']).stdout).width).toBe(100);
    expect(widest(runCli(['rules'], { env: { COLUMNS: '40' } }).stdout).width).toBe(80);
    expect(widest(runCli(['rules'], { env: { COLUMNS: 'wide' } }).stdout).width).toBe(100);
  });

  it('moves Level and Findings under the score at 80 columns, and says so in the heading', () => {
    const result = runCli(['scorecard', 'examples/b2c-retail', ...AS_OF], {
      env: { COLUMNS: '80' },
    });
    expect(result.stdout).toContain(
      [
        '┌────────────────────────┬──────────────┬──────────┬───────────────────────────┐',
        '│ Touchpoint             │ Owner        │    Score │ Metric: value / target    │',
        '│                        │              │    Level │                           │',
        '│                        │              │ Findings │                           │',
        '├────────────────────────┼──────────────┼──────────┼───────────────────────────┤',
        '│ Abandoned cart email   │ CRM and      │   92.8 A │ recovery_rate: 7.93% / >= │',
        '│ abandoned-cart-email   │ Loyalty      │       L2 │ 10%                       │',
        '│ purchase · email       │              │      1 W │                           │',
        '│ Checkout               │ E-commerce   │  100.0 A │ checkout_completion_rate: │',
        '│ checkout               │ Team         │       L4 │ 68.8% / >= 65%            │',
      ].join('\n'),
    );
  });

  it('puts the rule id under the message when the findings table has no room for its column', () => {
    const result = runCli(['audit', 'examples/b2b-saas', ...AS_OF], { env: { COLUMNS: '80' } });
    expect(result.stdout).toContain(
      [
        "  206:5     error     purpose of touchpoint 'usage-nudge' is a placeholder",
        "                      ('TBD'): write a sentence saying what it is for",
        '                      schema/vague-purpose',
      ].join('\n'),
    );
  });

  it('wraps explain under each heading and keeps the config line whole', () => {
    const result = runCli(['explain', 'overlap/collision'], { env: { COLUMNS: '80' } });
    expect(result.stdout).toContain(
      [
        'What it checks',
        '  Two different proactive touchpoints reach a shared segment closer together',
        '  than the collision window (default 1 day: the same day). One finding per pair',
      ].join('\n'),
    );
    expect(result.stdout).toContain(
      "  sameDay: '{{first}}' and '{{second}}' both reach {{segments|segments}} on\n    day {{day|day}}{{suggestion?|message:move}}\n",
    );
    expect(result.stdout).toContain(
      'Change its severity (or turn it off) in touchpoint.config.yaml:\n  rules: { overlap/collision: warning }\n',
    );
  });
});
