import type { AuditReport, TouchpointScore } from '../report.js';
import { jsonChunks } from '../text/json-chunks.js';
import type { ChunkedReporter, Reporter } from './types.js';

/** A touchpoint score as the JSON report has it: without its in-memory `texts`. */
function withoutTexts(score: TouchpointScore): TouchpointScore {
  if (score.texts === undefined) return score;
  const copy = { ...score };
  delete copy.texts;
  return copy;
}

/** Levels of the report written member by member: its keys, `scores`, `scores.touchpoints`. */
const SPLIT_LEVELS = 3;

/**
 * The report as stable, versioned JSON (`schemas/report.schema.json`), in pieces: the text of
 * `JSON.stringify(report, null, 2)` and a line break, without one string holding all of it.
 * The scores' `texts` (the labels as data, for human formats) stay out: the strings beside them
 * are their English wording.
 */
export const renderJsonChunks: ChunkedReporter = function* (report) {
  const scores = report.scores;
  const json: AuditReport =
    scores === undefined
      ? report
      : { ...report, scores: { ...scores, touchpoints: scores.touchpoints.map(withoutTexts) } };
  yield* jsonChunks(json, SPLIT_LEVELS);
  yield '\n';
};

/** The JSON report as one string (for library users; the CLI writes `renderJsonChunks`). */
export const renderJson: Reporter = (report, ctx) => [...renderJsonChunks(report, ctx)].join('');
