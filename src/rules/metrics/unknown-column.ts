import { isFileProblem, type FileProblem } from '../../metrics/problems.js';
import { defineRule } from '../rule.js';

function quoteList(names: readonly string[], total = names.length): string {
  const shown = names.map((n) => JSON.stringify(n));
  const more = total > names.length ? `, … (${total - names.length} more)` : '';
  return `${shown.join(', ')}${more}`;
}

const NOT_TEXT = {
  'nul-bytes': 'it contains binary data (NUL bytes)',
  'control-characters': 'it contains binary data (control characters)',
} as const;

function describe(problem: FileProblem): string {
  switch (problem.kind) {
    case 'empty-file':
      return 'the file is empty: expected a header row such as touchpoint_id,metric,value,date';
    case 'not-text':
      return `the file is not CSV text: ${NOT_TEXT[problem.reason]}`;
    case 'mapping-missing-columns':
      return `the header lacks the column${problem.missing.length === 1 ? '' : 's'} ${quoteList(problem.missing.slice(0, 8), problem.missing.length)} named by the sources: entry for "${problem.match}"`;
    case 'mapping-incomplete':
      return `the sources: entry for "${problem.match}" needs ${problem.lacks === 'metric' ? 'metric or metricColumn' : 'value or ratio'}`;
    case 'no-metric-columns':
      return `the header has a touchpoint id column but no metric columns: expected "metric" and "value" (long format) or one column per metric (wide format); saw ${quoteList(problem.header, problem.columns)}`;
    case 'unknown-format': {
      const hint = problem.looksLikeData
        ? ' (the first line looks like data: is the header row missing?)'
        : '';
      return `no known metric format: expected columns "touchpoint_id", "metric", "value" [, "date", "segment"] (long), "touchpoint_id" plus one column per metric (wide), or a sources: entry in the config matching "${problem.baseName}"; saw ${quoteList(problem.header, problem.columns)}${hint}`;
    }
  }
}

export default defineRule({
  phase: 'audit',
  meta: {
    id: 'metrics/unknown-column',
    defaultSeverity: 'warning',
    description:
      'A metric export whose header matches no known format (long, wide, or a sources: mapping in the config), or a file that is empty, binary or not UTF-8 text. The file is skipped.',
    rationale:
      'Nothing in the file can be joined to touchpoints, so every touchpoint it was meant to measure shows up as having no data.',
    fix: 'Rename the columns to the long format (touchpoint_id, metric, value, and optionally date and segment) or the wide format (touchpoint_id plus one column per metric), or describe the vendor columns with a sources: entry in the config.',
  },
  check(ctx) {
    for (const problem of ctx.metrics?.problems ?? []) {
      if (!isFileProblem(problem)) continue;
      ctx.report({ message: describe(problem), location: problem.location });
    }
  },
});
