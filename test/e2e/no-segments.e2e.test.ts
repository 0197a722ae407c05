import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

// An inventory that declares no segments speaks to one audience, everyone: messages call it
// "all customers", machine output names it by the one id `(all)`, and no segment called `all`
// appears anywhere (0.1.0 said "both reach all on day 1" and scored a group `all`).
const INVENTORY = 'test/fixtures/audit/no-segments.yaml';
const AS_OF = ['--as-of', '2026-11-15'];

interface Report {
  inventory: { segments: string[] };
  findings: { rule: string; message: string; data: Record<string, unknown> }[];
  scores: { segments: { id: string }[] };
  timeline: { segments: { id: string }[] };
}

describe('an inventory with no segments (binary)', () => {
  const json = runCli(['audit', INVENTORY, '-f', 'json', ...AS_OF]);
  const report = JSON.parse(json.stdout) as Report;

  it('declares no segments and reports the collision of everyone', () => {
    expect(json.status).toBe(0);
    expect(report.inventory.segments).toEqual([]);
    expect(report.findings.map((f) => `${f.rule} ${f.message}`)).toEqual([
      "overlap/collision 'setup-call' and 'welcome-email' both reach all customers on day 1; move 'setup-call' from day 1 to day 2",
    ]);
    expect(report.findings[0]?.data.segments).toEqual(['(all)']);
    expect(report.timeline.segments.map((s) => s.id)).toEqual(['(all)']);
    expect(report.scores.segments).toEqual([]);
    expect(json.stdout).not.toMatch(/"all"/);
  });

  it('says "all customers" in the scope line of the table and markdown reports', () => {
    const table = runCli(['audit', INVENTORY, ...AS_OF]);
    expect(table.stdout.split('\n')[3]).toBe('Scope: 2 stages, all customers (no segments)');
    const markdown = runCli(['audit', INVENTORY, '-f', 'markdown', ...AS_OF]);
    expect(markdown.stdout).toContain(
      'Inventory `test/fixtures/audit/no-segments.yaml`: 3 touchpoints, 2 stages, all customers (no segments).',
    );
  });

  it('scorecard --by segment says there are none instead of a group called all', () => {
    const result = runCli(['scorecard', INVENTORY, '--by', 'segment', ...AS_OF]);
    expect(result.status).toBe(0);
    expect(result.stdout.trimEnd().split('\n').slice(-2)).toEqual([
      'No segments declared: every touchpoint reaches all customers.',
      'Add `segments:` to the inventory to score each segment.',
    ]);
    expect(result.stdout).not.toMatch(/│ all /);
  });
});
