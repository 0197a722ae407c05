import { formatShare } from '../events/cadence.js';
import { formatDate, localizeNumber, localizeNumbersIn } from '../i18n/number-format.js';
import type { DurationRange } from '../inventory/duration.js';
import type { DateOrder } from '../metrics/parse-date.js';
import { formatDay } from '../shared/format.js';
import { formatAttainment, formatTarget, formatValue } from '../shared/format-value.js';
import { ALL_SEGMENTS } from '../shared/segments.js';
import type { Comparison } from '../types.js';
import { countOf, FORMATS, metricSpecOf, quoteList, textsOf } from './message.js';
import type { MessageFormats } from './message.js';

const id = (english: string): string => localizeNumber('id', english);

/** `a`, `a dan b`, `a, b dan c`. */
function daftar(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} dan ${items[items.length - 1] ?? ''}`;
}

/** `1 hari`, `1,5 hari`: Indonesian nouns stay the same after a number. */
const hari = (value: unknown): string => `${id(formatDay(countOf(value)))} hari`;

/** A value the English formats wrote (`1 h 24 min`, `2.5 days`, `>= 35%`), in Indonesian. */
function nilai(english: string): string {
  return localizeNumbersIn('id', english)
    .replace(/ days?\b/g, ' hari')
    .replace(/ h\b/g, ' jam')
    .replace(/ min\b/g, ' menit')
    .replace(/ s\b/g, ' detik');
}

const DATE_ORDERS: Readonly<Record<DateOrder, string>> = {
  dmy: 'hari dulu (dmy)',
  mdy: 'bulan dulu (mdy)',
  ymd: 'tahun dulu (ymd)',
};

const DURATION_RANGES: Readonly<Record<DurationRange, string>> = {
  offset: 'antara -100y dan 100y',
  positive: 'lebih dari 0 dan paling lama 100y',
  length: 'antara 0 dan 100y',
};

const JSON_TYPES: Readonly<Record<string, string>> = {
  array: 'daftar (list)',
  object: 'mapping',
  string: 'teks (string)',
  number: 'angka',
  integer: 'bilangan bulat',
  boolean: 'true/false',
  null: 'null',
};

/**
 * The message formats of the Indonesian templates: the English ones where a value reads the
 * same in both (ids, JSON, names), Indonesian words and number marks for the rest. The noun of
 * `count` and `noun` is the template's own word, unchanged by the number.
 */
export const FORMATS_ID: MessageFormats = {
  ...FORMATS,
  share: (value, key, data) => nilai(formatShare(countOf(value), countOf(data[key]))),
  segmentAccounts: (value) => {
    const segment = String(value);
    return segment === '' ? 'akun tanpa segmen' : `akun ${segment}`;
  },
  day: (value) => id(formatDay(countOf(value))),
  days: hari,
  list: (value, most) => {
    const items = textsOf(value);
    const max = most === '' ? Infinity : Number(most);
    return daftar(
      items.length > max
        ? [...items.slice(0, max), `${String(items.length - max)} lainnya`]
        : items,
    );
  },
  segments: (value) =>
    daftar(
      textsOf(value).map((segment) => (segment === ALL_SEGMENTS ? 'semua pelanggan' : segment)),
    ),
  // Indonesian verbs do not agree with their subject: the template's verb is used as it is.
  verb: (_value, verb) => verb,
  count: (value, noun) => `${id(String(countOf(value)))} ${noun}`,
  noun: (_value, noun) => noun,
  metricValue: (value, _arg, data) => nilai(formatValue(countOf(value), metricSpecOf(data))),
  metricTarget: (value, _arg, data) => {
    const spec = metricSpecOf(data);
    return nilai(
      formatTarget(
        spec.target ?? { op: data.op as Comparison, value: countOf(value), text: '' },
        spec,
      ),
    );
  },
  missedPercent: (value) => formatAttainment(countOf(value), false),
  measured: (value) => nilai(String(value)),
  quoted: (value, most) => {
    const items = textsOf(value);
    const max = most === '' ? Infinity : Number(most);
    return quoteList(items.slice(0, max), items.length, (n) => `${String(n)} lainnya`);
  },
  quotedOf: (value, key, data) =>
    quoteList(textsOf(value), countOf(data[key]), (n) => `${String(n)} lainnya`),
  mib: (value) => id(String(countOf(value) / 1024 / 1024)),
  dateOrder: (value) => DATE_ORDERS[value as DateOrder],
  dateOrders: (value) =>
    textsOf(value)
      .map((order) => DATE_ORDERS[order as DateOrder])
      .join(' atau '),
  number: (value) => countOf(value).toLocaleString('id-ID'),
  subject: (value, _arg, data) => {
    const entry = String(value);
    if (entry === 'inventory') return 'inventaris';
    if (entry === 'config') return 'konfigurasi';
    return typeof data.id === 'string'
      ? `${entry} '${data.id}'`
      : `${entry} #${String(data.number)}`;
  },
  jsonType: (value) =>
    textsOf(value)
      .join(',')
      .split(',')
      .map((type) => JSON_TYPES[type] ?? type)
      .join(' atau '),
  durationRange: (value) => DURATION_RANGES[value as DurationRange],
  percent: (value) => `${String(Math.round(countOf(value) * 100))}%`,
  /** An ISO date as Indonesians write it: `2 Desember 2026` (anything else as it is). */
  date: (value) => formatDate('id', String(value)),
};
