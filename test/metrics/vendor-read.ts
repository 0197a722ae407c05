import { expect } from 'vitest';
import { defaultConfig, type Config, type MetricSource } from '../../src/config/config.js';
import { metricPeriodOrThrow } from '../../src/metrics/period.js';
import { readMetrics } from '../../src/metrics/read-metrics.js';
import type { MetricsResult } from '../../src/metrics/types.js';
import type { Inventory } from '../../src/types.js';
import { metricFindings } from './metric-findings.js';

export const DIR = 'test/fixtures/metrics/vendor';

export async function read(
  file: string,
  source?: Omit<MetricSource, 'match'>,
  extra: Partial<Config> = {},
  inventory?: Inventory,
): Promise<MetricsResult> {
  const config: Config = {
    ...defaultConfig(),
    ...extra,
    sources: source === undefined ? [] : [{ match: file, ...source }],
  };
  // Every row of these fixtures is inside the period: the values are plain means of the file.
  const period = metricPeriodOrThrow({ days: 90, since: '2000-01-01', asOf: '2030-12-31' });
  return readMetrics([`${DIR}/${file}`], { config, period, ...(inventory ? { inventory } : {}) });
}

export const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
export const ratio = (num: number[], den: number[]) =>
  num.reduce((s, v) => s + v, 0) / den.reduce((s, v) => s + v, 0);

export function only(result: MetricsResult) {
  expect(result.values.size).toBe(1);
  const [value] = result.values.values();
  return { value: value?.value, rows: value?.rows, latest: value?.latestDate };
}

export function findings(result: MetricsResult, config?: Config) {
  return metricFindings(result, config).map((f) => [f.rule, f.location.line, f.message]);
}
