import { isFileProblem, type FileProblem } from '../../metrics/problems.js';
import { suggest } from '../../shared/suggest.js';
import { sourceYaml } from '../../config/append-source.js';
import { suggestSource, vendorProfile } from '../../metrics/vendors/recognise-vendor.js';
import { defineRule } from '../rule.js';

/** The facts of the file problem: the reader's problem without its kind. */
export type UnknownColumnData = Record<string, unknown>;

const NOT_TEXT = {
  'nul-bytes': 'nulBytes',
  'control-characters': 'controlCharacters',
} as const;

type UnknownColumnMessage =
  | 'emptyFile'
  | (typeof NOT_TEXT)[keyof typeof NOT_TEXT]
  | 'mappingMissingColumns'
  | 'mappingLacksTouchpoint'
  | 'mappingLacksMetric'
  | 'mappingLacksValue'
  | 'noMetricColumns'
  | 'headerMissing'
  | 'unknownFormat'
  | 'vendorExport'
  | 'sectionNotFound'
  | 'sectionNotFoundSuggest'
  | 'sectionNoTitles'
  | 'sectionWithoutTable';

function messageOf(problem: FileProblem): {
  messageId: UnknownColumnMessage;
  data: UnknownColumnData;
} {
  const { kind: _kind, ...data } = problem;
  switch (problem.kind) {
    case 'empty-file':
      return { messageId: 'emptyFile', data };
    case 'not-text':
      return { messageId: NOT_TEXT[problem.reason], data };
    case 'mapping-missing-columns':
      return { messageId: 'mappingMissingColumns', data };
    case 'mapping-incomplete':
      return {
        messageId:
          problem.lacks === 'touchpoint'
            ? 'mappingLacksTouchpoint'
            : problem.lacks === 'metric'
              ? 'mappingLacksMetric'
              : 'mappingLacksValue',
        data,
      };
    case 'no-metric-columns':
      return { messageId: 'noMetricColumns', data };
    case 'unknown-format':
      return { messageId: problem.looksLikeData ? 'headerMissing' : 'unknownFormat', data };
    case 'section-not-found': {
      if (problem.found.length === 0) return { messageId: 'sectionNoTitles', data };
      const suggestion = suggest(problem.section, problem.found);
      return suggestion === undefined
        ? { messageId: 'sectionNotFound', data }
        : { messageId: 'sectionNotFoundSuggest', data: { ...data, suggestion } };
    }
    case 'section-without-table':
      return { messageId: 'sectionWithoutTable', data };
    case 'vendor-export':
      // Reported with its suggestion, which needs the inventory: see `check`.
      return { messageId: 'vendorExport', data };
  }
}

export default defineRule<UnknownColumnData>()({
  phase: 'audit',
  meta: {
    id: 'metrics/unknown-column',
    defaultSeverity: 'warning',
    description:
      'A metric export whose header matches no known format (long, wide, or a sources: mapping in the config), or a file that is empty, binary or not UTF-8 text. The file is skipped. A header recognised as a vendor export (Mailchimp, Klaviyo, Zoom, Qualtrics, Google Forms, Microsoft Forms, Typeform, SurveyMonkey, Zendesk, Freshdesk, Google Analytics, a WhatsApp broadcast sheet) names the vendor and the sources: entry that maps it.',
    rationale:
      'Nothing in the file can be joined to touchpoints, so every touchpoint it was meant to measure shows up as having no data.',
    fix: 'Rename the columns to the long format (touchpoint_id, metric, value, and optionally date and segment) or the wide format (touchpoint_id plus one column per metric), or describe the vendor columns with a sources: entry in the config.',
    messages: {
      emptyFile: 'the file is empty: expected a header row such as touchpoint_id,metric,value,date',
      nulBytes: 'the file is not CSV text: it contains binary data (NUL bytes)',
      controlCharacters: 'the file is not CSV text: it contains binary data (control characters)',
      mappingMissingColumns:
        'the header lacks the {{missing|noun:column}} {{missing|quoted:8}} named by the sources: entry for "{{match}}"',
      mappingLacksTouchpoint:
        'the sources: entry for "{{match}}" gives metrics but no touchpoint: a column (touchpoint: Campaign) or a fixed id (touchpoint: { id: csat-survey })',
      mappingLacksMetric: 'the sources: entry for "{{match}}" needs metric or metricColumn',
      mappingLacksValue:
        'the sources: entry for "{{match}}" needs value, ratio or aggregate for each metric',
      noMetricColumns:
        'the header has a touchpoint id column but no metric columns: expected "metric" and "value" (long format) or one column per metric (wide format); saw {{header|quotedOf:columns}}',
      unknownFormat:
        'no known metric format: expected columns "touchpoint_id", "metric", "value" [, "date", "segment"] (long), "touchpoint_id" plus one column per metric (wide), or a sources: entry in the config matching "{{baseName}}"; saw {{header|quotedOf:columns}}',
      vendorExport:
        '"{{baseName}}" is a {{vendorName}}, which no sources: entry in the config maps; add this entry under sources: - {{yaml}} (touchpoint sources {{baseName}} shows the values it gives, --write adds it)',
      sectionNotFound:
        'no section of "{{baseName}}" is titled "{{section}}" (the sources: entry\'s section:); its sections are {{found|quoted:8}}',
      sectionNotFoundSuggest:
        'no section of "{{baseName}}" is titled "{{section}}" (the sources: entry\'s section:) — did you mean "{{suggestion}}"? Its sections are {{found|quoted:8}}',
      sectionNoTitles:
        'no section of "{{baseName}}" is titled "{{section}}" (the sources: entry\'s section:): the file has no title lines (a line holding only a title, such as Attendee Details,)',
      sectionWithoutTable:
        'the section "{{section}}" has no table: the next section\'s title follows at line {{next}} before any header',
      headerMissing:
        'no known metric format: expected columns "touchpoint_id", "metric", "value" [, "date", "segment"] (long), "touchpoint_id" plus one column per metric (wide), or a sources: entry in the config matching "{{baseName}}"; saw {{header|quotedOf:columns}} (the first line looks like data: is the header row missing?)',
    },
  },
  check(ctx) {
    const touchpoints = ctx.inventory.touchpoints.map((tp) => ({
      id: tp.id,
      ...(tp.channel === undefined ? {} : { channel: tp.channel }),
      ...(tp.metric === undefined ? {} : { metric: { name: tp.metric.name } }),
    }));
    for (const problem of ctx.metrics?.problems ?? []) {
      if (!isFileProblem(problem)) continue;
      if (problem.kind === 'vendor-export') {
        const profile = vendorProfile(problem.vendor);
        if (profile !== undefined) {
          const source = suggestSource(
            profile,
            problem.header,
            problem.baseName,
            touchpoints,
            problem.section,
          );
          ctx.report({
            messageId: 'vendorExport',
            data: {
              baseName: problem.baseName,
              vendor: profile.id,
              vendorName: profile.name,
              source,
              yaml: sourceYaml(source, 'line'),
            },
            location: problem.location,
          });
          continue;
        }
      }
      const { messageId, data } = messageOf(problem);
      ctx.report({ messageId, data, location: problem.location });
    }
  },
});
