import { countFamilies } from '../../src/report-summary.js';
import { describe, expect, it } from 'vitest';

import type { AuditReport } from '../../src/report.js';
import { markdownReporter } from '../../src/reporters/markdown.js';
import { markdownCell } from '../../src/reporters/markdown-table.js';
import { fixtureContext, fixtureReport } from '../fixtures/reporters/report.js';
import { expectGolden } from './golden.js';

const text = markdownReporter(fixtureReport, fixtureContext);
const lines = text.split('\n');

/** The cells of a table row, split on unescaped pipes. */
function cells(row: string): string[] {
  return row
    .slice(2, -2)
    .split(/(?<!\\)\| /)
    .map((c) => c.trim());
}

describe('markdown reporter', () => {
  it('matches the golden file and is byte-identical across runs', () => {
    expect(markdownReporter(fixtureReport, fixtureContext)).toBe(text);
    expectGolden('md', text);
  });

  it('has the sections a client expects, in order', () => {
    expect(lines.filter((l) => l.startsWith('#'))).toEqual([
      '# Touchpoint audit: Acme Cloud — customer touchpoints',
      '## Executive summary',
      '## Top actions',
      '### Actions by owner',
      '## Scores by stage',
      '## Scores by owner',
      '## Touchpoints',
      '## Coverage: stage × channel',
      '## Journey map',
      '## Gaps (6)',
      '## Overlaps (1 · 1 waived)',
      '## Ownerless (2)',
      '## Schema (2)',
      '## Metric exports (0 · 1 baselined)',
      '## Stale baseline entries (1)',
    ]);
  });

  it('builds the stage × channel matrix with counts and mean scores', () => {
    const start = lines.indexOf('## Coverage: stage × channel');
    const table = lines.slice(start + 4, start + 16);
    expect(table[0]).toBe('| Stage | email | video-call | webinar | survey |');
    expect(table).toContain('| onboarding | 1 · 88 | 1 · 92 | — | — |');
    // Only a stage with no touchpoint at all is marked; empty cells are plain dashes.
    expect(table).toContain('| adoption (**gap**) | — | — | — | — |');
    expect(table).toContain('| retention | — | 1 · 71 | — | — |');
  });

  it('escapes pipes and line breaks so every table row keeps its columns', () => {
    const webinar = lines.find((l) => l.startsWith('| `upsell-webinar` |'));
    expect(webinar).toBeDefined();
    expect(cells(webinar ?? '')).toHaveLength(10);
    expect(webinar).toContain('Upsell webinar \\| &lt;b>Pro&lt;/b> & "Team"');
    const vague = lines.find((l) => l.includes('schema/vague-purpose'));
    expect(cells(vague ?? '')).toEqual([
      'error',
      'Upsell webinar \\| &lt;b>Pro&lt;/b> & "Team" (`upsell-webinar`)',
      'Purpose "TBD: 100%, soon" is not a sentence:<br>write what the touchpoint achieves<br>for the customer',
      'touchpoints.yaml:90:14-91:9',
      '`schema/vague-purpose`',
    ]);
  });

  it('marks waived and baselined findings', () => {
    expect(text).toContain(
      '| warning (waived until 2027-03-31: Launch week is intentionally busy) | Kickoff call (`kickoff-call`) |',
    );
    expect(text).toContain(
      '| warning (baselined) |  | Value "n/a%" in column "open_rate" is not a number |',
    );
  });

  it('shows every score component with --explain', () => {
    const explained = markdownReporter(fixtureReport, { ...fixtureContext, explain: true });
    expect(explained).toContain('## How the scores were computed');
    expect(explained).toContain(
      '- `qbr` 71: documentation +25, evidence +25, performance +24.1, collision with renewal-reminder −7.5',
    );
    expect(explained).toContain('- `renewal-reminder` 78 (grade capped: no owner): owner −7.5,');
    expect(text).not.toContain('## How the scores were computed');
  });

  it('reports findings only for validate (no scores), with sections for the families that ran', () => {
    const findings = fixtureReport.findings.filter((f) => f.rule.startsWith('schema/'));
    const report: AuditReport = {
      ...fixtureReport,
      command: 'validate',
      scores: undefined,
      timeline: undefined,
      baseline: undefined,
      summary: {
        ...fixtureReport.summary,
        score: null,
        grade: null,
        families: countFamilies(findings),
      },
      findings,
      checked: { families: ['schema', 'ownerless', 'waiver'] },
    };
    const out = markdownReporter(report, fixtureContext);
    expect(out.split('\n').filter((l) => l.startsWith('#'))).toEqual([
      '# Touchpoint validation: Acme Cloud — customer touchpoints',
      '## Summary',
      '## Ownerless (0)',
      '## Schema (2)',
    ]);
    expect(out).toContain('## Ownerless (0)\n\nNone found.\n');
    expect(out).toContain(
      'Validation: ownerless, schema and waiver rules; gaps, overlaps and scores need touchpoint audit.',
    );
  });

  it.each([
    ['a|b', 'a\\|b'],
    ['line1\nline2\r\nline3', 'line1<br>line2<br>line3'],
    ['<script>', '&lt;script>'],
    ['back\\|slash', 'back\\\\\\|slash'],
  ])('markdownCell(%j) is %j', (input, expected) => {
    expect(markdownCell(input)).toBe(expected);
  });
});
