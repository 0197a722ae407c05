import { createHash } from 'node:crypto';

import type { Finding } from '../types.js';

/** The parts of a finding that identify it across runs; never its position or message. */
export type FingerprintParts = Pick<Finding, 'rule' | 'touchpoint' | 'field' | 'related'>;

/**
 * A stable identity for a finding: the first 16 hex digits of a SHA-256 over its rule,
 * touchpoint, field and sorted related ids. Line numbers, columns and message text are left
 * out on purpose, so a finding that moves to another line, or whose counts change, keeps its
 * fingerprint (used by baselines and by SARIF `partialFingerprints`).
 */
export function fingerprint(finding: FingerprintParts): string {
  const related = [...(finding.related ?? [])].sort();
  const key = JSON.stringify([
    finding.rule,
    finding.touchpoint ?? null,
    finding.field ?? null,
    related,
  ]);
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}
