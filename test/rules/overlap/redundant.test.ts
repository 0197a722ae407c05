import { describe, expect, it } from 'vitest';
import rule, { purposeWords } from '../../../src/rules/overlap/redundant.js';
import { fieldLocation, inventory, tp } from '../../timeline/factory.js';
import { runRule, runRuleReports } from '../../timeline/harness.js';

const segments = ['enterprise', 'mid-market', 'smb'];
const metric = (name: string) => ({
  name,
  target: { op: '>=' as const, value: 0.4, text: '>= 0.4' },
});

describe('purposeWords', () => {
  it('keeps distinct meaningful words, lower-cased', () => {
    expect([
      ...purposeWords('Welcome the customer, and welcome THEIR admins to the product!'),
    ]).toEqual(['welcome', 'customer', 'admins', 'product']);
  });
});

describe('overlap/redundant', () => {
  it('has its id and runs in audit', () => {
    expect(rule.meta.id).toBe('overlap/redundant');
    expect(rule.meta.defaultSeverity).toBe('warning');
    expect(rule.phase).toBe('audit');
  });

  it('reports touchpoints with the same stage, channel, metric and a shared segment', () => {
    const inv = inventory({
      segments,
      touchpoints: [
        tp({
          id: 'welcome-v2',
          purpose: 'Greet new admins.',
          segments: ['smb', 'mid-market'],
          metric: metric('open_rate'),
        }),
        tp({
          id: 'welcome',
          purpose: 'Say hello after signup.',
          segments: ['mid-market', 'smb'],
          metric: metric('open_rate'),
        }),
        tp({
          id: 'welcome-ent',
          purpose: 'Hello, enterprise.',
          segments: ['enterprise'],
          metric: metric('open_rate'),
        }),
        tp({ id: 'welcome-sms', purpose: 'Say hi.', channel: 'sms', metric: metric('open_rate') }),
        tp({ id: 'welcome-click', purpose: 'Get a click.', metric: metric('click_rate') }),
      ],
    });
    expect(runRule(rule, inv)).toEqual([
      {
        message:
          "'welcome' and 'welcome-v2' are redundant: same stage (onboarding), channel (email) and metric (open_rate) for mid-market and smb",
        location: { file: 'touchpoints.yaml', line: 20, column: 5, path: 'touchpoints[1]' },
        touchpoint: 'welcome',
        related: ['welcome-v2'],
      },
    ]);
  });

  it('reports near-identical purposes across stages and channels, once per pair', () => {
    const inv = inventory({
      segments,
      touchpoints: [
        tp({
          id: 'renewal-call',
          stage: 'renewal',
          channel: 'phone',
          purpose: 'Remind the customer that their renewal date is coming up.',
          metric: metric('a'),
        }),
        tp({
          id: 'renewal-mail',
          stage: 'renewal',
          channel: 'email',
          purpose: 'Remind customers that the renewal date is coming up soon.',
          metric: metric('b'),
        }),
        tp({
          id: 'renewal-sms',
          stage: 'renewal',
          channel: 'sms',
          purpose: 'Remind the customer that their renewal date is coming up!',
          metric: metric('c'),
          segments: ['smb'],
        }),
        tp({
          id: 'renewal-dup',
          stage: 'renewal',
          channel: 'sms',
          purpose: 'Remind the customer that their renewal date is coming up!',
          metric: metric('c'),
          segments: ['smb'],
        }),
        tp({
          id: 'qbr',
          stage: 'renewal',
          channel: 'sms',
          purpose: 'Review value delivered and agree next quarter goals.',
          metric: metric('d'),
        }),
      ],
    });
    expect(runRule(rule, inv).map((r) => [r.message, r.location.line, r.field])).toEqual([
      [
        "'renewal-call' and 'renewal-dup' have near-identical purposes (100% of words shared) for smb",
        12,
        'purpose',
      ],
      [
        "'renewal-call' and 'renewal-sms' have near-identical purposes (100% of words shared) for smb",
        12,
        'purpose',
      ],
      [
        "'renewal-dup' and 'renewal-sms' are redundant: same stage (renewal), channel (sms) and metric (c) for smb",
        40,
        undefined,
      ],
    ]);
    expect(fieldLocation(0, 'purpose').line).toBe(12);
  });

  it('reports purposes 80% alike and accepts 75% alike or vague ones', () => {
    const inv = inventory({
      touchpoints: [
        // 4 of 5 words shared: 80%.
        tp({ id: 'a', purpose: 'alpha beta gamma delta', metric: metric('a') }),
        tp({ id: 'b', purpose: 'alpha beta gamma delta epsilon', metric: metric('b') }),
        // 3 of 4 words: 75%.
        tp({ id: 'c', purpose: 'one two three', metric: metric('c') }),
        tp({ id: 'd', purpose: 'one two three four', metric: metric('d') }),
        // Under three meaningful words: not compared.
        tp({ id: 'e', purpose: 'TBD', metric: metric('e') }),
        tp({ id: 'f', purpose: 'TBD', metric: metric('f') }),
        tp({ id: 'g', purpose: undefined, metric: metric('g') }),
      ],
    });
    expect(runRule(rule, inv).map((r) => r.message)).toEqual([
      "'a' and 'b' have near-identical purposes (80% of words shared) for all customers",
    ]);
  });

  it('accepts near-identical purposes for disjoint segments', () => {
    const inv = inventory({
      segments,
      touchpoints: [
        tp({
          id: 'a',
          segments: ['smb'],
          purpose: 'Welcome new admins to the product.',
          metric: metric('a'),
        }),
        tp({
          id: 'b',
          segments: ['enterprise'],
          purpose: 'Welcome new admins to the product.',
          metric: metric('b'),
        }),
      ],
    });
    expect(runRule(rule, inv)).toEqual([]);
  });

  it('finds the one similar pair among many distinct purposes', () => {
    const touchpoints = Array.from({ length: 2000 }, (_, i) =>
      tp({
        id: `t${String(i).padStart(4, '0')}`,
        purpose: `word${i} other${i} thing${i} more${i}`,
        metric: metric(`m${i}`),
      }),
    );
    touchpoints.push(
      tp({ id: 'twin', purpose: 'word7 other7 thing7 more7', metric: metric('twin') }),
    );
    expect(runRule(rule, inventory({ touchpoints })).map((r) => r.message)).toEqual([
      "'t0007' and 'twin' have near-identical purposes (100% of words shared) for all customers",
    ]);
  });

  it('finds exactly the pairs a brute-force Jaccard comparison finds', () => {
    let seed = 7;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const vocabulary = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta'];
    const touchpoints = Array.from({ length: 300 }, (_, i) => {
      const words = vocabulary.filter(() => next() < 0.6);
      return tp({
        id: `t${String(i).padStart(3, '0')}`,
        purpose: words.join(' '),
        metric: metric(`m${i}`),
      });
    });
    const expected: string[] = [];
    const sets = touchpoints.map((t) => purposeWords(t.purpose ?? ''));
    for (let i = 0; i < sets.length; i++) {
      for (let j = i + 1; j < sets.length; j++) {
        const a = sets[i] ?? new Set<string>();
        const b = sets[j] ?? new Set<string>();
        if (a.size < 3 || b.size < 3) continue;
        const common = [...a].filter((w) => b.has(w)).length;
        if (common / (a.size + b.size - common) >= 0.8)
          expected.push(`${touchpoints[i]?.id ?? ''} ${touchpoints[j]?.id ?? ''}`);
      }
    }
    // A group finding stands for every pair of its members.
    const found = new Set<string>();
    for (const r of runRule(rule, inventory({ touchpoints }))) {
      const members = [r.touchpoint ?? '', ...(r.related ?? [])].sort();
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) found.add(`${members[i]} ${members[j]}`);
      }
    }
    expect(expected.length).toBeGreaterThan(100);
    expect([...found].sort()).toEqual(expected);
  });

  it('reports many touchpoints doing one job as one finding with the members and a count', () => {
    const touchpoints = Array.from({ length: 2_000 }, (_, i) =>
      tp({
        id: `copy-${String(i).padStart(4, '0')}`,
        stage: 'renewal',
        channel: 'email',
        purpose: 'Remind the customer that their renewal date is coming up.',
        metric: metric('open_rate'),
      }),
    );
    const inv = inventory({ segments, touchpoints });
    const facts = runRuleReports(rule, inv);
    expect(facts.map((r) => [r.messageId, r.touchpoint, r.related?.length])).toEqual([
      ['sameJobGroup', 'copy-0000', 1_999],
      ['similarPurposeGroup', 'copy-0000', 1_999],
    ]);
    expect(facts[0]?.data).toMatchObject({ count: 2_000, segments });
    const reports = runRule(rule, inv);
    expect(reports.map((r) => r.message)).toEqual([
      `2000 touchpoints are redundant: copy-0000, copy-0001, copy-0002, copy-0003, copy-0004 and 1995 more share stage (renewal), channel (email) and metric (open_rate) for enterprise, mid-market and smb`,
      `2000 touchpoints have near-identical purposes (100% of words shared): copy-0000, copy-0001, copy-0002, copy-0003, copy-0004 and 1995 more for enterprise, mid-market and smb`,
    ]);
  });
});

describe('overlap/redundant with sequences and conditions', () => {
  it('steps of one sequence and exclusive alternatives are never redundant', () => {
    const touchpoints = [
      tp({ id: 'reminder-7d', sequence: 'trial-reminders' }),
      tp({ id: 'reminder-1d', sequence: 'trial-reminders' }),
      tp({ id: 'setup-a', when: 'no-site' }),
      tp({ id: 'setup-b', when: 'no-data' }),
    ];
    const inv = { ...inventory({ touchpoints }), exclusive: [['no-site', 'no-data']] };
    expect(runRule(rule, inv).map((f) => f.message)).toEqual([
      "'reminder-1d' and 'setup-a' are redundant: same stage (onboarding), channel (email) and metric (open_rate) for all customers",
      "'reminder-1d' and 'setup-b' are redundant: same stage (onboarding), channel (email) and metric (open_rate) for all customers",
      "'reminder-7d' and 'setup-a' are redundant: same stage (onboarding), channel (email) and metric (open_rate) for all customers",
      "'reminder-7d' and 'setup-b' are redundant: same stage (onboarding), channel (email) and metric (open_rate) for all customers",
    ]);
  });
});
