import { parseConfigText } from '../../src/config/load-config.js';
import { metricPeriodOrThrow } from '../../src/metrics/period.js';
import { readMetrics } from '../../src/metrics/read-metrics.js';
import type { MetricsResult } from '../../src/metrics/types.js';

/** Reads metric files with a config given as YAML text, as of 2026-04-30 over 180 days. */
export async function readWithConfig(files: string[], yaml: string): Promise<MetricsResult> {
  const config = parseConfigText(
    `period: 180d\nasOf: 2026-04-30\n${yaml}`,
    'touchpoint.config.yaml',
  );
  return readMetrics(files, {
    config,
    period: metricPeriodOrThrow({ days: config.period, asOf: config.asOf }),
  });
}
