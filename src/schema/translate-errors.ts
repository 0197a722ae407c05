import type { ErrorObject } from 'ajv';
import { suggest } from '../shared/suggest.js';
import type { Finding } from '../types.js';
import { locate } from '../yaml/yaml-source.js';
import type { YamlPath, YamlSource } from '../yaml/yaml-source.js';

/** The message of a pattern error, by the schema definition the pattern belongs to. */
function patternMessage(schemaPath: string): string {
  if (schemaPath.includes('/duration/')) return 'badDuration';
  if (schemaPath.includes('/timingOffset/')) return 'badOffset';
  if (schemaPath.includes('/identifier/')) return 'badIdentifier';
  return 'badPattern';
}
const TIMING_SHAPES: Record<string, string> = {
  '#/then/propertyNames': 'reactiveTimingKey',
  '#/else/then/propertyNames': 'alwaysOnTimingKey',
  // A calendar timing's branch (#/else/else/then) has no hint of its own yet: `timingKey`.
  '#/else/else/else/propertyNames': 'scheduledTimingKey',
};

/** The metric schema's `then` branch: a duration target (`<= 1h`) needs a time unit. */
function asksTimeUnit(error: ErrorObject): boolean {
  return error.schemaPath.startsWith('#/then/') && /\/metric(?:\/unit)?$/.test(error.instancePath);
}

function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function valueAt(data: unknown, path: YamlPath): unknown {
  let value = data;
  for (const step of path) {
    if (value === null || typeof value !== 'object') return undefined;
    if (!Object.hasOwn(value, step)) return undefined;
    value = (value as Record<string | number, unknown>)[step];
  }
  return value;
}

/**
 * The entry holding a path, as facts: `{ entry: 'touchpoint', id: 'welcome-email' }`,
 * `{ entry: 'owner', number: 2 }` (no id) or `{ entry: 'inventory' }`. Templates word it with
 * `{{entry|subject}}`.
 */
type SchemaSubject =
  | { entry: 'touchpoint' | 'owner' | 'waiver' | 'source' | 'segment'; id: string }
  | { entry: 'touchpoint' | 'owner' | 'waiver' | 'source' | 'segment'; number: number }
  | { entry: 'inventory' | 'config' };

function subject(data: unknown, path: YamlPath, noun: 'inventory' | 'config'): SchemaSubject {
  const [section, index] = path;
  if (
    typeof index === 'number' &&
    (section === 'touchpoints' ||
      section === 'owners' ||
      section === 'waivers' ||
      section === 'sources' ||
      section === 'segments')
  ) {
    const entry = valueAt(data, [section, index]);
    const singular = section.slice(0, -1) as
      'touchpoint' | 'owner' | 'waiver' | 'source' | 'segment';
    const id =
      entry !== null && typeof entry === 'object'
        ? (entry as Record<string, unknown>)[singular === 'waiver' ? 'rule' : 'id']
        : undefined;
    return typeof id === 'string' && id !== ''
      ? { entry: singular, id }
      : { entry: singular, number: index + 1 };
  }
  return { entry: noun };
}

/** The field a path names inside its entry: `timing.at` for touchpoints[2].timing.at. */
function fieldName(path: YamlPath): string {
  const start = typeof path[1] === 'number' ? 2 : 0;
  return path
    .slice(start)
    .map((step) => (typeof step === 'number' ? `[${step}]` : step))
    .join('.')
    .replace(/\.\[/g, '[');
}

function isOwnerPath(path: YamlPath): boolean {
  return (
    path[0] === 'touchpoints' &&
    typeof path[1] === 'number' &&
    path[2] === 'owner' &&
    path.length === 3
  );
}

export interface TranslateOptions {
  noun: 'inventory' | 'config';
  /** Paths (as fields) whose problems another rule family reports, e.g. touchpoint owners. */
  skip?: (path: YamlPath, missingProperty?: string) => boolean;
}

/**
 * Turns ajv's raw errors into one finding per problem, in words a consultant understands,
 * positioned on the offending key or value.
 */
export function translateSchemaErrors(
  errors: readonly ErrorObject[],
  source: YamlSource,
  options: TranslateOptions,
): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  // Branch errors of an anyOf are summarised by the anyOf error itself.
  // An anyOf ("a list of waivers, or a file path") is summarised by its own error, unless a
  // branch failed deeper inside the value: then the deeper, more specific errors are reported.
  const anyOfErrors = errors.filter((e) => e.keyword === 'anyOf');
  // A mapping that fails the one branch that takes mappings (a segment `{ id, lifecycle }`
  // without its id) is told what the mapping lacks or has too much, not that it is "not valid".
  const SHAPE_KEYWORDS = new Set(['required', 'additionalProperties']);
  const hasDeeperError = (anyOf: ErrorObject): boolean =>
    errors.some(
      (e) =>
        e.instancePath.startsWith(`${anyOf.instancePath}/`) ||
        (e.instancePath === anyOf.instancePath && SHAPE_KEYWORDS.has(e.keyword)),
    );
  // A branch's errors sit at the anyOf's own value; a branch that is a $ref has its schemaPath
  // in the referenced definition, so the value's path is what marks them.
  const inAnyOfBranch = (error: ErrorObject): boolean =>
    error.keyword !== 'anyOf' &&
    !SHAPE_KEYWORDS.has(error.keyword) &&
    anyOfErrors.some((anyOf) => error.instancePath === anyOf.instancePath);

  // A key unknown everywhere is reported once, as unknown-key, not also as a misplaced key.
  const unknownKeys = new Set(
    errors
      .filter((e) => e.keyword === 'additionalProperties')
      .map(
        (e) =>
          `${e.instancePath}/${(e.params as { additionalProperty: string }).additionalProperty}`,
      ),
  );
  for (const error of errors) {
    if (error.keyword === 'if' || inAnyOfBranch(error)) continue;
    if (error.keyword === 'anyOf' && hasDeeperError(error)) continue;
    if (
      error.keyword === 'propertyNames' &&
      unknownKeys.has(
        `${error.instancePath}/${(error.params as { propertyName: string }).propertyName}`,
      )
    )
      continue;
    if (error.keyword === 'enum' && error.schemaPath.endsWith('/propertyNames/enum')) continue;
    const path = pointerToPath(error.instancePath);
    const data = source.data;
    const who = subject(data, path, options.noun);
    const field = fieldName(path);
    const value = valueAt(data, path);
    let rule = 'schema/invalid';
    let messageId: string;
    let facts: Record<string, unknown> = {};
    let at: YamlPath = path;
    let target: 'key' | 'value' = 'value';
    let findingField = field;

    switch (error.keyword) {
      case 'additionalProperties': {
        const key = (error.params as { additionalProperty: string }).additionalProperty;
        const allowed = Object.keys(
          (error.parentSchema as { properties?: object } | undefined)?.properties ?? {},
        );
        const suggestion = suggest(key, allowed);
        rule = 'schema/unknown-key';
        at = [...path, key];
        target = 'key';
        findingField = fieldName(at);
        // The top level has no field; an entry's own keys (touchpoints[2]) have none either.
        const inField = path.length > 0 && field !== '';
        messageId = `${inField ? 'inField' : 'inEntry'}${suggestion === undefined ? '' : 'Suggest'}`;
        facts = {
          key,
          ...(inField ? { field } : {}),
          ...(suggestion === undefined ? {} : { suggestion }),
        };
        break;
      }
      case 'required': {
        const property = (error.params as { missingProperty: string }).missingProperty;
        if (options.skip?.(path, property)) continue;
        target = path.length > 0 && typeof path[path.length - 1] !== 'number' ? 'key' : 'value';
        findingField = field === '' ? property : `${field}.${property}`;
        messageId = asksTimeUnit(error)
          ? 'durationNeedsUnit'
          : field === ''
            ? 'missing'
            : 'missingInField';
        facts =
          messageId === 'durationNeedsUnit'
            ? { field }
            : messageId === 'missing'
              ? { property }
              : { field, property };
        break;
      }
      case 'propertyNames': {
        const key = (error.params as { propertyName: string }).propertyName;
        at = [...path, key];
        target = 'key';
        messageId = TIMING_SHAPES[error.schemaPath] ?? 'timingKey';
        facts = { key };
        findingField = fieldName(at);
        break;
      }
      case 'pattern': {
        messageId = patternMessage(error.schemaPath);
        facts = { field, value };
        break;
      }
      case 'anyOf': {
        if (field === 'metric.target') messageId = 'badTarget';
        else if (field.startsWith('metric.target.')) {
          messageId = 'badSegmentTarget';
          facts = { segment: path[path.length - 1] };
        } else messageId = field === 'journey' ? 'badJourney' : 'notValid';
        facts = { ...facts, field, value };
        break;
      }
      case 'enum': {
        if (asksTimeUnit(error)) {
          messageId = 'unitNotTime';
          facts = { field, value };
          break;
        }
        const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String);
        const suggestion = typeof value === 'string' ? suggest(value, allowed) : undefined;
        messageId = suggestion === undefined ? 'notAllowed' : 'notAllowedSuggest';
        facts = { field, value, allowed, ...(suggestion === undefined ? {} : { suggestion }) };
        break;
      }
      case 'const': {
        const allowed = (error.params as { allowedValue: unknown }).allowedValue;
        messageId = 'notConst';
        facts = { field, value, allowed };
        break;
      }
      case 'type': {
        if (isOwnerPath(path) && options.skip?.(path)) continue;
        const type = (error.params as { type: string | string[] }).type;
        const expected = Array.isArray(type) ? type : [type];
        messageId =
          path.length === 0 ? 'topLevel' : value === null ? 'wrongTypeEmpty' : 'wrongType';
        facts = path.length === 0 ? {} : { field, expected };
        break;
      }
      case 'uniqueItems': {
        const { i } = error.params as { i: number; j: number };
        const list = Array.isArray(value) ? (value as unknown[]) : [];
        messageId = 'listedTwice';
        facts = { field, item: list[i] };
        break;
      }
      default:
        messageId = 'other';
        facts = { field, problem: error.message ?? 'is not valid' };
    }
    const location = locate(source, at, target);
    const finding: Finding = {
      rule,
      severity: 'error',
      messageId,
      data: { ...who, ...facts },
      message: '',
      location,
    };
    const key = `${rule}|${location.line}|${location.column}|${messageId}|${JSON.stringify(finding.data)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (who.entry === 'touchpoint' && 'id' in who) finding.touchpoint = who.id;
    if (findingField !== '') finding.field = findingField;
    findings.push(finding);
  }
  return findings;
}
