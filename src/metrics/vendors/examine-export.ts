import { basename } from 'node:path';
import { sourceYaml } from '../../config/append-source.js';
import type { Config, MetricSource } from '../../config/config.js';
import type { ExaminedValue, ExportExamination } from '../../report.js';
import type { Inventory } from '../../types.js';
import { matchingSources } from '../detect-format.js';
import { mapsColumns } from '../mapping/compile.js';
import type { MetricPeriod } from '../period.js';
import { isFileProblem } from '../problems.js';
import { readMetrics } from '../read-metrics.js';
import type { MetricsResult, MetricValue } from '../types.js';
import { suggestSource, vendorProfile, type TouchpointHint } from './recognise-vendor.js';

export interface ExamineOptions {
  config: Config;
  inventory?: Inventory;
  period?: MetricPeriod;
}

function hints(inventory: Inventory | undefined): TouchpointHint[] {
  return (inventory?.touchpoints ?? []).map((tp) => ({
    id: tp.id,
    ...(tp.channel === undefined ? {} : { channel: tp.channel }),
    ...(tp.metric === undefined ? {} : { metric: { name: tp.metric.name } }),
  }));
}

/** Numbers for machines: exact, without binary float noise (12 significant digits). */
function exact(value: number | undefined): number | null {
  return value === undefined ? null : Number(value.toPrecision(12));
}

function examinedValue(value: MetricValue): ExaminedValue {
  const examined: ExaminedValue = {
    touchpoint: value.touchpoint,
    metric: value.metric,
    value: exact(value.value),
    rows: value.rows,
  };
  if (value.latestDate !== undefined) examined.latestDate = value.latestDate;
  if (value.segments !== undefined)
    examined.segments = Object.fromEntries(
      Object.entries(value.segments).map(([name, s]) => [
        name,
        { value: exact(s.value), rows: s.rows },
      ]),
    );
  return examined;
}

function read(result: MetricsResult): Pick<ExportExamination, 'description' | 'values'> {
  const [description] = result.descriptions;
  return {
    ...(description === undefined ? {} : { description }),
    values: [...result.values.values()].map(examinedValue),
  };
}

/**
 * Reads one export as an audit would; when it is a vendor export no `sources:` entry maps,
 * builds the entry its profile suggests and reads the file again with it, so the values shown
 * are the values the pasted entry gives.
 */
export async function examineExport(
  file: string,
  options: ExamineOptions,
): Promise<ExportExamination> {
  const { config } = options;
  const readWith = (withConfig: Config): Promise<MetricsResult> =>
    readMetrics([file], {
      config: withConfig,
      ...(options.inventory === undefined ? {} : { inventory: options.inventory }),
      ...(options.period === undefined ? {} : { period: options.period }),
    });
  const first = await readWith(config);
  const vendor = first.problems.find((problem) => problem.kind === 'vendor-export');
  const profile = vendor === undefined ? undefined : vendorProfile(vendor.vendor);
  if (vendor === undefined || profile === undefined) {
    const mapped = matchingSources(basename(file), config.sources).some(mapsColumns);
    const unread = first.problems.some(isFileProblem);
    return { file, status: mapped ? 'mapped' : unread ? 'unknown' : 'table', ...read(first) };
  }
  const suggestion = suggestSource(
    profile,
    vendor.header,
    basename(file),
    hints(options.inventory),
    vendor.section,
  );
  const entry: MetricSource = { ...suggestion };
  const second = await readWith({ ...config, sources: [entry, ...config.sources] });
  return {
    file,
    status: 'vendor',
    vendor: { id: profile.id, name: profile.name },
    suggestion: { ...suggestion },
    yaml: sourceYaml(suggestion, 'block'),
    ...read(second),
  };
}
