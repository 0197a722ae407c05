import { ENGLISH } from '../i18n/locale.js';
import type { Locale } from '../i18n/locale.js';
import type { AuditReport, SequenceScore } from '../report.js';

/** Where a touchpoint sits in its sequence: `step 2 of 4 in trial-reminders`. */
export interface SequenceStep {
  sequence: string;
  step: number;
  of: number;
}

/** Each sequence step's place, by touchpoint id, from the report's sequence scores. */
export function sequenceSteps(report: AuditReport): Map<string, SequenceStep> {
  const steps = new Map<string, SequenceStep>();
  for (const sequence of report.scores?.sequences ?? []) {
    sequence.steps.forEach((id, i) => {
      steps.set(id, { sequence: sequence.id, step: i + 1, of: sequence.steps.length });
    });
  }
  return steps;
}

/** `trial-reminders · step 2/4`. */
export function stepText(step: SequenceStep, loc: Locale = ENGLISH): string {
  return loc.text('scores.step', { sequence: step.sequence, step: step.step, of: step.of });
}

/**
 * The scorecard's touchpoints with each sequence kept together as one unit: at the place of its
 * first step, all its steps in time order; every other touchpoint where it was.
 */
export function unitOrder<T extends { id: string }>(
  touchpoints: readonly T[],
  report: AuditReport,
): T[] {
  const sequences = report.scores?.sequences ?? [];
  if (sequences.length === 0) return [...touchpoints];
  const byId = new Map(touchpoints.map((t) => [t.id, t]));
  const sequenceOf = new Map<string, SequenceScore>();
  for (const sequence of sequences) for (const id of sequence.steps) sequenceOf.set(id, sequence);
  const placed = new Set<string>();
  const out: T[] = [];
  for (const touchpoint of touchpoints) {
    if (placed.has(touchpoint.id)) continue;
    const sequence = sequenceOf.get(touchpoint.id);
    const unit = sequence === undefined ? [touchpoint.id] : sequence.steps;
    for (const id of unit) {
      const member = byId.get(id);
      if (member === undefined || placed.has(id)) continue;
      placed.add(id);
      out.push(member);
    }
  }
  return out;
}

/** A sequence's steps in time order: `a → b → c`. */
export function stepsText(sequence: SequenceScore): string {
  return sequence.steps.join(' → ');
}

export const SEQUENCES_TITLE = ENGLISH.text('scores.sequences');
export const SEQUENCES_NOTE = ENGLISH.text('scores.sequencesNote');
