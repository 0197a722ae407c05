import type { ScoreText } from '../report.js';
import type { Finding } from '../types.js';
import { channelName, stageName } from './display-names.js';
import { fillText } from './fill-text.js';
import type { TextData } from './fill-text.js';
import type { Lang } from './lang.js';
import { formatDate, localizeNumber, localizeNumbersIn } from './number-format.js';
import { UI_EN } from './ui-en.js';
import type { UiKey } from './ui-en.js';
import { UI_ID } from './ui-id.js';
import { RULE_FIXES_ID } from './rules-id/fixes.js';

/** A finding's message in a language, from its message id and facts. */
export type FindingMessage = (
  finding: Pick<Finding, 'rule' | 'messageId' | 'data' | 'message'>,
) => string;

/**
 * A text the scoring wrote (a score component, a cap's reason, the next step) in a language,
 * from its id and facts; `english` is the report's own string, kept when there is no text (a
 * report read back from JSON) or the language is English.
 */
export type ScoreWording = (text: ScoreText | undefined, english: string) => string;

/**
 * Everything a human format needs to speak a language: its UI strings, its number and date
 * marks, stage and channel display names, and finding messages. Ids never change.
 */
export interface Locale {
  readonly lang: Lang;
  /** A UI string, filled from `data`. */
  text: (key: UiKey, data?: TextData) => string;
  /** A number the English report writes (`85.4`) in the language's marks (`85,4`). */
  number: (english: string) => string;
  /** Every decimal inside an English-written phrase (`1.5 days`) in the language's marks. */
  numbersIn: (text: string) => string;
  /** An ISO date as people read it (`2 Desember 2026`; English keeps the ISO date). */
  date: (iso: string) => string;
  stage: (id: string) => string;
  channel: (id: string) => string;
  /** `a`, `a and b`, `a, b and c` (`dan` in Indonesian). */
  list: (items: readonly string[]) => string;
  /** A rule's one-sentence fix in this language; `english` is the report's own. */
  fix: (rule: string, english: string) => string;
  /** A finding's message in this language. */
  message: FindingMessage;
  /** A text of the scoring in this language. */
  score: ScoreWording;
}

function joinList(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1] ?? ''}`;
}

const CATALOGUES: Readonly<Record<Lang, Readonly<Record<UiKey, string>>>> = {
  en: UI_EN,
  id: UI_ID,
};

/**
 * The locale of a language. Finding messages come from `message` and the scoring's texts from
 * `score` (the library wires the translated templates in, see `reporterLocale`); without them a
 * finding keeps its English message and a score its English words.
 */
export function createLocale(lang: Lang, message?: FindingMessage, score?: ScoreWording): Locale {
  const catalogue = CATALOGUES[lang];
  return {
    lang,
    text: (key, data) => fillText(lang, catalogue[key], data),
    number: (english) => localizeNumber(lang, english),
    numbersIn: (text) => localizeNumbersIn(lang, text),
    date: (iso) => formatDate(lang, iso),
    stage: (id) => stageName(lang, id),
    channel: (id) => channelName(lang, id),
    list: (items) => joinList(items, catalogue['list.and']),
    fix: (rule, english) =>
      lang === 'en' || !Object.hasOwn(RULE_FIXES_ID, rule)
        ? english
        : (RULE_FIXES_ID[rule] ?? english),
    message: message ?? ((finding) => finding.message),
    score: score ?? ((_text, english) => english),
  };
}

/** English, as every report was before translations: the default of a reporter context. */
export const ENGLISH: Locale = createLocale('en');
