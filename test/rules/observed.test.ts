import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/config.js';
import { ObservedAggregator } from '../../src/events/aggregate.js';
import { dayOf, observedPlan } from '../../src/events/plan.js';
import type { ObservedInput } from '../../src/events/read.js';
import { runRules } from '../../src/rules/engine.js';
import { RULES } from '../../src/rules/index.js';
import type { Inventory, Touchpoint } from '../../src/types.js';

const at = { file: 'touchpoints.yaml', line: 1, column: 1 };
const touchpoint = (id: string, extra: Partial<Touchpoint> = {}): Touchpoint => ({
  id,
  name: id,
  segments: ['enterprise'],
  mode: 'proactive',
  transactional: false,
  timing: { kind: 'scheduled', anchor: 'start', at: 0, every: 7 },
  location: { ...at, line: 10 },
  fields: {},
  ...extra,
});
const inventory: Inventory = {
  version: 1,
  journey: { stages: ['onboarding'] },
  segments: ['enterprise'],
  lifecycle: { start: 0 },
  touchpoints: [
    touchpoint('digest'),
    touchpoint('call'),
    touchpoint('receipt', { transactional: true, timing: { kind: 'reactive', trigger: 'order' } }),
  ],
  files: ['touchpoints.yaml'],
  locations: {},
};
const config = defaultConfig();

/** Findings of the observed rules over events given as [account, touchpoint, date]. */
function observed(events: [string, string, string][]): string[] {
  const plan = observedPlan(inventory, config, { since: '2025-01-01', asOf: '2025-01-31' });
  const agg = new ObservedAggregator(plan);
  for (const [account, id, date] of events) agg.add(account, id, dayOf(date), 'enterprise');
  const input: ObservedInput = {
    files: ['events.csv'],
    engine: 'streaming',
    aggregate: agg.finish(),
    findings: [],
    plan,
  };
  return runRules(RULES, { inventory, config, asOf: '2025-01-31', observed: input }, ['audit'])
    .filter((f) => f.rule.startsWith('observed/'))
    .map((f) => `${f.rule}: ${f.message}`);
}

const weekly = (account: string): [string, string, string][] =>
  ['01', '08', '15', '22', '29'].map((d) => [
    account,
    d === '08' ? 'call' : 'digest',
    `2025-01-${d}`,
  ]);

describe('observed rules', () => {
  it('a steady weekly account raises nothing', () => {
    expect(observed(weekly('a1'))).toEqual([]);
  });

  it("'observed/density': more than 3 non-transactional touches in 7 days, transactional ones exempt", () => {
    expect(
      observed([
        ...weekly('a1'),
        ['a1', 'digest', '2025-01-09'],
        ['a1', 'call', '2025-01-11'],
        ['a1', 'receipt', '2025-01-12'],
        ['a1', 'digest', '2025-01-13'],
        ...weekly('a2'),
        ['a2', 'receipt', '2025-01-09'],
        ['a2', 'receipt', '2025-01-11'],
        ['a2', 'receipt', '2025-01-13'],
      ]),
    ).toEqual([
      'observed/density: 1 of 2 enterprise accounts (50%) received more than 3 proactive touches in 7 days; most: a1 (4 touches, first on 2025-01-13)',
    ]);
  });

  it("'observed/collision': touches of one account on the same day, pair named once", () => {
    expect(observed([...weekly('a1'), ['a1', 'call', '2025-01-15']])).toEqual([
      "observed/collision: 1 accounts (100%) received both 'call' and 'digest' inside the collision window, 1 times in all; first: a1 on 2025-01-15",
    ]);
  });

  it("'observed/unplanned' and 'observed/not-sent'", () => {
    expect(
      observed([
        ['a1', 'digest', '2025-01-01'],
        ['a1', 'digets', '2025-01-02'],
      ]),
    ).toEqual([
      "observed/not-sent: 'call' is planned for enterprise but no account of that segment received it in the event logs (2025-01-01..2025-01-31)",
      "observed/unplanned: 'digets' was sent 1 times (first on 2025-01-02) but is not in the inventory (did you mean 'digest'?)",
    ]);
  });
});
