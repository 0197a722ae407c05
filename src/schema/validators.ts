import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { ErrorObject } from 'ajv';

export type SchemaName = 'inventory' | 'config' | 'report';

export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

const require = createRequire(import.meta.url);
const cache = new Map<SchemaName, SchemaValidator>();

/** Folder of the JSON Schemas; `src/schema` and `dist/schema` both sit two levels below it. */
export const SCHEMAS_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

export function readSchema(name: SchemaName): Record<string, unknown> {
  return JSON.parse(readFileSync(`${SCHEMAS_DIR}${name}.schema.json`, 'utf8')) as Record<
    string,
    unknown
  >;
}

/** The ajv options used both for the build-time standalone code and the runtime fallback. */
export const AJV_OPTIONS = {
  allErrors: true,
  verbose: true,
  allowUnionTypes: true,
  strict: true,
  strictRequired: false,
};

/**
 * The compiled validator for a schema. The build precompiles them to CommonJS with ajv's
 * standalone code (ajv's ESM standalone output still calls require()), which keeps ajv's
 * compiler off the start-up path; running from source falls back to compiling at first use.
 */
export function getValidator(name: SchemaName): SchemaValidator {
  let validate = cache.get(name);
  if (validate) return validate;
  try {
    validate = require(`../generated/validate-${name}.cjs`) as SchemaValidator;
  } catch {
    const Ajv = require('ajv') as typeof import('ajv').default;
    const ajv = new Ajv(AJV_OPTIONS);
    validate = ajv.compile(readSchema(name)) as SchemaValidator;
  }
  cache.set(name, validate);
  return validate;
}
