import { InputError, UsageError } from '../errors.js';
import type { ErrorTerm, ErrorWording } from '../errors.js';
import { fillText } from './fill-text.js';
import type { TextData } from './fill-text.js';
import type { Lang } from './lang.js';
import { UI_EN } from './ui-en.js';
import { isUiKey } from './ui-en.js';
import type { UiKey } from './ui-en.js';
import { UI_ID } from './ui-id.js';

const CATALOGUES: Readonly<Record<Lang, Readonly<Record<UiKey, string>>>> = {
  en: UI_EN,
  id: UI_ID,
};

/**
 * The nouns of the kinds of input, as code outside the catalogues names them (`what` of
 * `readInputFile` and `expandInputs`), by UI string. A noun not listed is shown as it is.
 */
export const NOUNS: Readonly<Record<string, UiKey>> = {
  file: 'noun.file',
  'config file': 'noun.configFile',
  'waivers file': 'noun.waiversFile',
  'inventory file': 'noun.inventoryFile',
  'metric export': 'noun.metricExport',
  baseline: 'noun.baseline',
  'metric exports (*.csv)': 'noun.metricExports',
  'event logs (*.csv, *.csv.gz, *.parquet)': 'noun.eventLogs',
  'inventory files (*.yaml, *.yml)': 'noun.inventoryFiles',
  'previous report': 'noun.previousReport',
  'earlier report': 'noun.earlierReport',
  'later report': 'noun.laterReport',
  'standard input': 'noun.stdin',
  'event log': 'noun.eventLog',
  'no such file': 'noun.noSuchFile',
  'accounts file': 'noun.accountsFile',
  'invalid config': 'err.invalidConfig',
  'a directory': 'noun.aDirectory',
  'a FIFO (named pipe)': 'noun.aFifo',
  'a character device': 'noun.aCharacterDevice',
  'a block device': 'noun.aBlockDevice',
  'a socket': 'noun.aSocket',
  'NUL bytes': 'noun.nulBytes',
  'control characters': 'noun.controlCharacters',
  'it has none': 'noun.itHasNone',
  'the inventory has no lifecycle': 'noun.noLifecycle',
};

/** A term in a language: a listed noun's UI string, a wording worded, else the term as it is. */
export function termIn(lang: Lang, term: ErrorTerm): string {
  if (typeof term !== 'string') return wordingIn(lang, term) ?? '';
  const key = Object.hasOwn(NOUNS, term) ? NOUNS[term] : undefined;
  return key === undefined ? term : fillText(lang, CATALOGUES[lang][key]);
}

/** An error's wording in a language; undefined for a key the catalogues do not have. */
export function wordingIn(lang: Lang, wording: ErrorWording): string | undefined {
  if (!isUiKey(wording.key)) return undefined;
  const terms = Object.fromEntries(
    Object.entries(wording.terms ?? {}).map(([name, term]) => [name, termIn(lang, term)]),
  );
  const first = fillText(lang, CATALOGUES[lang][wording.key], { ...wording.data, ...terms });
  const lines = (wording.lines ?? []).map((line) => wordingIn(lang, line) ?? '');
  return [first, ...lines].join('\n');
}

/** A wording of a UI string: its facts, and placeholders filled with a noun or wording of their own. */
export function wording(
  key: UiKey,
  data: TextData = {},
  terms: Readonly<Record<string, ErrorTerm>> = {},
): ErrorWording {
  return { key, data, terms };
}

/** A wording with lines under it (an invalid file's heading and its problems). */
export function withLines(first: ErrorWording, lines: readonly ErrorWording[]): ErrorWording {
  return { ...first, lines };
}

/** An `InputError` of a wording made with `wording` / `withLines`; its message is the English. */
export function wordedInputError(worded: ErrorWording): InputError {
  return new InputError(wordingIn('en', worded) ?? worded.key, undefined, worded);
}

/** An `InputError` (a file that cannot be read or used) worded by a UI string; its message is the English. */
export function inputError(
  key: UiKey,
  data: TextData = {},
  terms: Readonly<Record<string, ErrorTerm>> = {},
): InputError {
  return wordedInputError(wording(key, data, terms));
}

/** A `UsageError` (a bad flag or argument) worded by a UI string; its message is the English. */
export function usageError(
  key: UiKey,
  data: TextData = {},
  terms: Readonly<Record<string, ErrorTerm>> = {},
): UsageError {
  const worded = wording(key, data, terms);
  return new UsageError(wordingIn('en', worded) ?? key, undefined, worded);
}
