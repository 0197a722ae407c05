import type { ScoreText } from '../report.js';
import { renderMessage } from '../rules/message.js';

/**
 * The English templates of everything the scoring writes in words: score component labels, why
 * a grade is capped, and what the next maturity level needs. The scoring keeps texts as
 * `{ messageId, data }` and renders the report's strings from these; human formats render the
 * same texts in their language (the Indonesian templates: src/i18n/score-texts-id.ts, key for
 * key, checked by test/i18n/score-texts.test.ts). `{{x|text}}` is a nested text, `{{x|all}}` a
 * list of them joined as a sentence, `{{x|measured}}` a value the English formats wrote
 * (`1 h 24 min`, `7.93%`).
 */
export const SCORE_TEXTS_EN = {
  // Components.
  base: 'base',
  noWeights: 'no scoring weights configured',
  waived: '{{label|text}} (waived: {{reason}}; costs nothing)',
  documentation: 'documentation: {{gap|text}}',
  evidence: 'evidence: {{why|text}}',
  evidenceUnknown: 'evidence: unknown ({{why|text}}; its weight goes to the other pillars)',
  performance: 'performance: {{detail|text}}',
  performanceUnknown: 'performance: unknown ({{why|text}}; its weight goes to the other pillars)',
  hygiene: 'hygiene: {{rule}} with {{others|text}}',
  capped: 'capped: {{why|text}}',
  // Documentation gaps: what is wrong, and what to do.
  ownerMissing: 'owner missing',
  ownerEmpty: 'owner empty',
  ownerPlaceholder: "owner '{{owner}}' is a placeholder",
  ownerUnknown: "owner '{{owner}}' not in the roster",
  metricMissing: 'metric missing',
  noTargetFor: 'no target for {{metric}}',
  purposeMissing: 'purpose missing',
  purposeVague: 'purpose too vague',
  timingMissing: 'timing missing',
  timingAnchor: "timing anchor '{{anchor}}' not in the lifecycle",
  channelMissing: 'channel missing',
  channelUnknown: "channel '{{channel}}' unknown",
  stageMissing: 'stage missing',
  stageUnknown: "stage '{{stage}}' not in the journey",
  needOwner: 'name an owner',
  needReplaceOwner: "replace the placeholder owner '{{owner}}'",
  needRosterOwner: "use an owner from the roster instead of '{{owner}}'",
  needMetric: 'define a success metric with a target',
  needTarget: 'set a target for {{metric}}',
  needPurpose: 'write its purpose',
  needPurposeSentence: 'write its purpose as a real sentence',
  needTiming: 'set its timing',
  needAnchor: "anchor its timing on a lifecycle event instead of '{{anchor}}'",
  needChannel: 'set its channel',
  needKnownChannel: "use a known channel instead of '{{channel}}'",
  needStage: 'set its journey stage',
  needJourneyStage: "use a journey stage instead of '{{stage}}'",
  // Evidence.
  noExports: 'no metric exports given',
  noData: 'no data',
  noDataFor: 'no data for {{metric}}',
  noDataAny: 'no data for any metric',
  noUsableRows: 'no usable {{metric}} rows in the period',
  stale: '{{metric}} data stale (latest {{latest|date}}, {{age|days}} before {{asOf|date}})',
  needProvide: 'provide {{metric}} data (audit with --metrics)',
  needProvideAny: 'provide metric data (audit with --metrics)',
  needExport: "export {{metric}} data for '{{touchpoint}}' inside the period",
  needExportAny: "export metric data for '{{touchpoint}}' inside the period",
  needRefresh:
    'refresh {{metric}} data (latest row {{latest|date}} is older than {{freshness|days}})',
  // Performance.
  judged: '{{value|measured}} vs target {{target|measured}} ({{attained}} attained)',
  single: '{{metric}} {{judged|text}}',
  segmentJudged: '{{segment}} {{judged|text}}',
  perSegment: '{{metric}} per segment, mean of {{n}} ({{attained}} attained): {{missed|each}}',
  noMetric: 'no metric',
  noTarget: 'no target',
  noValue: 'no value in the period',
  noSegmentTarget: 'no target for the segments measured',
  noDefaultTarget: 'no default target for data without segments',
  needValues: 'report {{metric}} values inside the period',
  needSegmentTarget: 'set a target for the {{metric}} segments measured, or a default',
  raise: 'raise {{metric}}{{segment?|text}} from {{from|measured}} to {{to|measured}}',
  raiseAbove: 'raise {{metric}}{{segment?|text}} from {{from|measured}} to above {{to|measured}}',
  lower: 'lower {{metric}}{{segment?|text}} from {{from|measured}} to {{to|measured}}',
  lowerBelow: 'lower {{metric}}{{segment?|text}} from {{from|measured}} to below {{to|measured}}',
  bring: 'bring {{metric}}{{segment?|text}} from {{from|measured}} to {{to|measured}}',
  forSegment: ' for {{segment}}',
  // Hygiene.
  itself: 'itself',
  others: '{{ids|list}}',
  othersMore: '{{ids|commas}} and {{more}} more',
  needResolve: 'resolve {{n|count:overlap finding}} ({{rules|commas}})',
  // Why a grade is capped.
  capNoOwner: 'no owner',
  capPlaceholderOwner: 'placeholder owner',
  capUnknownOwner: 'owner not in roster',
  capVaguePurpose: 'vague purpose',
  capInvalid: 'invalid entry',
  capUnknownReference: 'unknown reference',
  capUnknownKey: 'unknown key',
  capDuplicateId: 'duplicate id',
  capUnknownField: 'unknown {{field}}',
  capOpenError: 'open error {{rule}}',
  capMore: '{{first|text}} (+{{more}} more)',
  // The next maturity level.
  nextLevel: 'to reach L{{level}}: {{need|text}}',
  needs: '{{needs|all}}',
} as const;

export type ScoreTextId = keyof typeof SCORE_TEXTS_EN;

/** A text of the scoring: its template id and facts. */
export function scoreText(messageId: ScoreTextId, data: ScoreText['data'] = {}): ScoreText {
  return { messageId, data };
}

/** A text's English wording: the string the report (and every machine format) carries. */
export function englishScoreText(text: ScoreText): string {
  return renderMessage(SCORE_TEXTS_EN[text.messageId as ScoreTextId], text.data, SCORE_TEXTS_EN);
}
