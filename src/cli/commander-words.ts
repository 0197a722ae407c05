import type { Help } from 'commander';
import type { Locale } from '../i18n/locale.js';
import { UI_EN } from '../i18n/ui-en.js';
import type { UiKey } from '../i18n/ui-en.js';

/**
 * Commander's parse errors, by the UI string whose English is commander 14's own wording
 * (`lib/command.js`, `lib/option.js`): each English string, its placeholders read as
 * captures, recognises the message, and the string in the run's language words it again.
 * The order matters where one wording is a prefix of another.
 */
const ERROR_KEYS: readonly UiKey[] = [
  'cli.cmdUnknownOption',
  'cli.cmdUnknownCommand',
  'cli.cmdMissingArgument',
  'cli.cmdOptionMissingArgument',
  'cli.cmdMandatoryOption',
  'cli.cmdExcessArgumentsFor',
  'cli.cmdExcessArgumentFor',
  'cli.cmdExcessArguments',
  'cli.cmdInvalidOption',
  'cli.cmdInvalidArgument',
];

/** What commander adds after an unknown option or command, and the reason of a bad value. */
const TAIL_KEYS: readonly UiKey[] = [
  'cli.cmdDidYouMeanOneOf',
  'cli.cmdDidYouMean',
  'cli.cmdChoices',
];

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/** An English UI string as a pattern: its text literally, each `{{name}}` a named capture. */
function pattern(key: UiKey): RegExp {
  const template = UI_EN[key];
  let source = '';
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    source += escape(template.slice(last, match.index));
    source += `(?<${match[1] ?? ''}>.*?)`;
    last = match.index + match[0].length;
  }
  return new RegExp(`^${source}${escape(template.slice(last))}$`, 's');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const ERRORS = ERROR_KEYS.map((key) => ({ key, pattern: pattern(key) }));
const TAILS = TAIL_KEYS.map((key) => ({ key, pattern: pattern(key) }));

function reword(
  text: string,
  table: readonly { key: UiKey; pattern: RegExp }[],
  words: Locale,
  inner: (value: string) => string = (value) => value,
): string | undefined {
  for (const { key, pattern: p } of table) {
    const groups = p.exec(text)?.groups;
    if (groups === undefined) continue;
    const data = Object.fromEntries(
      Object.entries(groups).map(([name, value]) => [name, inner(value)]),
    );
    return words.text(key, data);
  }
  return undefined;
}

/**
 * One of commander's error messages in the run's language: the message line and the
 * "did you mean" line or "allowed choices" reason it may carry. English, or a message no UI
 * string knows, is left as commander wrote it.
 */
export function commanderErrorText(text: string, words: Locale): string {
  if (words.lang === 'en') return text;
  const newline = text.endsWith('\n') ? '\n' : '';
  const [message = '', ...rest] = text.slice(0, text.length - newline.length).split('\n');
  const tail = (line: string) => reword(line, TAILS, words) ?? line;
  const worded =
    reword(message, ERRORS, words, (value) => (value.endsWith('.') ? tail(value) : value)) ??
    message;
  return [worded, ...rest.map(tail)].join('\n') + newline;
}

/** What an option and an argument have in common for their notes. */
interface Described {
  description: string;
  argChoices?: readonly string[];
  defaultValue?: unknown;
  defaultValueDescription?: string;
}

/** Commander writes a default's description, else the value as JSON. */
function defaultText(item: Described): string {
  const described = item.defaultValueDescription;
  return described !== undefined && described !== ''
    ? described
    : JSON.stringify(item.defaultValue);
}

/**
 * The `(choices: …, default: …)` commander adds to an option's or argument's description, in
 * the run's language; shown by the same rules as commander's `Help.optionDescription` (a
 * default only for an option that takes a value). Used for languages other than English, which
 * keeps commander's own.
 */
function noted(item: Described, showDefault: boolean, words: Locale): string {
  const notes: string[] = [];
  if (item.argChoices !== undefined)
    notes.push(
      words.text('help.noteChoices', {
        choices: item.argChoices.map((choice) => JSON.stringify(choice)).join(', '),
      }),
    );
  if (item.defaultValue !== undefined && showDefault)
    notes.push(words.text('help.noteDefault', { value: defaultText(item) }));
  if (notes.length === 0) return item.description;
  const note = `(${notes.join(', ')})`;
  return item.description === '' ? note : `${item.description} ${note}`;
}

/**
 * `configureHelp` entries that write the notes in the run's language; none for English.
 * Commander's `preset:` and `env:` notes have no counterpart: no option of the CLI has either.
 */
export function helpNotes(words: Locale): Partial<Help> {
  if (words.lang === 'en') return {};
  return {
    optionDescription: (option) =>
      noted(
        option,
        option.required ||
          option.optional ||
          (option.isBoolean() && typeof option.defaultValue === 'boolean'),
        words,
      ),
    argumentDescription: (argument) => noted(argument, true, words),
  };
}
