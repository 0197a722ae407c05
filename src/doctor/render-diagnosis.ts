import { wrapText } from '../text/wrap-text.js';
import type { Diagnosis, FileSearch } from './diagnose.js';

export const DOCTOR_FORMATS = ['text', 'json'] as const;
export type DoctorFormat = (typeof DOCTOR_FORMATS)[number];

const LABEL_WIDTH = 14;

/**
 * One labelled entry: the first line beside the label, the rest indented under it, each
 * wrapped to `width` columns (two columns further in where a line goes on).
 */
function entry(label: string, lines: readonly string[], width: number): string[] {
  const [first = '', ...rest] = lines.flatMap((line) => wrapText(line, width, LABEL_WIDTH, 2));
  return [`${`${label}:`.padEnd(LABEL_WIDTH)}${first.slice(LABEL_WIDTH)}`, ...rest];
}

function files(found: FileSearch, none: string, defaultNote: string): string[] {
  if (found.problem !== undefined) return found.problem.split('\n');
  if (found.files.length === 0) return [none];
  return [...found.files, ...(found.defaulted ? [`(${defaultNote})`] : [])];
}

function configLines(config: Diagnosis['config']): string[] {
  if (config.file === null)
    return ['none (built-in defaults; none found upward from the inventory)'];
  const how = config.via === 'option' ? 'from -c' : 'found upward from the inventory';
  const head = `${config.file} (${how})`;
  if (config.problem !== undefined)
    return [`${head}: cannot be used`, ...config.problem.split('\n')];
  const details = [
    config.locale !== undefined ? `locale: ${config.locale}` : 'locale: not set',
    ...(config.waivers !== undefined ? [`waivers: ${config.waivers}`] : []),
  ];
  return [head, details.join('; ')];
}

function chromiumLines(chromium: Diagnosis['chromium']): string[] {
  return chromium.found
    ? [`${chromium.path} (from ${chromium.via}; drives the HTML report's browser test)`]
    : [`not found (searched ${chromium.searched}); only the HTML report's browser test needs it`];
}

/** `touchpoint doctor` as lines a user pastes into a bug report. */
function renderText(d: Diagnosis, width: number): string {
  const env = Object.entries(d.env).map(([name, value]) => `${name}=${value}`);
  return `${[
    `${d.tool.name} ${d.tool.version} (Node ${d.runtime.node})`,
    ...entry('platform', [`${d.runtime.platform} ${d.runtime.arch} (${d.runtime.os})`], width),
    ...entry('directory', [d.cwd], width),
    ...entry('config', configLines(d.config), width),
    ...entry(
      'inventories',
      files(d.inventories, 'none', 'default: touchpoints.yaml in the current directory'),
      width,
    ),
    ...entry(
      'metrics',
      files(
        d.metrics,
        'none (no -m, and no metrics/ beside the inventory)',
        'default: metrics/ beside the inventory',
      ),
      width,
    ),
    ...entry('events', files(d.events, 'none (--events not given)', ''), width),
    ...entry('chromium', chromiumLines(d.chromium), width),
    ...entry('locale', [`${d.locale.intl}, time zone ${d.locale.timeZone}`], width),
    ...entry(
      'environment',
      env.length > 0 ? env : ['none of the variables the tool reads is set'],
      width,
    ),
  ].join('\n')}\n`;
}

/** The diagnosis as JSON, or as text wrapped to `width` columns (default 100). */
export function renderDiagnosis(diagnosis: Diagnosis, format: DoctorFormat, width = 100): string {
  return format === 'json'
    ? `${JSON.stringify(diagnosis, null, 2)}\n`
    : renderText(diagnosis, width);
}
