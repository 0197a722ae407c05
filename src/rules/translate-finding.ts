import { createLocale } from '../i18n/locale.js';
import type { FindingMessage, Locale, ScoreWording } from '../i18n/locale.js';
import { SCORE_TEXTS_ID } from '../i18n/score-texts-id.js';
import type { Lang } from '../i18n/lang.js';
import { RULE_MESSAGES_ID } from '../i18n/rules-id/index.js';
import { messageTemplate, renderMessage } from './message.js';
import type { MessageFormats } from './message.js';
import { FORMATS_ID } from './message-formats-id.js';

/** The translated templates of each language but English (whose are in each rule's meta). */
const TRANSLATIONS: Readonly<
  Record<
    Exclude<Lang, 'en'>,
    {
      messages: typeof RULE_MESSAGES_ID;
      scores: Readonly<Record<string, string>>;
      formats: MessageFormats;
    }
  >
> = { id: { messages: RULE_MESSAGES_ID, scores: SCORE_TEXTS_ID, formats: FORMATS_ID } };

/**
 * How findings read in a language: English keeps each finding's own message (rendered when the
 * rule reported it); another language renders the rule's translated template from the finding's
 * message id and facts, with the calendar note the engine adds. A rule or message the
 * translation lacks keeps its English message (test/i18n/rule-messages.test.ts fails on one).
 */
export function findingMessageIn(lang: Lang): FindingMessage {
  if (lang === 'en') return (finding) => finding.message;
  const { messages: catalogue, formats } = TRANSLATIONS[lang];
  return (finding) => {
    const messages = Object.hasOwn(catalogue, finding.rule) ? catalogue[finding.rule] : undefined;
    const template = messages?.[finding.messageId];
    if (messages === undefined || template === undefined) return finding.message;
    const message = renderMessage(template, finding.data, messages, formats);
    const note = messages.calendarNote;
    return Array.isArray(finding.data.calendar) && note !== undefined
      ? `${message} (${renderMessage(note, finding.data, messages, formats)})`
      : message;
  };
}

/**
 * How the scoring's texts read in a language: English keeps the report's own words; another
 * language renders its template of the text's id (src/i18n/score-texts-id.ts) from the text's
 * facts. A report read back from JSON has no texts: its English words stay.
 */
export function scoreWordingIn(lang: Lang): ScoreWording {
  if (lang === 'en') return (_text, english) => english;
  const { scores, formats } = TRANSLATIONS[lang];
  return (text, english) =>
    text === undefined
      ? english
      : renderMessage(messageTemplate('', scores, text.messageId), text.data, scores, formats);
}

/**
 * The locale a reporter context takes (`ctx.locale`): UI strings, finding messages and the
 * scoring's texts of `lang`.
 */
export function reporterLocale(lang: Lang): Locale {
  return createLocale(lang, findingMessageIn(lang), scoreWordingIn(lang));
}
