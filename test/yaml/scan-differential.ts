import { expect } from 'vitest';
import { locate, mappingKeys, parseWithYaml, valueAt } from '../../src/yaml/yaml-source.js';
import type { YamlPath, YamlSource } from '../../src/yaml/yaml-source.js';
import { parseYaml } from '../../src/yaml/yaml-source.js';

/** Every path to a value in `data`, including those of keys that do not exist one level down. */
function paths(data: unknown, prefix: YamlPath = [], out: YamlPath[] = []): YamlPath[] {
  out.push(prefix);
  if (Array.isArray(data)) {
    data.forEach((item, i) => paths(item, [...prefix, i], out));
    out.push([...prefix, data.length], [...prefix, 'x']);
  } else if (data !== null && typeof data === 'object') {
    for (const key of Object.keys(data))
      paths((data as Record<string, unknown>)[key], [...prefix, key], out);
    out.push([...prefix, 'missing'], [...prefix, 0]);
  }
  return out;
}

/** Own keys in order, recursively, with their values: what toJS hands over. */
function shape(data: unknown): unknown {
  if (Array.isArray(data)) return data.map(shape);
  if (data !== null && typeof data === 'object') {
    return {
      proto: Object.getPrototypeOf(data) === Object.prototype,
      entries: Object.keys(data).map((key) => [key, shape((data as Record<string, unknown>)[key])]),
    };
  }
  return [typeof data, Object.is(data, -0) ? '-0' : data];
}

/**
 * Whether the scanner read `text`; when it did, asserts that it holds exactly what `yaml`
 * gives: the data (own keys in order), and every position `locate`, `mappingKeys` and
 * `valueAt` report.
 */
export function expectSameAsYaml(text: string): boolean {
  const fast = parseYaml(text, 'f.yaml').source;
  if (fast?.tree === undefined) return false;
  const slow = parseWithYaml(text, 'f.yaml');
  expect(slow.findings).toEqual([]);
  const reference = slow.source as YamlSource;
  expect(shape(fast.data)).toEqual(shape(reference.data));
  for (const path of paths(reference.data)) {
    for (const target of ['key', 'value'] as const) {
      expect([path, locate(fast, path, target)]).toEqual([path, locate(reference, path, target)]);
    }
    expect(mappingKeys(fast, path)).toEqual(mappingKeys(reference, path));
    // yaml's getIn hands collections over as nodes: only scalars are compared.
    const value = valueAt(reference, path);
    if (value === null || typeof value !== 'object') expect(valueAt(fast, path)).toBe(value);
  }
  return true;
}
