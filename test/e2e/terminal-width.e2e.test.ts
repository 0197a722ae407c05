import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { RULE_CATALOGUE } from '../../src/rules/index.js';
import { runCli } from './run-cli.js';

// cli-table3, which lays out and wraps every table and paragraph, measures with its
// string-width: the same measure.
const fromTable = createRequire(createRequire(import.meta.url).resolve('cli-table3'));
const stringWidth = fromTable('string-width') as (text: string) => number;

const AS_OF = ['--as-of', '2026-11-15'];
const COMMANDS: readonly (readonly string[])[] = [
  ['rules'],
  ...RULE_CATALOGUE.map((meta) => ['explain', meta.id]),
  ...['examples/b2b-saas', 'examples/b2c-retail'].flatMap((example) => [
    ['audit', example, ...AS_OF],
    ['audit', example, ...AS_OF, '--explain'],
    ['scorecard', example, ...AS_OF],
    ['scorecard', example, ...AS_OF, '--by', 'owner'],
    ['sources', `${example}/metrics`],
    ['doctor', example],
  ]),
];

function widest(text: string): { width: number; line: string } {
  let best = { width: 0, line: '' };
  for (const line of text.split('\n')) {
    const width = stringWidth(line);
    if (width > best.width) best = { width, line };
  }
  return best;
}

describe('human output fits the terminal width (COLUMNS)', () => {
  for (const columns of [80, 120]) {
    it(`every line of rules, explain, audit, scorecard, sources and doctor fits ${String(columns)} columns`, () => {
      for (const args of COMMANDS) {
        const result = runCli(args, { env: { COLUMNS: String(columns) } });
        expect(result.stdout, args.join(' ')).not.toBe('');
        expect(
          widest(result.stdout).width,
          `${args.join(' ')}: ${widest(result.stdout).line}`,
        ).toBeLessThanOrEqual(columns);
      }
    });
  }

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
