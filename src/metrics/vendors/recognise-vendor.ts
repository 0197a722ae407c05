import type { MetricMapping, MetricSource } from '../../config/config.js';
import { normaliseColumn } from '../detect-format.js';
import { QUESTION, VENDOR_PROFILES, type VendorProfile } from './profiles.js';

/** A `sources:` entry as a user writes it: what `touchpoint sources` suggests and a finding quotes. */
export type SuggestedSource = Omit<MetricSource, 'location'>;

/** What a suggestion needs to know of the inventory: touchpoints by channel and metric. */
export interface TouchpointHint {
  id: string;
  channel?: string;
  metric?: { name: string };
}

/** The profile a header matches: every column it names; the most specific of several. */
export function recogniseVendor(header: readonly string[]): VendorProfile | undefined {
  const names = new Set(header.map(normaliseColumn));
  const first = normaliseColumn(header[0] ?? '');
  let best: VendorProfile | undefined;
  for (const profile of VENDOR_PROFILES) {
    if (profile.first !== undefined && normaliseColumn(profile.first) !== first) continue;
    if (!profile.columns.every((column) => names.has(normaliseColumn(column)))) continue;
    if (best === undefined || profile.columns.length > best.columns.length) best = profile;
  }
  return best;
}

/** The profile with this id. */
export function vendorProfile(id: string): VendorProfile | undefined {
  return VENDOR_PROFILES.find((profile) => profile.id === id);
}

/** A survey question that holds a score rather than free text. */
const SCORED_QUESTION =
  /satisf|recommend|likely|rating|rate |score|\(\s*\d+\s*[-–]\s*\d+\s*\)|^q\d+(?:_\d+)?$/i;
const RECOMMEND = /recommend|likely/i;
/** A column naming each row's segment. */
const SEGMENT_COLUMN = /(?:^|_)(?:tier|segment|segmen|plan)(?:_|$|\[)/;

/** `zendesk-tickets-2026-03.csv` → `zendesk-tickets-*.csv`: the next month's export matches too. */
export function matchGlob(baseName: string): string {
  // Digits inside a word (`ga4`, `q1`) name the export; digits on their own are its date.
  return baseName.replace(/(?<![A-Za-z])\d(?:[\d._-]*\d)?/g, '*').replace(/\*+/g, '*');
}

/**
 * The `sources:` entry a recognised export needs, ready to paste: the profile's touchpoint,
 * date, reading options and usual metrics, with the columns spelled as this header spells
 * them, and metrics whose columns the header lacks left out. A file that is one touchpoint
 * takes the id of the inventory's touchpoint on the profile's channels (the first whose metric
 * the profile measures, else the first), else the profile's placeholder id.
 */
export function suggestSource(
  profile: VendorProfile,
  header: readonly string[],
  baseName: string,
  touchpoints: readonly TouchpointHint[] = [],
  /** The title line above the header in a multi-table report (`Attendee Details`). */
  section?: string,
): SuggestedSource {
  const byName = new Map<string, string>();
  for (const name of header) {
    const trimmed = name.replace(/^\uFEFF/, '').trim();
    const key = normaliseColumn(trimmed);
    if (trimmed !== '' && !byName.has(key)) byName.set(key, trimmed);
  }
  const column = (name: string): string | undefined => byName.get(normaliseColumn(name));
  const source: SuggestedSource = { match: matchGlob(baseName) };

  const touchpointColumn =
    'column' in profile.touchpoint
      ? profile.touchpoint.column === 'first'
        ? header[0]?.replace(/^\uFEFF/, '').trim()
        : column(profile.touchpoint.column)
      : undefined;
  if (touchpointColumn !== undefined) source.touchpoint = touchpointColumn;
  else if ('id' in profile.touchpoint)
    source.touchpoint = { id: fixedId(profile, profile.touchpoint.id, touchpoints) };

  const date = profile.date?.map(column).find((name) => name !== undefined);
  if (date !== undefined) source.date = date;
  if (profile.dateOrder !== undefined) source.dateOrder = profile.dateOrder;
  if (profile.skipRows !== undefined) source.skipRows = profile.skipRows;
  if (section !== undefined) source.section = section;
  const known = new Set(
    [...profile.columns, ...(profile.meta ?? []), ...(profile.date ?? [])].map(normaliseColumn),
  );
  const segment = [...byName.entries()].find(
    ([key]) => SEGMENT_COLUMN.test(key) && !known.has(key),
  )?.[1];
  if (segment !== undefined) source.segment = segment;
  const filter = resolveFilter(profile.filter, column);
  if (filter !== undefined) source.filter = filter;

  const question = pickQuestion(header, known, touchpointColumn, segment);
  const metrics: MetricMapping[] = [];
  for (const template of profile.metrics) {
    const metric = resolveMetric(template, column, question);
    if (metric !== undefined) metrics.push(metric);
  }
  source.metrics = metrics;
  return source;
}

function fixedId(
  profile: VendorProfile,
  placeholder: string,
  touchpoints: readonly TouchpointHint[],
): string {
  const onChannel = touchpoints.filter(
    (tp) => tp.channel !== undefined && profile.channels.includes(tp.channel),
  );
  const measured = new Set(profile.metrics.map((m) => normaliseColumn(m.metric)));
  const fits = onChannel.find(
    (tp) => tp.metric !== undefined && measured.has(normaliseColumn(tp.metric.name)),
  );
  return (fits ?? onChannel[0])?.id ?? placeholder;
}

function resolveFilter(
  filter: VendorProfile['filter'],
  column: (name: string) => string | undefined,
): Record<string, string[]> | undefined {
  if (filter === undefined) return undefined;
  const resolved: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(filter)) {
    const written = column(name);
    if (written === undefined) return undefined;
    resolved[written] = [...values];
  }
  return resolved;
}

/** The survey's score question: the first scored-looking column that is no known column. */
function pickQuestion(
  header: readonly string[],
  known: ReadonlySet<string>,
  ...taken: (string | undefined)[]
): string | undefined {
  const candidates = header
    .map((name) => name.replace(/^\uFEFF/, '').trim())
    .filter((name) => name !== '' && !known.has(normaliseColumn(name)) && !taken.includes(name));
  return candidates.find((name) => SCORED_QUESTION.test(name));
}

function resolveMetric(
  template: MetricMapping,
  column: (name: string) => string | undefined,
  question: string | undefined,
): MetricMapping | undefined {
  const resolve = (name: string): string | undefined =>
    name === QUESTION ? question : column(name);
  const metric: MetricMapping = { metric: template.metric };
  if (template.value !== undefined) {
    const value = resolve(template.value);
    if (value === undefined) return undefined;
    metric.value = value;
  }
  if (template.ratio !== undefined) {
    const numerator = resolve(template.ratio.numerator);
    const denominator = resolve(template.ratio.denominator);
    if (numerator === undefined || denominator === undefined) return undefined;
    metric.ratio = { numerator, denominator };
  }
  const aggregate = template.aggregate;
  if (aggregate !== undefined) {
    if (aggregate.column === undefined) metric.aggregate = { ...aggregate };
    else {
      const written = resolve(aggregate.column);
      if (written === undefined) return undefined;
      metric.aggregate = { ...aggregate, column: written };
      if (aggregate.column === QUESTION && RECOMMEND.test(written))
        metric.metric = 'recommend_score';
    }
  }
  if (template.unit !== undefined) metric.unit = template.unit;
  if (template.scale !== undefined) metric.scale = template.scale;
  if (template.filter !== undefined) {
    const filter = resolveFilter(
      Object.fromEntries(
        Object.entries(template.filter).map(([k, v]) => [
          k,
          Array.isArray(v) ? v.map(String) : [String(v)],
        ]),
      ),
      column,
    );
    if (filter === undefined) return undefined;
    metric.filter = filter;
  }
  return metric;
}
