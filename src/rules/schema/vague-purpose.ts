import { isPlaceholder } from '../../shared/placeholder.js';
import { defineRule } from '../rule.js';

/** Words that stand in for a purpose on top of the general placeholders (TBD, n/a, -, …). */
const PURPOSE_PLACEHOLDERS = new Set(['fixme', 'wip', 'purpose']);
/** Fewer words than this is a label, not a purpose. */
const MIN_WORDS = 3;

export type VaguePurpose = 'empty' | 'placeholder' | 'tooShort';

/** Why a purpose is vague, or undefined when it reads as a real sentence. */
export function vaguePurposeReason(purpose: string): VaguePurpose | undefined {
  const text = purpose.trim();
  if (text === '') return 'empty';
  const bare = text.toLowerCase().replace(/[.!:]+$/, '');
  if (isPlaceholder(bare) || PURPOSE_PLACEHOLDERS.has(bare)) return 'placeholder';
  const words = text.split(/\s+/).filter((word) => /\p{L}/u.test(word));
  if (words.length < MIN_WORDS) return 'tooShort';
  return undefined;
}

export interface VaguePurposeData {
  touchpoint: string;
  /** The purpose as written, trimmed. */
  purpose: string;
}

export default defineRule<VaguePurposeData>()({
  phase: 'validate',
  meta: {
    id: 'schema/vague-purpose',
    defaultSeverity: 'error',
    description:
      "A touchpoint's purpose is empty, a placeholder (TBD, todo, -) or fewer than three words.",
    rationale:
      'A touchpoint without a stated purpose cannot be judged as useful or annoying; audits find that such touchpoints are the ones nobody can defend.',
    fix: 'Write one sentence saying what the touchpoint achieves for the customer and the company, e.g. "Align on goals and success criteria in the first week after go-live."',
    messages: {
      empty:
        "purpose of touchpoint '{{touchpoint}}' is empty: write a sentence saying what it is for",
      placeholder:
        "purpose of touchpoint '{{touchpoint}}' is a placeholder ('{{purpose}}'): write a sentence saying what it is for",
      tooShort:
        "purpose of touchpoint '{{touchpoint}}' is too short ('{{purpose}}'): write a sentence saying what it is for",
    },
  },
  check(ctx) {
    for (const tp of ctx.inventory.touchpoints) {
      if (tp.purpose === undefined) continue;
      const reason = vaguePurposeReason(tp.purpose);
      if (reason === undefined) continue;
      ctx.report({
        messageId: reason,
        data: { touchpoint: tp.id, purpose: tp.purpose.trim() },
        location: tp.fields.purpose ?? tp.location,
        touchpoint: tp.id,
        field: 'purpose',
      });
    }
  },
});
