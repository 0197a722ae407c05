import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { audit, auditLoaded } from '../../src/audit.js';
import { loadConfig, parseConfigText } from '../../src/config/load-config.js';
import { parseInventoryTexts } from '../../src/inventory/load-inventory.js';
import { actionKey } from '../../src/scoring/rank-actions.js';
import {
  findingsByNamedId,
  scoreAudit,
  scoreTenths,
  touchpointScorer,
} from '../../src/scoring/score-audit.js';
import { touchpointTenths } from '../../src/scoring/score-touchpoint.js';
import type { AuditScores, ScoreAuditInput } from '../../src/scoring/score-audit.js';
import { settledScorer } from '../../src/scoring/settled-scorer.js';
import { seededRandom } from '../../src/events/synthetic-log.js';
import type { Finding } from '../../src/types.js';
import { metricsResult } from './metrics-factory.js';

// What the audit pipeline hands to rankActions, captured as it runs: the findings, inventory,
// config and metrics the incremental re-score is compared on are exactly the real ones.
const captured = vi.hoisted(() => [] as { input: ScoreAuditInput; base: AuditScores }[]);
vi.mock('../../src/scoring/rank-actions.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/scoring/rank-actions.js')>();
  return {
    ...original,
    rankActions: (input: ScoreAuditInput, base: AuditScores) => {
      captured.push({ input, base });
      return original.rankActions(input, base);
    },
  };
});

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The contract: the audit scored again from scratch with the findings settled by a fix. */
function fullScore(input: ScoreAuditInput, settle: ReadonlySet<Finding>): number {
  return scoreAudit({
    ...input,
    findings: input.findings.map((f) =>
      settle.has(f) ? { ...f, waived: { reason: 'fixed' } } : f,
    ),
  }).score;
}

/**
 * Every action's findings, every owner's and every touchpoint's findings together, and seeded
 * random handfuls: each settled set scores the same incrementally as from scratch.
 */
function expectExact({ input, base }: { input: ScoreAuditInput; base: AuditScores }, seed: number) {
  expect(scoreAudit(input).score).toBe(base.score);
  const open = input.findings.filter((f) => !f.waived);
  const groups = new Map<string, Set<Finding>>();
  const add = (key: string, finding: Finding) => {
    const set = groups.get(key);
    if (set) set.add(finding);
    else groups.set(key, new Set([finding]));
  };
  const ownerOf = new Map(input.inventory.touchpoints.map((t) => [t.id, t.owner ?? '']));
  for (const finding of open) {
    add(`action ${actionKey(finding)}`, finding);
    add(`owner ${ownerOf.get(finding.touchpoint ?? '') ?? ''}`, finding);
  }
  const next = seededRandom(seed);
  for (let i = 0; i < 20; i++) {
    const pick = input.findings.filter(() => next() < 0.05);
    groups.set(`random ${i}`, new Set(pick));
  }
  groups.set('everything', new Set(input.findings));
  groups.set('nothing', new Set());

  const scoreSettled = settledScorer(input, base);
  const differ = [...groups]
    .map(([key, settle]) => ({
      key,
      incremental: scoreSettled(settle),
      full: fullScore(input, settle),
    }))
    .filter((row) => row.incremental !== row.full);
  expect(differ).toEqual([]);

  // And touchpoint by touchpoint: the score without its explanation is the explained score,
  // with a seeded share of each touchpoint's findings settled.
  const explained = touchpointScorer(input);
  const tenths = touchpointScorer(input, touchpointTenths);
  const named = findingsByNamedId(input.findings);
  const mismatched = input.inventory.touchpoints.filter((touchpoint) => {
    const findings = named.get(touchpoint.id) ?? [];
    const kept = findings.filter((f) => !f.waived && next() < 0.7);
    const settledOnes = findings
      .filter((f) => !kept.includes(f))
      .map((f) => (f.waived ? f : { ...f, waived: { reason: 'fixed' } }));
    const full = scoreTenths(explained(touchpoint, kept, settledOnes).score.score);
    return tenths(touchpoint, kept, settledOnes) !== full;
  });
  expect(mismatched.map((t) => t.id)).toEqual([]);
  return groups.size;
}

/**
 * A messy generated inventory: stages in and out of scope, unknown and missing; owners missing,
 * placeholder and unknown; unknown channels; ids given twice; touches that share days (for
 * collisions and density) and metrics with and without data, some below target.
 */
function generatedInventory(seed: number, count: number): string {
  const next = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const stages = ['onboarding', 'adoption', 'renewal', 'expansion', 'nowhere', undefined];
  const owners = ['cs', 'marketing', 'support', 'TBD', 'ghost', undefined];
  const channels = ['email', 'in-app', 'phone', 'carrier-pigeon', undefined];
  const lines = [
    'version: 1',
    'name: Generated',
    'journey: b2b-saas',
    'segments: [enterprise, smb]',
    'scope: { stages: [onboarding, adoption, renewal] }',
    'lifecycle: { contract-start: 0d, go-live: 14d, renewal: 365d }',
    'owners: [{ id: cs, capacity: 3 }, { id: marketing }, { id: support }]',
    'touchpoints:',
  ];
  for (let i = 0; i < count; i++) {
    const id = next() < 0.04 && i > 0 ? `tp-${Math.floor(next() * i)}` : `tp-${i}`;
    const stage = pick(stages);
    const owner = pick(owners);
    const channel = pick(channels);
    lines.push(`  - id: ${id}`, `    name: Touch ${i}`);
    if (stage !== undefined) lines.push(`    stage: ${stage}`);
    if (next() < 0.8)
      lines.push(`    purpose: Help the customer reach milestone ${i} of the journey.`);
    if (channel !== undefined) lines.push(`    channel: ${channel}`);
    if (owner !== undefined) lines.push(`    owner: ${owner}`);
    if (next() < 0.5)
      lines.push(`    segments: [${pick(['enterprise', 'smb', 'enterprise, smb'])}]`);
    lines.push(
      next() < 0.15
        ? '    timing: { continuous: true }'
        : `    timing: { anchor: ${pick(['contract-start', 'go-live', 'renewal'])}, at: ${pick([0, 1, 2, 3, 7, -30])}d${next() < 0.2 ? ', every: 7d' : ''} }`,
    );
    if (next() < 0.7) lines.push(`    metric: { name: open_rate, target: ">= 0.4", unit: ratio }`);
  }
  return `${lines.join('\n')}\n`;
}

describe('settledScorer: the incremental re-score of a fix', () => {
  it.each([
    ['b2b-saas', true],
    ['b2c-retail', true],
    ['support-tiers', true],
    ['observed', false],
  ])(
    'equals scoring the audit again with the fix, for every action of examples/%s',
    async (name, withMetrics) => {
      captured.length = 0;
      const dir = `examples/${name}`;
      const config = await loadConfig(
        path.join(ROOT, dir, 'touchpoint.config.yaml'),
        `${dir}/touchpoint.config.yaml`,
      );
      await audit({
        inventory: [dir],
        ...(withMetrics ? { metrics: [`${dir}/metrics`] } : {}),
        config,
        cwd: ROOT,
        asOf: '2026-11-15',
      });
      expect(captured).toHaveLength(1);
      expect(expectExact(captured[0] as (typeof captured)[0], 1)).toBeGreaterThan(10);
    },
  );

  it.each([11, 12])(
    'equals it on a generated inventory with waivers and metrics (seed %i)',
    (seed) => {
      captured.length = 0;
      const text = generatedInventory(seed, 90);
      const loaded = parseInventoryTexts([{ file: 'generated.yaml', text }]);
      const config = parseConfigText(
        [
          'scoring: { stages: { onboarding: 2, adoption: 0.5 } }',
          'waivers:',
          '  - { rule: gap/no-data, touchpoint: tp-3, reason: planned }',
          '  - { rule: overlap/collision, touchpoint: tp-5, reason: accepted }',
          '  - { rule: ownerless/placeholder-owner, touchpoint: tp-9, reason: hiring }',
        ].join('\n'),
        'touchpoint.config.yaml',
      );
      const next = seededRandom(seed);
      const metrics = metricsResult(
        loaded.inventory.touchpoints
          .filter(() => next() < 0.6)
          .map((t) => ({
            touchpoint: t.id,
            metric: 'open_rate',
            value: Math.round(next() * 100) / 100,
            latestDate: next() < 0.3 ? '2026-06-01' : '2026-10-30',
          })),
      );
      auditLoaded({ loaded, config, metrics, asOf: '2026-11-01' });
      expect(captured).toHaveLength(1);
      expect(expectExact(captured[0] as (typeof captured)[0], seed)).toBeGreaterThan(100);
    },
  );
});
