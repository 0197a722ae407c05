import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/gap/empty-stage.js';
import { inventory, tp } from '../../timeline/factory.js';
import { runRule } from '../../timeline/harness.js';

const journey = { file: 'touchpoints.yaml', line: 2, column: 1, path: 'journey' };

describe('gap/empty-stage', () => {
  it('has its id and runs in audit', () => {
    expect(rule.meta.id).toBe('gap/empty-stage');
    expect(rule.meta.defaultSeverity).toBe('warning');
    expect(rule.phase).toBe('audit');
  });

  it('accepts a journey whose every stage and segment is covered', () => {
    const inv = inventory({
      stages: ['onboarding', 'renewal'],
      segments: ['enterprise', 'smb'],
      touchpoints: [
        tp({ id: 'a', stage: 'onboarding' }),
        tp({ id: 'b', stage: 'renewal', segments: ['enterprise'] }),
        tp({ id: 'c', stage: 'renewal', segments: ['smb'], mode: 'reactive' }),
      ],
    });
    expect(runRule(rule, inv)).toEqual([]);
  });

  it('reports a stage with no touchpoint once, and uncovered segments per stage', () => {
    const inv = inventory({
      stages: ['onboarding', 'adoption', 'renewal'],
      segments: ['enterprise', 'mid-market', 'smb'],
      touchpoints: [
        tp({ id: 'a', stage: 'onboarding', segments: ['enterprise'] }),
        tp({ id: 'b', stage: 'renewal' }),
        tp({ id: 'c', stage: 'unknown-stage' }),
        tp({ id: 'd', stage: undefined }),
      ],
    });
    expect(runRule(rule, inv)).toEqual([
      {
        message: "stage 'onboarding' has no touchpoint for segment 'mid-market'",
        location: journey,
        field: 'journey.onboarding.mid-market',
      },
      {
        message: "stage 'onboarding' has no touchpoint for segment 'smb'",
        location: journey,
        field: 'journey.onboarding.smb',
      },
      {
        message: "stage 'adoption' has no touchpoint",
        location: journey,
        field: 'journey.adoption',
      },
    ]);
  });

  it('checks stages only when the inventory has no segments', () => {
    const inv = inventory({
      stages: ['onboarding', 'renewal'],
      touchpoints: [tp({ id: 'a', stage: 'onboarding' })],
    });
    expect(runRule(rule, inv).map((r) => r.message)).toEqual(["stage 'renewal' has no touchpoint"]);
  });

  it('falls back to line 1 of the first file without a journey position', () => {
    const inv = inventory({ stages: ['renewal'], touchpoints: [], locations: {} });
    expect(runRule(rule, inv)).toEqual([
      {
        message: "stage 'renewal' has no touchpoint",
        location: { file: 'touchpoints.yaml', line: 1, column: 1 },
        field: 'journey.renewal',
      },
    ]);
  });
});

describe('gap/empty-stage with applicability and scope', () => {
  it('a stage only some segments pass through is no gap for the others', () => {
    const inv = inventory({
      stages: ['trial', 'onboarding'],
      segments: ['trial', 'paid'],
      touchpoints: [tp({ id: 'a', stage: 'onboarding', segments: ['paid'] })],
    });
    inv.journey.applies = { trial: ['trial'], onboarding: ['paid'] };
    expect(runRule(rule, inv).map((f) => f.message)).toEqual(["stage 'trial' has no touchpoint"]);
  });

  it('stages outside scope are never gaps', () => {
    const inv = inventory({
      stages: ['awareness', 'onboarding', 'renewal'],
      touchpoints: [tp({ id: 'a', stage: 'onboarding' })],
    });
    inv.scope = { stages: ['onboarding', 'renewal'] };
    expect(runRule(rule, inv).map((f) => f.message)).toEqual(["stage 'renewal' has no touchpoint"]);
  });
});
