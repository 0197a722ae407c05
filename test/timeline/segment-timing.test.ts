import { describe, expect, it } from 'vitest';
import { auditLoaded } from '../../src/audit.js';
import { defaultConfig } from '../../src/config/config.js';
import { parseInventoryTexts } from '../../src/inventory/load-inventory.js';

const HEAD = `version: 1
journey: [adoption]
segments: [enterprise, smb]
lifecycle: { contract-start: 0d, go-live: 30d, renewal: 365d }
touchpoints:
  - id: review
    stage: adoption
    purpose: Review adoption with the account at the cadence of its tier.
    channel: video-call
    owner: cs
    metric: { name: attendance_rate, target: ">= 0.8" }
`;

function schemaFindings(extra: string): string[] {
  const loaded = parseInventoryTexts([{ file: 'inv.yaml', text: HEAD + extra }]);
  return auditLoaded({ loaded, config: defaultConfig(), asOf: '2026-11-01' })
    .findings.filter((f) => f.rule.startsWith('schema/'))
    .map((f) => `${String(f.location.line)}:${String(f.location.column)} ${f.rule} ${f.message}`);
}

describe('timing per segment and cadence phases: what the inventory gets wrong is said', () => {
  it('accepts a map by segment with default, phases and anchor+offset ends', () => {
    expect(
      schemaFindings(`    timing:
      enterprise:
        anchor: contract-start
        at: 0d
        every: [{ every: 1w, until: go-live+14d }, { every: 2w }]
        until: renewal-30d
      default: { anchor: go-live, at: 0d, every: 1mo }
`),
    ).toEqual([]);
  });

  it('a map without default must cover every segment the touchpoint reaches', () => {
    expect(
      schemaFindings(`    segments: [enterprise, smb]
    timing:
      enterprise: { anchor: go-live, at: 0d, every: 2w }
`),
    ).toEqual([
      "13:5 schema/invalid timing of touchpoint 'review' has no timing for segment 'smb': add it, or a default:",
    ]);
  });

  it('names an unknown segment key and an unknown anchor inside an entry, with did-you-mean', () => {
    expect(
      schemaFindings(`    timing:
      enterprse: { anchor: golive, at: 0d }
      default: { anchor: go-live, at: 0d, every: [{ every: 1w, until: go-liv+7d }] }
`),
    ).toEqual([
      "13:7 schema/unknown-reference anchor 'golive' of touchpoint 'review' is not a lifecycle event — did you mean 'go-live'?",
      "13:7 schema/unknown-reference timing of touchpoint 'review' names segment 'enterprse', which is not in the inventory's segments — did you mean 'enterprise'?",
      "14:7 schema/unknown-reference until 'go-liv' of touchpoint 'review' is neither a lifecycle event nor a duration — did you mean 'go-live'?",
    ]);
  });

  it('rejects a phase without every, and a phase interval that is not positive', () => {
    const phases = (list: string): string[] =>
      schemaFindings(`    timing:\n      anchor: go-live\n      at: 0d\n      every: ${list}\n`);
    expect(phases('[{ evry: 1w }]')).toEqual([
      "15:15 schema/invalid timing.every[0] of touchpoint 'review' has no every",
      "15:17 schema/unknown-key unknown key 'evry' in timing.every[0] of touchpoint 'review' — did you mean 'every'?",
    ]);
    expect(phases('[{ every: 1w }, { every: 0d }]')).toEqual([
      '15:39 schema/invalid timing.every[1] of touchpoint \'review\' is "0d": a duration here must be more than 0 and at most 100y',
    ]);
  });
});

describe("a segment's own lifecycle: what the inventory gets wrong is said", () => {
  const findings = (segments: string): string[] => {
    const text = `version: 1
journey: [adoption]
segments: ${segments}
lifecycle: { contract-start: 0d, go-live: 14d }
touchpoints: []
`;
    const loaded = parseInventoryTexts([{ file: 'inv.yaml', text }]);
    return auditLoaded({ loaded, config: defaultConfig(), asOf: '2026-11-01' })
      .findings.filter((f) => f.rule.startsWith('schema/'))
      .map((f) => `${String(f.location.column)} ${f.rule} ${f.message}`);
  };

  it('names the entry that has no id, and a misspelt key in it, with did-you-mean', () => {
    expect(findings('[enterprise, { lifecycle: {} }, { id: smb, lifecyle: {} }]')).toEqual([
      '24 schema/invalid segment #2 has no id',
      "54 schema/unknown-key unknown key 'lifecyle' in segment 'smb' — did you mean 'lifecycle'?",
    ]);
  });

  it('accepts a segment with its own days', () => {
    expect(findings('[enterprise, { id: smb, lifecycle: { go-live: 30d } }]')).toEqual([]);
  });
});
