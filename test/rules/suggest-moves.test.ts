import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import collision from '../../src/rules/overlap/collision.js';
import density from '../../src/rules/overlap/density.js';
import silence from '../../src/rules/gap/silence.js';
import { runRules } from '../../src/rules/engine.js';
import {
  firstNewFact,
  indexFacts,
  MAX_SHIFT,
  stillFound,
  suggestMoves,
  timelineFacts,
} from '../../src/rules/suggest-moves.js';
import type { MoveSearch, MoveSuggestion, RejectedMove } from '../../src/rules/suggest-moves.js';
import { readSchema } from '../../src/schema/validators.js';
import { auditLoaded } from '../../src/audit.js';
import { defaultConfig } from '../../src/config/config.js';
import { parseInventoryTexts } from '../../src/inventory/load-inventory.js';
import { RULE_CATALOGUE } from '../../src/rules/index.js';
import { renderTable } from '../../src/reporters/table.js';
import { markdownReporter } from '../../src/reporters/markdown.js';
import { expandTimeline } from '../../src/timeline/expand.js';
import type { Config } from '../../src/config/config.js';
import type { Finding, Inventory, Timing, Touchpoint } from '../../src/types.js';
import { config, inventory, scheduled, tp } from '../timeline/factory.js';
import type { TouchpointInput } from '../timeline/factory.js';

const RULES = [collision, density, silence];

function findingsOf(inv: Inventory, cfg: Config): Finding[] {
  const input = {
    inventory: inv,
    config: cfg,
    timeline: expandTimeline(inv, cfg),
    asOf: '2026-11-01',
  };
  return runRules(RULES, input, ['audit']);
}

function auditMoves(inv: Inventory, cfg: Config = config()): Finding[] {
  const input = {
    inventory: inv,
    config: cfg,
    timeline: expandTimeline(inv, cfg),
    asOf: '2026-11-01',
  };
  return suggestMoves(runRules(RULES, input, ['audit']), RULES, input);
}

const suggestionOf = (finding: Finding) => finding.data.suggestion as MoveSuggestion | undefined;
const searchOf = (finding: Finding) => finding.data.search as MoveSearch;

/** The inventory with the suggested move made: the touchpoint's `at` (and window) shifted. */
/** A scheduled timing moved by `shift` days (its window too); any other timing as it is. */
function shifted(timing: Timing, shift: number): Timing {
  if (timing.kind !== 'scheduled') return timing;
  return {
    ...timing,
    at: timing.at + shift,
    ...(timing.latest === undefined ? {} : { latest: timing.latest + shift }),
  };
}

/** The move made in the inventory, as a user would: every scheduled timing of it shifted. */
function applyMove(inv: Inventory, move: MoveSuggestion): Inventory {
  return {
    ...inv,
    touchpoints: inv.touchpoints.map((touchpoint): Touchpoint => {
      const timing = touchpoint.timing;
      if (touchpoint.id !== move.touchpoint || timing?.kind !== 'scheduled') return touchpoint;
      const perSegment = touchpoint.segmentTimings;
      return {
        ...touchpoint,
        timing: {
          ...timing,
          at: move.at,
          ...(timing.latest === undefined ? {} : { latest: timing.latest + move.shift }),
        },
        ...(perSegment === undefined
          ? {}
          : {
              segmentTimings: Object.fromEntries(
                Object.entries(perSegment).map(([segment, t]) => [segment, shifted(t, move.shift)]),
              ),
            }),
      };
    }),
  };
}

describe('suggestMoves', () => {
  it('moves the QBR off the renewal reminder’s day: a week later clears a 7-day window', () => {
    const inv = inventory({
      segments: ['enterprise'],
      touchpoints: [
        tp({ id: 'qbr', channel: 'video-call', timing: scheduled('renewal', -90) }),
        tp({ id: 'renewal-reminder-90', timing: scheduled('renewal', -90) }),
      ],
    });
    const cfg = config({ collisionWindow: { default: 7, segments: {}, channels: {} } });
    const [found] = auditMoves(inv, cfg).filter((f) => f.rule === 'overlap/collision');
    expect(found?.message).toBe(
      "'qbr' and 'renewal-reminder-90' both reach enterprise on day 275; move 'qbr' from day 275 to day 282",
    );
    expect(suggestionOf(found as Finding)).toEqual({
      touchpoint: 'qbr',
      from: 275,
      to: 282,
      shift: 7,
      at: -83,
    });
    // Every smaller shift of either touchpoint leaves them under 7 days apart.
    const search = searchOf(found as Finding);
    expect(search).toMatchObject({ outcome: 'moved', tried: 25, more: 16 });
    expect(search.rejected.slice(0, 4)).toEqual([
      { touchpoint: 'qbr', shift: 1, to: 276, reason: 'stays' },
      { touchpoint: 'qbr', shift: -1, to: 274, reason: 'stays' },
      { touchpoint: 'renewal-reminder-90', shift: 1, to: 276, reason: 'stays' },
      { touchpoint: 'renewal-reminder-90', shift: -1, to: 274, reason: 'stays' },
    ]);
  });

  it('passes over a move that makes a new collision and takes the next one', () => {
    const inv = inventory({
      segments: ['enterprise'],
      touchpoints: [
        tp({ id: 'qbr', timing: scheduled('renewal', -90) }),
        tp({ id: 'renewal-reminder-90', timing: scheduled('renewal', -90) }),
        tp({ id: 'health-check', timing: scheduled('renewal', -89) }),
      ],
    });
    const [found] = auditMoves(inv).filter((f) => f.rule === 'overlap/collision');
    expect(suggestionOf(found as Finding)).toEqual({
      touchpoint: 'qbr',
      from: 275,
      to: 274,
      shift: -1,
      at: -91,
    });
    expect(searchOf(found as Finding)).toEqual({
      outcome: 'moved',
      tried: 2,
      rejected: [
        {
          touchpoint: 'qbr',
          shift: 1,
          to: 276,
          reason: 'new',
          rule: 'overlap/collision',
          with: ['health-check'],
          segment: 'enterprise',
        },
      ],
      more: 0,
    });
  });

  it('moves a density run’s last touch out of the week, the whole series with it', () => {
    const inv = inventory({
      segments: ['smb'],
      touchpoints: [
        tp({ id: 'welcome', timing: scheduled('contract-start', 0) }),
        tp({ id: 'setup', timing: scheduled('contract-start', 2) }),
        tp({ id: 'tips', timing: scheduled('contract-start', 4) }),
        tp({ id: 'digest', timing: scheduled('contract-start', 6, 30) }),
      ],
    });
    const [found] = auditMoves(inv).filter((f) => f.rule === 'overlap/density');
    expect(found?.message).toBe(
      "smb gets 4 proactive touches within 7 days between day 0 and day 6 (limit 3): welcome, setup, tips and digest; move 'digest' from day 6 to day 7",
    );
    expect(suggestionOf(found as Finding)).toMatchObject({ touchpoint: 'digest', shift: 1, at: 7 });
  });

  it('says when no move within 30 days clears it', () => {
    const inv = inventory({
      segments: ['enterprise'],
      touchpoints: [
        tp({ id: 'qbr', timing: scheduled('renewal', -90) }),
        tp({ id: 'renewal-reminder-90', timing: scheduled('renewal', -90) }),
      ],
    });
    const cfg = config({ collisionWindow: { default: 40, segments: {}, channels: {} } });
    const [found] = auditMoves(inv, cfg).filter((f) => f.rule === 'overlap/collision');
    expect(found?.message).toBe("'qbr' and 'renewal-reminder-90' both reach enterprise on day 275");
    expect(found?.data.suggestion).toBeUndefined();
    expect(searchOf(found as Finding)).toMatchObject({ outcome: 'none', tried: 4 * MAX_SHIFT });
  });

  it('stops at the search budget, and tries nothing for a crowd', () => {
    const inv = inventory({
      segments: ['enterprise'],
      touchpoints: [
        tp({ id: 'qbr', timing: scheduled('renewal', -90) }),
        tp({ id: 'renewal-reminder-90', timing: scheduled('renewal', -90) }),
      ],
    });
    const cfg = config();
    const input = {
      inventory: inv,
      config: cfg,
      timeline: expandTimeline(inv, cfg),
      asOf: '2026-11-01',
    };
    const [found] = suggestMoves(runRules(RULES, input, ['audit']), RULES, input, 10).filter(
      (f) => f.rule === 'overlap/collision',
    );
    expect(found?.data.suggestion).toBeUndefined();
    expect(searchOf(found as Finding)).toMatchObject({ outcome: 'budget' });

    const crowd = inventory({
      touchpoints: Array.from({ length: 10 }, (_, i) =>
        tp({ id: `launch-${String(i)}`, timing: scheduled('go-live', 0) }),
      ),
    });
    // Ten on one day: neither the crowd nor the density run (nine over a limit of three)
    // clears by moving one of them, so nothing is tried.
    const crowded = auditMoves(crowd).filter((f) => f.rule.startsWith('overlap/'));
    expect(crowded.map((f) => [f.rule, searchOf(f)])).toEqual([
      ['overlap/collision', { outcome: 'crowd', tried: 0, rejected: [], more: 0 }],
      ['overlap/density', { outcome: 'crowd', tried: 0, rejected: [], more: 0 }],
    ]);
  });
});

describe('--explain', () => {
  const yaml = [
    'version: 1',
    'journey: [retention, renewal]',
    'segments: [enterprise]',
    'lifecycle: { contract-start: 0d, renewal: 365d }',
    'touchpoints:',
    ...['qbr', 'renewal-reminder-90', 'health-check'].flatMap((id, i) => [
      `  - id: ${id}`,
      '    stage: renewal',
      `    purpose: Prepare the renewal conversation with the account, step ${String(i + 1)}.`,
      '    channel: email',
      '    owner: cs',
      `    timing: { anchor: renewal, at: ${i === 2 ? '-89d' : '-90d'} }`,
      '    metric: { name: open_rate, target: ">= 0.4" }',
    ]),
  ].join('\n');
  const loaded = parseInventoryTexts([{ file: 'touchpoints.yaml', text: yaml }]);
  const report = auditLoaded({ loaded, config: defaultConfig(), asOf: '2026-11-01' });
  const ctx = {
    cwd: process.cwd(),
    color: false,
    rules: RULE_CATALOGUE,
    explain: true,
    by: 'touchpoint' as const,
  };

  it('the JSON report carries the suggestion and the message says it', () => {
    const [found] = report.findings.filter((f) => f.rule === 'overlap/collision');
    expect(found?.message).toBe(
      "'qbr' and 'renewal-reminder-90' both reach enterprise on day 275; move 'qbr' from day 275 to day 274",
    );
    expect(found?.data.suggestion).toEqual({
      touchpoint: 'qbr',
      from: 275,
      to: 274,
      shift: -1,
      at: -91,
    });
  });

  it('shows the search: the move chosen and each move rejected on the way', () => {
    // Wide, so that the search line stays one line (at 100 columns it wraps).
    const table = renderTable(report, { ...ctx, width: 200 });
    expect(table).toContain(
      "overlap/collision touchpoints.yaml:11:5: move 'qbr' −1 day from day 275 to day 274 (timing.at: -91d), 2 moves tried\n  'qbr' +1 day to day 276: new overlap/collision with 'health-check' for enterprise\n",
    );
    const markdown = markdownReporter(report, ctx);
    expect(markdown).toContain('## Move suggestions (how each was searched)');
    expect(markdown).toContain(
      "  - 'qbr' +1 day to day 276: new overlap/collision with 'health-check' for enterprise",
    );
    expect(renderTable(report, { ...ctx, explain: false })).not.toContain('Move suggestions');
  });
});

describe('the report schema', () => {
  // A key missing here is a compile error, a key missing in the schema a test failure.
  it('describes the suggestion and the search as the types have them', () => {
    const definitions = readSchema('report').definitions as Record<
      string,
      { properties: Record<string, { items?: { properties: object } }> }
    >;
    const keys = (name: string): string[] =>
      Object.keys(definitions[name]?.properties ?? {}).sort();
    const suggestion: Record<keyof MoveSuggestion, true> = {
      touchpoint: true,
      from: true,
      to: true,
      shift: true,
      at: true,
    };
    const search: Record<keyof MoveSearch, true> = {
      outcome: true,
      tried: true,
      rejected: true,
      more: true,
    };
    const rejected: Record<keyof RejectedMove, true> = {
      touchpoint: true,
      shift: true,
      to: true,
      reason: true,
      rule: true,
      with: true,
      segment: true,
    };
    expect(keys('moveSuggestion')).toEqual(Object.keys(suggestion).sort());
    expect(keys('moveSearch')).toEqual(Object.keys(search).sort());
    expect(
      Object.keys(definitions.moveSearch?.properties.rejected?.items?.properties ?? {}).sort(),
    ).toEqual(Object.keys(rejected).sort());
  });
});

describe('a suggested move, made and re-audited, clears its finding and creates none', () => {
  const SEGMENTS = ['enterprise', 'smb'];
  const touch = fc.record({
    anchor: fc.constantFrom('contract-start', 'go-live', 'renewal'),
    at: fc.integer({ min: -40, max: 80 }),
    every: fc.constantFrom(undefined, undefined, undefined, 7, 14, 30),
    window: fc.constantFrom(0, 0, 0, 0, 1, 2),
    segments: fc.constantFrom([], ['enterprise'], ['smb']),
    channel: fc.constantFrom('email', 'email', 'sms'),
    transactional: fc.nat(9).map((n) => n === 0),
  });
  const crowdedTouch = fc.record({
    anchor: fc.constant('contract-start'),
    at: fc.integer({ min: 0, max: 14 }),
    every: fc.constantFrom(undefined, undefined, 30),
    window: fc.constantFrom(0, 0, 0, 1),
    segments: fc.constantFrom([], [], ['enterprise']),
    channel: fc.constantFrom('email', 'sms'),
    transactional: fc.constant(false),
  });
  const lifecycle = { 'contract-start': 0, 'go-live': 14, renewal: 120 };

  // The defaults, and per-channel limits and a two-day window.
  const configs = [
    config({ horizon: 120 }),
    config({
      horizon: 120,
      collisionWindow: { default: 2, segments: { smb: 1 }, channels: {} },
      density: {
        default: { max: 3, window: 7 },
        segments: {},
        channels: { sms: { max: 1, window: 5 } },
      },
      silence: { default: 30, segments: {}, channels: { email: 40 } },
    }),
  ];

  it.each([
    ['small timelines', touch, 2, 9, 400, 50],
    // Ten or more touchpoints in a fortnight: crowds form, and moves into and out of them.
    ['crowded fortnights', crowdedTouch, 8, 14, 120, 10],
  ] as const)('over generated %s', (_name, arbitrary, minLength, maxLength, numRuns, least) => {
    let checked = 0;
    fc.assert(
      fc.property(
        fc.array(arbitrary, { minLength, maxLength }),
        fc.constantFrom(...configs),
        fc.option(fc.tuple(fc.nat(8), fc.nat(8))),
        (touches, cfg, excludes) => {
          const inv = inventory({
            segments: SEGMENTS,
            lifecycle,
            touchpoints: touches.map((t, i): TouchpointInput => ({
              ...tp({ id: `t${String(i)}`, channel: t.channel, segments: [...t.segments] }),
              transactional: t.transactional,
              ...(excludes && excludes[0] === i && excludes[1] !== i
                ? { excludes: [`t${String(excludes[1])}`] }
                : {}),
              timing: {
                ...scheduled(t.anchor, t.at, t.every),
                ...(t.window > 0 ? { latest: t.at + t.window } : {}),
              },
            })),
          });
          const before = findingsOf(inv, cfg);
          const beforeFacts = indexFacts(before.flatMap(timelineFacts));
          for (const finding of auditMoves(inv, cfg)) {
            const move = suggestionOf(finding);
            if (move === undefined) continue;
            checked++;
            expect(Math.abs(move.shift)).toBeLessThanOrEqual(MAX_SHIFT);
            const after = findingsOf(applyMove(inv, move), cfg).flatMap(timelineFacts);
            expect(stillFound(timelineFacts(finding), indexFacts(after))).toBe(false);
            expect(firstNewFact(beforeFacts, after)).toBeUndefined();
          }
        },
      ),
      { seed: 14, numRuns },
    );
    expect(checked).toBeGreaterThan(least);
  });
});

describe("moves on the richer timeline: timings per segment, cadence phases, a segment's own lifecycle", () => {
  // smb goes live a week later than the inventory says; some touches recur weekly, then every
  // two weeks; some have a timing per segment (smb three days after enterprise).
  const touch = fc.record({
    anchor: fc.constantFrom('contract-start', 'go-live'),
    at: fc.integer({ min: 0, max: 50 }),
    cadence: fc.constantFrom('none', 'none', 'phases', 'weekly'),
    perSegment: fc.boolean(),
    segments: fc.constantFrom([], [], ['enterprise'], ['smb']),
    channel: fc.constantFrom('email', 'email', 'sms'),
  });
  const lifecycle = { 'contract-start': 0, 'go-live': 14, renewal: 120 };

  it('over generated inventories, each move clears its finding and creates none', () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.array(touch, { minLength: 2, maxLength: 8 }), (touches) => {
        const base = inventory({
          segments: ['enterprise', 'smb'],
          lifecycle,
          touchpoints: touches.map((t, i): TouchpointInput => {
            const timing: Timing = {
              ...scheduled(t.anchor, t.at, t.cadence === 'weekly' ? 7 : undefined),
              ...(t.cadence === 'phases'
                ? {
                    phases: [{ every: 7, until: { anchor: 'go-live', offset: 14 } }, { every: 14 }],
                  }
                : {}),
            };
            return {
              ...tp({ id: `t${String(i)}`, channel: t.channel, segments: [...t.segments] }),
              timing,
              ...(t.perSegment
                ? { segmentTimings: { enterprise: timing, smb: shifted(timing, 3) } }
                : {}),
            };
          }),
        });
        const inv: Inventory = { ...base, segmentLifecycles: { smb: { 'go-live': 21 } } };
        const cfg = config({ horizon: 120 });
        const beforeFacts = indexFacts(findingsOf(inv, cfg).flatMap(timelineFacts));
        for (const finding of auditMoves(inv, cfg)) {
          const move = suggestionOf(finding);
          if (move === undefined) continue;
          checked++;
          const after = findingsOf(applyMove(inv, move), cfg).flatMap(timelineFacts);
          expect(stillFound(timelineFacts(finding), indexFacts(after))).toBe(false);
          expect(firstNewFact(beforeFacts, after)).toBeUndefined();
        }
      }),
      { seed: 22, numRuns: 250 },
    );
    expect(checked).toBeGreaterThan(30);
  });
});
