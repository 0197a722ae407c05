import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/config.js';
import type { AuditReport, TouchpointScore } from '../../src/report.js';
import { readSchema } from '../../src/schema/validators.js';
import type { SchemaName } from '../../src/schema/validators.js';
import type { Finding, Location, MetricSpec, Owner, Touchpoint } from '../../src/types.js';

type Json = Record<string, unknown>;

/** Every `properties` entry in a schema, with its JSON path, for the description check. */
function propertiesOf(node: unknown, path: string, out: [string, Json][] = []): [string, Json][] {
  if (node === null || typeof node !== 'object') return out;
  const object = node as Json;
  if (object.properties && typeof object.properties === 'object') {
    for (const [key, value] of Object.entries(object.properties as Json))
      out.push([`${path}.${key}`, value as Json]);
  }
  for (const [key, value] of Object.entries(object)) propertiesOf(value, `${path}/${key}`, out);
  return out;
}

function resolve(schema: Json, property: Json): Json {
  const ref = property.$ref;
  if (typeof ref !== 'string') return property;
  const name = ref.replace('#/definitions/', '');
  return (schema.definitions as Json)[name] as Json;
}

function keysAt(schema: Json, pointer: string[]): string[] {
  let node: unknown = schema;
  for (const step of pointer) node = (node as Json)[step];
  return Object.keys((node as Json).properties as Json).sort();
}

describe('JSON Schemas', () => {
  for (const name of ['inventory', 'config', 'report'] as SchemaName[]) {
    describe(name, () => {
      const schema = readSchema(name);
      it('has $id, title and description', () => {
        expect(schema.$id).toBe(`https://touchpoint-audit.dev/schemas/${name}.schema.json`);
        expect(typeof schema.title).toBe('string');
        expect(typeof schema.description).toBe('string');
      });
      it('describes every property (directly or through its $ref) for editor completion', () => {
        const undocumented = propertiesOf(schema, '#')
          .filter(
            ([, property]) =>
              typeof property.description !== 'string' &&
              typeof resolve(schema, property).description !== 'string',
          )
          .map(([path]) => path);
        expect(undocumented).toEqual([]);
      });
    });
  }
});

// The schemas are the source of structure; these records make the TypeScript types and the
// schemas fail together when one of them gains a field the other lacks: a key missing here is
// a compile error, a key missing in the schema a test failure.
describe('TypeScript types agree with the schemas', () => {
  const inventory = readSchema('inventory');
  const config = readSchema('config');
  const report = readSchema('report');

  it('touchpoint fields', () => {
    // segmentTimings is what `timing:` holds when it is a map by segment, not a key of its own.
    const fields: Record<
      Exclude<keyof Touchpoint, 'location' | 'fields' | 'segmentTimings'>,
      true
    > = {
      id: true,
      name: true,
      stage: true,
      purpose: true,
      channel: true,
      owner: true,
      segments: true,
      type: true,
      mode: true,
      transactional: true,
      timing: true,
      metric: true,
      meta: true,
      when: true,
      excludes: true,
      sequence: true,
    };
    expect(keysAt(inventory, ['definitions', 'touchpoint'])).toEqual(Object.keys(fields).sort());
  });

  it('owner and metric fields', () => {
    const owner: Record<Exclude<keyof Owner, 'location'> | 'meta', true> = {
      id: true,
      name: true,
      contact: true,
      capacity: true,
      meta: true,
    };
    expect(keysAt(inventory, ['definitions', 'owner'])).toEqual(Object.keys(owner).sort());
    // segmentTargets is the per-segment form of `target` (a map), not a key of its own.
    const metric: Record<Exclude<keyof MetricSpec, 'segmentTargets'>, true> = {
      name: true,
      target: true,
      unit: true,
    };
    expect(keysAt(inventory, ['definitions', 'metric'])).toEqual(Object.keys(metric).sort());
  });

  it('config keys map onto Config', () => {
    const fromYaml: Record<string, keyof Config | 'meta'> = {
      rules: 'rules',
      horizon: 'horizon',
      collision: 'collisionWindow',
      density: 'density',
      silence: 'silence',
      freshness: 'freshness',
      period: 'period',
      scoring: 'scoring',
      channels: 'channels',
      aliases: 'aliases',
      ignore: 'ignore',
      waivers: 'waivers',
      sources: 'sources',
      locale: 'locale',
      events: 'events',
      asOf: 'asOf',
      lang: 'lang',
      meta: 'meta',
    };
    expect(keysAt(config, [])).toEqual(Object.keys(fromYaml).sort());
    const configured: Record<Exclude<keyof Config, 'file' | 'waiversFile'>, true> = {
      rules: true,
      horizon: true,
      collisionWindow: true,
      density: true,
      silence: true,
      freshness: true,
      period: true,
      scoring: true,
      channels: true,
      aliases: true,
      ignore: true,
      waivers: true,
      sources: true,
      locale: true,
      events: true,
      asOf: true,
      lang: true,
    };
    expect(
      Object.values(fromYaml)
        .filter((key) => key !== 'meta')
        .sort(),
    ).toEqual(Object.keys(configured).sort());
  });

  it('report, finding, location and touchpoint score', () => {
    const top: Record<keyof AuditReport, true> = {
      version: true,
      tool: true,
      command: true,
      asOf: true,
      period: true,
      inventory: true,
      metrics: true,
      checked: true,
      summary: true,
      findings: true,
      scores: true,
      actions: true,
      actionsByOwner: true,
      timeline: true,
      baseline: true,
      observed: true,
      comparison: true,
    };
    expect(keysAt(report, [])).toEqual(Object.keys(top).sort());
    const finding: Record<keyof Finding, true> = {
      rule: true,
      severity: true,
      message: true,
      messageId: true,
      data: true,
      touchpoint: true,
      related: true,
      location: true,
      field: true,
      waived: true,
      baselined: true,
    };
    expect(keysAt(report, ['definitions', 'finding'])).toEqual(Object.keys(finding).sort());
    const location: Record<keyof Location, true> = {
      file: true,
      line: true,
      column: true,
      endLine: true,
      endColumn: true,
      path: true,
    };
    expect(keysAt(report, ['definitions', 'location'])).toEqual(Object.keys(location).sort());
    // `texts` is the in-memory form of the labels for human formats: the JSON report leaves it
    // out (test/reporters/json.test.ts), so the schema has no such key.
    const score: Record<Exclude<keyof TouchpointScore, 'texts'>, true> = {
      id: true,
      name: true,
      stage: true,
      channel: true,
      owner: true,
      segments: true,
      sequence: true,
      score: true,
      grade: true,
      provisional: true,
      capped: true,
      level: true,
      nextLevel: true,
      pillars: true,
      pillarPoints: true,
      components: true,
      metric: true,
      findings: true,
      waived: true,
    };
    expect(keysAt(report, ['definitions', 'touchpointScore'])).toEqual(Object.keys(score).sort());
  });
});
