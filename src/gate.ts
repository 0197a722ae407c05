import type { AuditReport } from './report.js';
import type { Severity } from './types.js';

export type FailOn = Severity | 'never';

export interface GateOptions {
  failOn: FailOn;
  maxWarnings?: number;
  minScore?: number;
  failAnyUnder?: number;
}

export interface GateResult {
  failed: boolean;
  /** One sentence per reason the gate failed, for stderr. */
  reasons: string[];
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/**
 * Decides whether a report fails the CI gate. Waived and baselined findings never count.
 */
export function evaluateGate(report: AuditReport, options: GateOptions): GateResult {
  const reasons: string[] = [];
  const counts = report.summary.findings;
  if (options.failOn !== 'never') {
    const threshold = RANK[options.failOn];
    const failing = (['error', 'warning', 'info'] as const)
      .filter((severity) => RANK[severity] >= threshold)
      .reduce((sum, severity) => sum + counts[severity], 0);
    if (failing > 0) {
      reasons.push(`${failing} finding${failing === 1 ? '' : 's'} at or above '${options.failOn}'`);
    }
  }
  if (options.maxWarnings !== undefined && counts.warning > options.maxWarnings) {
    reasons.push(`${counts.warning} warnings, more than --max-warnings ${options.maxWarnings}`);
  }
  const score = report.summary.score;
  if (options.minScore !== undefined && score !== null && score < options.minScore) {
    reasons.push(`inventory score ${score.toFixed(1)} is below --min-score ${options.minScore}`);
  }
  if (options.failAnyUnder !== undefined && report.scores) {
    const under = report.scores.touchpoints.filter((tp) => tp.score < (options.failAnyUnder ?? 0));
    if (under.length > 0) {
      const names = under
        .slice(0, 5)
        .map((tp) => `${tp.id} (${tp.score.toFixed(1)})`)
        .join(', ');
      reasons.push(
        `${under.length} touchpoint${under.length === 1 ? '' : 's'} below --fail-any-under ${options.failAnyUnder}: ${names}${under.length > 5 ? ', …' : ''}`,
      );
    }
  }
  return { failed: reasons.length > 0, reasons };
}
