import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';

// A deliberate sequence is one unit in every report: scored together, its steps in time order
// and kept together in the scorecard, and a group of its own for `scorecard --by sequence`.
const INVENTORY = 'test/fixtures/timeline/trial-sequence.yaml';
const AS_OF = ['--as-of', '2026-11-15'];
const STEPS = [
  'trial-reminder-7d',
  'trial-reminder-1d',
  'trial-reminder-0d',
  'trial-reminder-after',
];

interface Report {
  scores: {
    touchpoints: { id: string; sequence?: string }[];
    sequences?: {
      id: string;
      score: number;
      grade: string;
      touchpoints: number;
      steps: string[];
    }[];
  };
}

describe('sequences in the reports (binary)', () => {
  it('JSON: one score per sequence with its steps in time order, valid by the report schema', () => {
    const result = runCli(['scorecard', INVENTORY, '-f', 'json', ...AS_OF]);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.scores.sequences).toEqual([
      expect.objectContaining({
        id: 'trial-reminders',
        score: 93,
        grade: 'A',
        touchpoints: 4,
        steps: STEPS,
      }),
    ]);
    expect(
      report.scores.touchpoints.filter((t) => t.sequence === 'trial-reminders').map((t) => t.id),
    ).toEqual([...STEPS].sort());
    const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
    const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
    const schema = JSON.parse(
      readFileSync(path.join(ROOT, 'schemas/report.schema.json'), 'utf8'),
    ) as object;
    const valid = ajv.compile(schema);
    expect(valid(report), JSON.stringify(valid.errors)).toBe(true);
  });

  it('scorecard --by sequence, in the terminal and as CSV', () => {
    const table = runCli(['scorecard', INVENTORY, '--by', 'sequence', ...AS_OF]);
    expect(table.stdout).toContain('│ trial-reminders │ 93.0* │   A   │           4 │');
    const csv = runCli(['scorecard', INVENTORY, '--by', 'sequence', '-f', 'csv', ...AS_OF]);
    expect(csv.stdout).toBe(
      'id,score,grade,touchpoints,documentation_coverage,data_coverage\r\ntrial-reminders,93,A,4,1,0\r\n',
    );
    const none = runCli([
      'scorecard',
      'test/fixtures/audit/no-segments.yaml',
      '--by',
      'sequence',
      ...AS_OF,
    ]);
    expect(none.stdout.trimEnd().split('\n').at(-1)).toBe(
      'No sequences: no touchpoint sets `sequence:`.',
    );
  });

  it('the scorecard keeps the steps together, in time order, each marked with its place', () => {
    const table = runCli(['scorecard', INVENTORY, ...AS_OF]).stdout;
    const rows = table
      .split('\n')
      .map((line) => /^│ (\S+)/.exec(line)?.[1])
      .filter((id): id is string => id !== undefined && id !== 'Touchpoint' && /^[a-z]/.test(id));
    expect(rows.filter((id) => id.startsWith('trial-reminder-'))).toEqual(STEPS);
    expect(table).toContain('trial-reminders · step');
    const markdown = runCli(['audit', INVENTORY, '-f', 'markdown', ...AS_OF]).stdout;
    expect(markdown).toContain(
      '| `trial-reminders` | trial-reminder-7d → trial-reminder-1d → trial-reminder-0d → trial-reminder-after | 93* | A |',
    );
    expect(markdown).toContain(
      '| `trial-reminder-1d` | trial-reminder-1d (trial-reminders · step 2/4) |',
    );
    const html = runCli(['audit', INVENTORY, '-f', 'html', ...AS_OF]).stdout;
    expect(html).toContain('<section id="sequences"><h2>Sequences</h2>');
    expect(html).toContain('<span class="step">trial-reminders · step 4/4</span>');
  });
});
