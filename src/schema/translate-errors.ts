import type { ErrorObject } from 'ajv';
import { suggest } from '../shared/suggest.js';
import type { Finding } from '../types.js';
import { locate } from '../yaml/yaml-source.js';
import type { YamlPath, YamlSource } from '../yaml/yaml-source.js';

const DURATION_HINT = 'use an integer and a unit such as 3d, -90d, 2w, 3mo, 1y, 4h, or P3M';
const TIME_UNITS = 'seconds, minutes, hours or days';
const IDENTIFIER_HINT = 'use letters, digits, -, _ and . (e.g. welcome-email)';
const TIMING_SHAPES: Record<string, string> = {
  '#/then/propertyNames': 'a reactive timing takes only trigger and sla',
  '#/else/then/propertyNames': 'an always-on timing takes only continuous: true',
  '#/else/else/propertyNames': 'a scheduled timing takes only anchor, at, every and until',
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

function quote(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

/** "touchpoint 'welcome-email'" / "owner 'cs'" / "the inventory", for the entry holding a path. */
function subject(data: unknown, path: YamlPath, noun: 'inventory' | 'config'): string {
  const [section, index] = path;
  if (
    typeof index === 'number' &&
    (section === 'touchpoints' ||
      section === 'owners' ||
      section === 'waivers' ||
      section === 'sources')
  ) {
    const entry = valueAt(data, [section, index]);
    const singular = section.slice(0, -1);
    const id =
      entry !== null && typeof entry === 'object'
        ? (entry as Record<string, unknown>)[singular === 'waiver' ? 'rule' : 'id']
        : undefined;
    return typeof id === 'string' && id !== ''
      ? `${singular} '${id}'`
      : `${singular} #${index + 1}`;
  }
  return `the ${noun}`;
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
  const hasDeeperError = (anyOf: ErrorObject): boolean =>
    errors.some((e) => e.instancePath.startsWith(`${anyOf.instancePath}/`));
  // A branch's errors sit at the anyOf's own value; a branch that is a $ref has its schemaPath
  // in the referenced definition, so the value's path is what marks them.
  const inAnyOfBranch = (error: ErrorObject): boolean =>
    error.keyword !== 'anyOf' &&
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
    let message: string;
    let at: YamlPath = path;
    let target: 'key' | 'value' = 'value';
    let findingField = field;

    switch (error.keyword) {
      case 'additionalProperties': {
        const key = (error.params as { additionalProperty: string }).additionalProperty;
        const allowed = Object.keys(
          (error.parentSchema as { properties?: object } | undefined)?.properties ?? {},
        );
        const hint = suggest(key, allowed);
        rule = 'schema/unknown-key';
        at = [...path, key];
        target = 'key';
        findingField = fieldName(at);
        const where =
          path.length === 0 ? `the ${options.noun}` : field === '' ? who : `${field} of ${who}`;
        message = `unknown key '${key}' in ${where}${hint ? ` — did you mean '${hint}'?` : ' (custom data goes under meta:)'}`;
        break;
      }
      case 'required': {
        const missing = (error.params as { missingProperty: string }).missingProperty;
        if (options.skip?.(path, missing)) continue;
        target = path.length > 0 && typeof path[path.length - 1] !== 'number' ? 'key' : 'value';
        findingField = field === '' ? missing : `${field}.${missing}`;
        message = asksTimeUnit(error)
          ? `${field} of ${who} has a duration target, which needs unit: ${TIME_UNITS} to convert it to`
          : field === ''
            ? `${who} has no ${missing}`
            : `${field} of ${who} has no ${missing}`;
        break;
      }
      case 'propertyNames': {
        const key = (error.params as { propertyName: string }).propertyName;
        at = [...path, key];
        target = 'key';
        const shape = TIMING_SHAPES[error.schemaPath] ?? 'this key is not allowed here';
        message = `'${key}' does not belong in the timing of ${who}: ${shape}`;
        findingField = fieldName(at);
        break;
      }
      case 'pattern': {
        const hint = error.schemaPath.includes('/duration/')
          ? DURATION_HINT
          : error.schemaPath.includes('/timingOffset/')
            ? `${DURATION_HINT}, or a window such as 2d..3d`
            : error.schemaPath.includes('/identifier/')
              ? IDENTIFIER_HINT
              : 'see the schema for the expected form';
        message = `${field || 'value'} of ${who} is ${quote(value)}, which is not valid: ${hint}`;
        break;
      }
      case 'anyOf': {
        message =
          field === 'metric.target' || field.startsWith('metric.target.')
            ? `${field === 'metric.target' ? 'metric target' : `target ${quote(path[path.length - 1])}`} of ${who} is ${quote(value)}: write a comparison and a number such as ">= 0.9", "<= 4", "90%" or "<= 1h", or a map of segments to such targets`
            : field === 'journey'
              ? `journey is ${quote(value)}: use a preset (b2b-saas, b2c) or a list of stage ids`
              : `${field} of ${who} is ${quote(value)}, which is not valid`;
        break;
      }
      case 'enum': {
        if (asksTimeUnit(error)) {
          message = `${field} of ${who} is ${quote(value)}, but its target is a duration, which needs unit: ${TIME_UNITS}`;
          break;
        }
        const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String);
        const hint = typeof value === 'string' ? suggest(value, allowed) : undefined;
        message = `${field} of ${who} is ${quote(value)}: expected one of ${allowed.join(', ')}${hint ? ` — did you mean '${hint}'?` : ''}`;
        break;
      }
      case 'const': {
        const allowed = (error.params as { allowedValue: unknown }).allowedValue;
        message = `${field} of ${who} is ${quote(value)}: it must be ${JSON.stringify(allowed)}`;
        break;
      }
      case 'type': {
        if (isOwnerPath(path) && options.skip?.(path)) continue;
        const expected = String((error.params as { type: string | string[] }).type).replace(
          ',',
          ' or ',
        );
        const noun =
          expected === 'array' ? 'a list' : expected === 'object' ? 'a mapping' : `a ${expected}`;
        message =
          path.length === 0
            ? `the top level of the ${options.noun} must be a mapping of keys (version, touchpoints, …)`
            : `${field || 'entry'} of ${who} must be ${noun}`;
        if (value === null && path.length > 0) message += ', but it is empty';
        break;
      }
      case 'uniqueItems': {
        const { i } = error.params as { i: number; j: number };
        const list = Array.isArray(value) ? value : [];
        message = `${field} of ${who} lists ${quote(list[i])} twice`;
        break;
      }
      default:
        message = `${field || 'value'} of ${who} ${error.message ?? 'is not valid'}`;
    }
    const location = locate(source, at, target);
    const key = `${rule}|${location.line}|${location.column}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const finding: Finding = {
      rule,
      severity: 'error',
      messageId: 'text',
      data: { text: message },
      message,
      location,
    };
    const entry = subject(data, path, options.noun);
    if (entry.startsWith("touchpoint '")) finding.touchpoint = entry.slice(12, -1);
    if (findingField !== '') finding.field = findingField;
    findings.push(finding);
  }
  return findings;
}
