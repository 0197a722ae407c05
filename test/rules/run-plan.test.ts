import { describe, expect, it } from 'vitest';
import { auditLoaded } from '../../src/audit.js';
import { defaultConfig } from '../../src/config/config.js';
import { parseInventoryTexts } from '../../src/inventory/load-inventory.js';
import { RULES } from '../../src/rules/index.js';
import { planRun } from '../../src/rules/run-plan.js';
import { validateReport } from '../../src/validate-report.js';

/** The roster and journey live in one file, the touchpoints in another. */
const ROSTER = `version: 1
journey: [onboarding]
owners: [{ id: cs }]
lifecycle: { go-live: 0d }
`;
const TOUCHPOINTS = `version: 1
touchpoints:
  - id: kickoff-call
    name: Kickoff call
    stage: onboarding
    purpose: Align on goals and success criteria in the first week after go-live.
    channel: video-call
    owner: cs
    timing: { anchor: go-live, at: 3d }
    metric: { name: attendance_rate, target: ">= 0.9" }
`;

describe('planRun', () => {
  const config = defaultConfig();

  it('runs every rule of the phases on an inventory that parsed', () => {
    const loaded = parseInventoryTexts([{ file: 'a.yaml', text: ROSTER + TOUCHPOINTS.slice(11) }]);
    const plan = planRun(RULES, {
      config,
      phases: ['validate', 'audit'],
      loaderFindings: loaded.findings,
    });
    expect(plan.skipped).toEqual([]);
    expect(plan.unparsed).toEqual([]);
    expect(plan.families).toEqual(['schema', 'ownerless', 'waiver', 'gap', 'overlap']);
  });

  it('leaves out the whole-inventory rules when a file did not parse, and rules set off', () => {
    const loaded = parseInventoryTexts([
      { file: 'roster.yaml', text: ROSTER.replace('}]', '}') },
      { file: 'touchpoints.yaml', text: TOUCHPOINTS },
    ]);
    const plan = planRun(RULES, {
      config: { ...config, rules: { ...config.rules, 'gap/silence': 'off' } },
      phases: ['validate', 'audit'],
      loaderFindings: loaded.findings,
      observed: true,
    });
    expect(plan.unparsed).toEqual(['roster.yaml']);
    expect(plan.skipped).toEqual([
      'schema/unknown-reference',
      'ownerless/unknown-owner',
      'gap/empty-stage',
      'gap/undocumented-touchpoint',
      'overlap/collision',
      'overlap/density',
      'observed/unplanned',
    ]);
  });

  it('a roster lost to a syntax error is no unknown owner, stage or anchor in the other file', async () => {
    const texts = [
      { file: 'roster.yaml', text: ROSTER.replace('}]', '}') },
      { file: 'touchpoints.yaml', text: TOUCHPOINTS },
    ];
    const loaded = parseInventoryTexts(texts);
    const report = auditLoaded({ loaded, config, asOf: '2026-11-15' });
    expect(report.findings.map((f) => `${f.location.file} ${f.rule}`)).toEqual([
      'roster.yaml schema/syntax',
    ]);
    expect(report.summary.score).toBeNull();
    expect(report.scores).toBeUndefined();
    const validation = await validateReport({
      inventory: ['-'],
      readStdin: () => Promise.resolve(texts[0]?.text ?? ''),
    });
    expect(validation.checked).toEqual({
      families: ['schema', 'ownerless', 'waiver'],
      skipped: {
        rules: ['schema/unknown-reference', 'ownerless/unknown-owner'],
        scores: false,
        unparsed: ['<stdin>'],
      },
    });
  });
});
