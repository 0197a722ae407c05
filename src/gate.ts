import { ENGLISH } from './i18n/locale.js';
import type { Locale } from './i18n/locale.js';
import type { AuditReport } from './report.js';
import type { Severity } from './types.js';

export type FailOn = Severity | 'never';

export interface GateOptions {
  failOn: FailOn;
  maxWarnings?: number;
  minScore?: number;
  failAnyUnder?: number;
}

/** Why the gate failed, with its facts; the CLI words each for its flag. */
export type GateFailure =
  | { kind: 'fail-on'; findings: number; failOn: Severity }
  | { kind: 'max-warnings'; warnings: number; maxWarnings: number }
  | { kind: 'min-score'; score: number; minScore: number }
  | {
      kind: 'fail-any-under';
      failAnyUnder: number;
      /** How many touchpoints score under it, and the first five with their scores. */
      count: number;
      first: { id: string; score: number }[];
    };

export interface GateResult {
  failed: boolean;
  failures: GateFailure[];
  /** One sentence per failure, in the library's words (see {@link gateFailureText}). */
  reasons: string[];
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** Touchpoints a `fail-any-under` failure names before `…`. */
const NAMED_UNDER = 5;

/** The {@link GateOptions} key each failure's threshold came from. */
const OPTION_NAMES = {
  'fail-on': 'failOn',
  'max-warnings': 'maxWarnings',
  'min-score': 'minScore',
  'fail-any-under': 'failAnyUnder',
} as const satisfies Record<GateFailure['kind'], keyof GateOptions>;

/**
 * A failure in words, in the locale's language (English by default). The library names the
 * threshold by its {@link GateOptions} key (`more than maxWarnings 3`); a caller that took it
 * from elsewhere (the CLI: `--max-warnings`) passes that name as `option`.
 */
export function gateFailureText(
  failure: GateFailure,
  option?: string,
  loc: Locale = ENGLISH,
): string {
  const named = option ?? OPTION_NAMES[failure.kind];
  const score = (n: number): string => loc.number(n.toFixed(1));
  switch (failure.kind) {
    case 'fail-on':
      return loc.text('cli.gateFailOn', { n: failure.findings, failOn: failure.failOn });
    case 'max-warnings':
      return loc.text('cli.gateMaxWarnings', {
        n: failure.warnings,
        option: named,
        max: failure.maxWarnings,
      });
    case 'min-score':
      return loc.text('cli.gateMinScore', {
        score: score(failure.score),
        option: named,
        min: failure.minScore,
      });
    case 'fail-any-under': {
      const names = failure.first.map((tp) => `${tp.id} (${score(tp.score)})`).join(', ');
      return loc.text('cli.gateFailAnyUnder', {
        n: failure.count,
        option: named,
        under: failure.failAnyUnder,
        names: `${names}${failure.count > failure.first.length ? ', …' : ''}`,
      });
    }
  }
}

/**
 * Decides whether a report fails the CI gate. Waived and baselined findings never count.
 */
export function evaluateGate(report: AuditReport, options: GateOptions): GateResult {
  const failures: GateFailure[] = [];
  const counts = report.summary.findings;
  if (options.failOn !== 'never') {
    const threshold = RANK[options.failOn];
    const failing = (['error', 'warning', 'info'] as const)
      .filter((severity) => RANK[severity] >= threshold)
      .reduce((sum, severity) => sum + counts[severity], 0);
    if (failing > 0) failures.push({ kind: 'fail-on', findings: failing, failOn: options.failOn });
  }
  if (options.maxWarnings !== undefined && counts.warning > options.maxWarnings) {
    failures.push({
      kind: 'max-warnings',
      warnings: counts.warning,
      maxWarnings: options.maxWarnings,
    });
  }
  const score = report.summary.score;
  if (options.minScore !== undefined && score !== null && score < options.minScore) {
    failures.push({ kind: 'min-score', score, minScore: options.minScore });
  }
  if (options.failAnyUnder !== undefined && report.scores) {
    const threshold = options.failAnyUnder;
    const under = report.scores.touchpoints.filter((tp) => tp.score < threshold);
    if (under.length > 0) {
      failures.push({
        kind: 'fail-any-under',
        failAnyUnder: threshold,
        count: under.length,
        first: under.slice(0, NAMED_UNDER).map((tp) => ({ id: tp.id, score: tp.score })),
      });
    }
  }
  return {
    failed: failures.length > 0,
    failures,
    reasons: failures.map((failure) => gateFailureText(failure)),
  };
}
