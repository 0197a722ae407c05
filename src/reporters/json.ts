import type { AuditReport, TouchpointScore } from '../report.js';
import type { Reporter } from './types.js';

/** A touchpoint score as the JSON report has it: without its in-memory `texts`. */
function withoutTexts(score: TouchpointScore): TouchpointScore {
  if (score.texts === undefined) return score;
  const copy = { ...score };
  delete copy.texts;
  return copy;
}

/**
 * The report as stable, versioned JSON (`schemas/report.schema.json`). The scores' `texts` (the
 * labels as data, for human formats) stay out: the strings beside them are their English wording.
 */
export const renderJson: Reporter = (report) => {
  const scores = report.scores;
  const json: AuditReport =
    scores === undefined
      ? report
      : { ...report, scores: { ...scores, touchpoints: scores.touchpoints.map(withoutTexts) } };
  return `${JSON.stringify(json, null, 2)}\n`;
};
