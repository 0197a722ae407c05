import { defaultConfig } from '../../src/config/config.js';
import { ObservedAggregator } from '../../src/events/aggregate.js';
import { dayOf, observedPlan } from '../../src/events/plan.js';
import type { ObservedInput } from '../../src/events/read.js';
import { runRules } from '../../src/rules/engine.js';
import { RULES } from '../../src/rules/index.js';
import { recordFindings } from '../rules/produced-findings.js';
import observedBadRow from '../../src/rules/observed/bad-row.js';
import type { Finding, Inventory, Touchpoint } from '../../src/types.js';

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
/** Findings (recorded for the rule-file check) of the observed rules over events given as [account, touchpoint, date]. */
export function observed(events: [string, string, string][], silence = 45): string[] {
  const config = defaultConfig();
  config.silence.default = silence;
  const plan = observedPlan(inventory, config, { since: '2025-01-01', asOf: '2025-01-31' });
  const agg = new ObservedAggregator(plan);
  for (const [account, id, date] of events) agg.add(account, id, dayOf(date), 'enterprise');
  const input: ObservedInput = {
    files: ['events.csv'],
    engine: 'streaming',
    aggregate: agg.finish(),
    problems: [],
    plan,
  };
  return recordFindings(
    runRules(RULES, { inventory, config, asOf: '2025-01-31', observed: input }, ['audit']),
  )
    .filter((f) => f.rule.startsWith('observed/'))
    .map((f) => `${f.rule}: ${f.message}`);
}

export const weekly = (account: string): [string, string, string][] =>
  ['01', '08', '15', '22', '29'].map((d) => [
    account,
    d === '08' ? 'call' : 'digest',
    `2025-01-${d}`,
  ]);

/** The `observed/bad-row` findings of what reading event logs found (recorded for the rule-file check). */
export function badRowFindings(input: ObservedInput, config = defaultConfig()): readonly Finding[] {
  return recordFindings(
    runRules([observedBadRow], { inventory, config, asOf: '2025-01-31', observed: input }, [
      'audit',
    ]),
  );
}
