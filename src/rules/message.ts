import {
  formatDay,
  formatDayCount,
  formatList,
  formatSegments,
  isPluralSegments,
} from '../shared/format.js';
import { formatShare, segmentLabel } from '../events/cadence.js';
import { formatAttainment, formatTarget, formatValue } from '../shared/format-value.js';
import type { DateOrder } from '../metrics/parse-date.js';
import { DURATION_RANGE_TEXT } from '../inventory/duration.js';
import type { DurationRange } from '../inventory/duration.js';
import type { Comparison, Finding, MetricSpec, Unit } from '../types.js';
import { dateOrderName } from './metrics/date-order-name.js';

/** The facts of a finding, as a rule reports them: plain JSON values. */
export type MessageData = Readonly<Record<string, unknown>>;

/** A number, or the length of a list (`{{missing|noun:column}}`). */
const count = (value: unknown): number =>
  typeof value === 'number' ? value : Array.isArray(value) ? value.length : Number(value);
/** A value's texts: a list of strings as it is (not copied for every message), else made. */
function texts(value: unknown): readonly string[] {
  if (!Array.isArray(value)) return [String(value)];
  const items: readonly unknown[] = value;
  for (let i = 0; i < items.length; i++) {
    if (typeof items[i] !== 'string') return items.map(String);
  }
  return items as readonly string[];
}
const plural = (n: number, word: string): string => (n === 1 ? word : `${word}s`);

/**
 * The formats a template may apply to a value: `{{key|format}}` or `{{key|format:arg}}`.
 * They are the English spelling of numbers, days and lists; a translation brings its own.
 */
type Messages = Readonly<Record<string, string>>;

/** A format: the value, its `:arg`, the whole data, the rule's templates and the formats in use. */
export type MessageFormat = (
  value: unknown,
  arg: string,
  data: MessageData,
  messages: Messages,
  formats: MessageFormats,
) => string;
export type MessageFormats = Readonly<Record<string, MessageFormat>>;

export const FORMATS: MessageFormats = {
  /**
   * A list of nested messages of the same rule, `{ messageId, data }` each, rendered and joined
   * with `; ` (the bad cells of one row), or with the separator given: `each:, `.
   */
  each: (value, separator, _data, messages, formats) =>
    (Array.isArray(value) ? (value as NestedMessage[]) : [])
      .map((item) =>
        renderMessage(messageTemplate('', messages, item.messageId), item.data, messages, formats),
      )
      .join(separator === '' ? '; ' : separator),
  /** A nested message of the same catalogue, `{ messageId, data }`: `{{gap|text}}`. */
  text: (value, _arg, _data, messages, formats) => renderNested(value, messages, formats),
  /** Nested messages joined as a list: `a, b and c` (`{{needs|all}}`). */
  all: (value, arg, data, messages, formats) => {
    const items = (Array.isArray(value) ? value : []).map((item) =>
      renderNested(item, messages, formats),
    );
    const list = Object.hasOwn(formats, 'list') ? formats.list : undefined;
    return list === undefined ? formatList(items) : list(items, arg, data, messages, formats);
  },
  /** A value the English formats already wrote (`1 h 24 min`, `7.93%`), as it is. */
  measured: (value) => String(value),
  /** An ISO date; English writes it as it is (`2026-11-15`). */
  date: (value) => String(value),
  /**
   * Another message of the same rule with this value as its data: `{{suggestion?|message:move}}`
   * adds the rule's `move` sentence when the finding has a suggestion.
   */
  message: (value, messageId, _data, messages, formats) =>
    renderMessage(
      messageTemplate('', messages, messageId),
      value as MessageData,
      messages,
      formats,
    ),
  /** A part of a whole named by another key as a percentage: `{{silent|share:accounts}}` → `18%`. */
  share: (value, key, data) => formatShare(count(value), count(data[key])),
  /** The accounts of a segment: `smb accounts`, or `accounts without a segment`. */
  segmentAccounts: (value) => segmentLabel(String(value)),
  /** A lifecycle day: `275`, `-14`, `0.34` (two decimals at most). */
  day: (value) => formatDay(count(value)),
  /** A length in days: `1 day`, `90 days`. */
  days: (value) => formatDayCount(count(value)),
  /** `a`, `a and b`, `a, b and c`; `list:8` names eight at most, then `N more`. */
  list: (value, most) => {
    const items = texts(value);
    const max = most === '' ? Infinity : Number(most);
    return formatList(
      items.length > max ? [...items.slice(0, max), `${String(items.length - max)} more`] : items,
    );
  },
  /** `a, b, c`. */
  commas: (value) => texts(value).join(', '),
  /** Segment ids as a list; the implicit single segment reads as "all customers". */
  segments: (value) => formatSegments(texts(value)),
  /** The verb for a list of segments as subject: `hears` for one, `hear` for several. */
  verb: (value, verb) => (isPluralSegments(texts(value)) ? verb : `${verb}s`),
  /** A number and a noun: `1 row`, `3 rows` (`{{rows|count:row}}`). */
  count: (value, noun) => `${String(count(value))} ${plural(count(value), noun)}`,
  /** Just the noun for a number: `row`, `rows` (`{{fields|noun:field}}`). */
  noun: (value, noun) => plural(count(value), noun),
  /** A value as JSON, e.g. a quoted cell: `"N/A"`. */
  json: (value) => JSON.stringify(value),
  /**
   * A metric value written the way its target is (`72.5%` for percent metrics and for ratios
   * whose target was written as a percent): reads `unit`, `target` and `targetText` from data.
   */
  metricValue: (value, _arg, data) => formatValue(count(value), metricSpecOf(data)),
  /** A target in its metric's unit with its comparison: `>= 35%`, `<= 1 h`; reads `op` too. */
  metricTarget: (value, _arg, data) => {
    const spec = metricSpecOf(data);
    return formatTarget(
      spec.target ?? { op: data.op as Comparison, value: count(value), text: '' },
      spec,
    );
  },
  /** An attainment 0–1 that missed its target as a whole percent, never `100%`. */
  missedPercent: (value) => formatAttainment(count(value), false),
  /** A cell of a user's file, quoted as JSON and cut after 40 characters: `"N/A"`. */
  cell: (value) => {
    const text = String(value);
    return JSON.stringify(text.length > CELL_QUOTED ? `${text.slice(0, CELL_QUOTED)}…` : text);
  },
  /** Values quoted as JSON: `"a", "b"`; `quoted:8` shows eight at most, then `, … (N more)`. */
  quoted: (value, most) => {
    const items = texts(value);
    const max = most === '' ? Infinity : Number(most);
    return quoteList(items.slice(0, max), items.length);
  },
  /** Values already cut short, quoted, with the full count in another key: `quotedOf:columns`. */
  quotedOf: (value, key, data) => quoteList(texts(value), count(data[key])),
  /** A year with four digits: `0000`, `3024`. */
  year: (value) => String(value).padStart(4, '0'),
  /** A number of bytes (characters) in MiB: `16`. */
  mib: (value) => String(count(value) / 1024 / 1024),
  /** A day/month order: `day-first (dmy)`. */
  dateOrder: (value) => dateOrderName(value as DateOrder),
  /** Several orders: `month-first (mdy) or year-first (ymd)`. */
  dateOrders: (value) =>
    texts(value)
      .map((order) => dateOrderName(order as DateOrder))
      .join(' or '),
  /** A number with thousands separators: `1,000,000`. */
  number: (value) => count(value).toLocaleString('en-US'),
  /** Names in single quotes: `'a', 'b'`. */
  names: (value) =>
    texts(value)
      .map((name) => `'${name}'`)
      .join(', '),
  /** A value as the user wrote it: a string in single quotes (`'3x'`), anything else as JSON. */
  written: (value) =>
    typeof value === 'string'
      ? `'${value}'`
      : value === undefined
        ? 'undefined'
        : JSON.stringify(value),
  /** The value, or the word given when it is empty: `{{field|else:value}}`. */
  else: (value, word) => (value === '' || value === undefined ? word : texts(value).join(',')),
  /** Text whose first letter is made small, to continue a sentence: `flow sequence …`. */
  uncapitalized: (value) => {
    const text = String(value);
    return `${text.charAt(0).toLowerCase()}${text.slice(1)}`;
  },
  /**
   * The entry of a file a schema problem is in, from `entry` and `id` or `number` in data:
   * `touchpoint 'welcome-email'`, `owner #2`, `the inventory`.
   */
  subject: (value, _arg, data) => {
    const entry = String(value);
    if (entry === 'inventory' || entry === 'config') return `the ${entry}`;
    return typeof data.id === 'string'
      ? `${entry} '${data.id}'`
      : `${entry} #${String(data.number)}`;
  },
  /** JSON Schema types as a noun: `a list`, `a mapping`, `a string or number`. */
  jsonType: (value) => {
    const types = texts(value).join(',');
    return types === 'array'
      ? 'a list'
      : types === 'object'
        ? 'a mapping'
        : `${/^[aeiou]/.test(types) ? 'an' : 'a'} ${types.replace(',', ' or ')}`;
  },
  /** The range a duration field takes: `between -100y and 100y`. */
  durationRange: (value) => DURATION_RANGE_TEXT[value as DurationRange],
  /** A share 0–1 as a whole percentage: `83%`. */
  percent: (value) => `${String(Math.round(count(value) * 100))}%`,
};

/** `"a", "b"`, and `, … (N more)` (the `more` words given) when `total` is larger. */
export function quoteList(
  shown: readonly string[],
  total: number,
  more = (n: number) => `${String(n)} more`,
): string {
  const rest = total > shown.length ? `, … (${more(total - shown.length)})` : '';
  return `${shown.map((text) => JSON.stringify(text)).join(', ')}${rest}`;
}

interface NestedMessage {
  messageId: string;
  data: MessageData;
}

function renderNested(value: unknown, messages: Messages, formats: MessageFormats): string {
  const item = value as NestedMessage;
  return renderMessage(messageTemplate('', messages, item.messageId), item.data, messages, formats);
}

/** Longest cell text a message quotes before cutting it with `…`. */
const CELL_QUOTED = 40;

/** The metric spec a `metricValue` needs, from the data of a finding about a metric. */
export function metricSpecOf(data: MessageData): MetricSpec {
  const spec: MetricSpec = { name: String(data.metric) };
  if (typeof data.unit === 'string') spec.unit = data.unit as Unit;
  if (typeof data.target === 'number' && typeof data.targetText === 'string') {
    spec.target = { op: data.op as Comparison, value: data.target, text: data.targetText };
  }
  return spec;
}

/** `{{key}}`, `{{key|format}}`, `{{key|format:arg}}`; `{{key?…}}` renders nothing without the key. */
const PLACEHOLDER = /\{\{\s*([\w.]+)(\?)?\s*(?:\|\s*(\w+)(?::([^}]*))?\s*)?\}\}/g;

/** The `{{key}}` names a template uses, for checks that every template gets its data. */
export function templateKeys(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
}

/** The format names a template uses (`day` in `{{from|day}}`). */
export function templateFormats(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].flatMap((match) =>
    match[3] === undefined ? [] : [match[3]],
  );
}

export function isKnownFormat(name: string, formats: MessageFormats = FORMATS): boolean {
  return Object.hasOwn(formats, name);
}

/**
 * Fills a template's `{{key}}` and `{{key|format}}` placeholders from `data`. A missing key or
 * an unknown format is a bug in a rule, so it throws rather than printing a broken message;
 * only an optional placeholder (`{{key?|format}}`) stands for nothing when its key is absent.
 */
export function renderMessage(
  template: string,
  data: MessageData,
  messages: Messages = {},
  formats: MessageFormats = FORMATS,
): string {
  const parts = compiled(template);
  // Joined once, not appended piece by piece: `+=` leaves a tree of a dozen string pieces per
  // message, which a crowded inventory's 100,000 findings keep alive; a join makes one string.
  // The list made to its size at once: pushed to, it grew twice per message.
  const out = new Array<string>(parts.text.length + parts.holes.length);
  out[0] = parts.text[0] ?? '';
  for (let i = 0; i < parts.holes.length; i++) {
    const { key, optional, format, arg } = parts.holes[i] as Hole;
    let text = '';
    if (Object.hasOwn(data, key)) {
      const value = data[key];
      if (format === undefined) text = typeof value === 'string' ? value : String(value);
      else {
        const apply = Object.hasOwn(formats, format) ? formats[format] : undefined;
        if (apply === undefined) throw new Error(`unknown message format '${format}': ${template}`);
        text = apply(value, arg, data, messages, formats);
      }
    } else if (!optional) throw new Error(`message data has no '${key}': ${template}`);
    out[2 * i + 1] = text;
    out[2 * i + 2] = parts.text[i + 1] ?? '';
  }
  return out.join('');
}

/** A placeholder of a template: `{{key?|format:arg}}`. */
interface Hole {
  key: string;
  optional: boolean;
  format?: string;
  arg: string;
}

/** A template split once into its text (one more piece than holes) and its placeholders. */
interface Compiled {
  text: string[];
  holes: Hole[];
}

/**
 * Templates are few (the rules' messages) and each is rendered for every finding of its kind,
 * up to 100,000 times in a crowded inventory, so each is split into parts once.
 */
const compiledTemplates = new Map<string, Compiled>();
/** More templates than every rule has, so the cache stays bounded whatever is rendered. */
const TEMPLATES_KEPT = 2_000;
function compiled(template: string): Compiled {
  let parts = compiledTemplates.get(template);
  if (parts) return parts;
  parts = { text: [], holes: [] };
  let end = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    parts.text.push(template.slice(end, match.index));
    const [, key = '', optional, format, arg] = match;
    parts.holes.push({
      key,
      optional: optional !== undefined,
      ...(format === undefined ? {} : { format }),
      arg: arg ?? '',
    });
    end = match.index + match[0].length;
  }
  parts.text.push(template.slice(end));
  if (compiledTemplates.size < TEMPLATES_KEPT) compiledTemplates.set(template, parts);
  return parts;
}

/** The template of a message id in a rule's messages; throws for an id the rule lacks. */
export function messageTemplate(rule: string, messages: Messages, messageId: string): string {
  const template = Object.hasOwn(messages, messageId) ? messages[messageId] : undefined;
  if (template === undefined) throw new Error(`rule ${rule || '?'} has no message '${messageId}'`);
  return template;
}

/** A finding's English message, rendered from its rule's template and its data. */
export function renderFinding(
  finding: Pick<Finding, 'rule' | 'messageId' | 'data'>,
  messages: Messages,
): string {
  return renderMessage(
    messageTemplate(finding.rule, messages, finding.messageId),
    finding.data,
    messages,
  );
}

export { count as countOf, texts as textsOf };
