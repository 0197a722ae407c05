import { describe, expect, it } from 'vitest';
import { evaluateGate, gateFailureText } from '../src/gate.js';
import type { AuditReport } from '../src/report.js';

function report(warnings: number, score: number, touchpoints: [string, number][]): AuditReport {
  return {
    summary: { findings: { error: 1, warning: warnings, info: 0 }, score },
    scores: { touchpoints: touchpoints.map(([id, s]) => ({ id, score: s })) },
  } as unknown as AuditReport;
}

describe('evaluateGate', () => {
  const under = Array.from({ length: 7 }, (_, i): [string, number] => [`tp-${String(i)}`, 50 + i]);
  const result = evaluateGate(report(4, 62, under), {
    failOn: 'error',
    maxWarnings: 3,
    minScore: 70,
    failAnyUnder: 60,
  });

  it('gives each failure with its facts', () => {
    expect(result.failed).toBe(true);
    expect(result.failures).toEqual([
      { kind: 'fail-on', findings: 1, failOn: 'error' },
      { kind: 'max-warnings', warnings: 4, maxWarnings: 3 },
      { kind: 'min-score', score: 62, minScore: 70 },
      {
        kind: 'fail-any-under',
        failAnyUnder: 60,
        count: 7,
        first: under.slice(0, 5).map(([id, score]) => ({ id, score })),
      },
    ]);
  });

  it('words them by the options it was given, never by a flag', () => {
    expect(result.reasons).toEqual([
      "1 finding at or above 'error'",
      '4 warnings, more than maxWarnings 3',
      'inventory score 62.0 is below minScore 70',
      '7 touchpoints below failAnyUnder 60: tp-0 (50.0), tp-1 (51.0), tp-2 (52.0), tp-3 (53.0), tp-4 (54.0), …',
    ]);
    expect(result.reasons.join(' ')).not.toMatch(/--/);
  });

  it('lets the CLI name the threshold by its flag', () => {
    const [, warnings] = result.failures;
    expect(warnings && gateFailureText(warnings, '--max-warnings')).toBe(
      '4 warnings, more than --max-warnings 3',
    );
  });

  it('passes when nothing is over', () => {
    expect(evaluateGate(report(0, 90, []), { failOn: 'never', maxWarnings: 3 })).toEqual({
      failed: false,
      failures: [],
      reasons: [],
    });
  });
});
