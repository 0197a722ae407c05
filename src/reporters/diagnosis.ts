import { ENGLISH } from '../i18n/locale.js';
import type { Locale } from '../i18n/locale.js';
import type { UiKey } from '../i18n/ui-en.js';
import type { Diagnosis, FileSearch } from '../report.js';
import { wrapText } from '../text/wrap-text.js';

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

/** The words of one file search: what it says when nothing is found, and of a default. */
interface SearchWords {
  none: UiKey;
  defaulted?: UiKey;
}

function files(found: FileSearch, words: SearchWords, l: Locale): string[] {
  if (found.problem !== undefined) return found.problem.split('\n');
  if (found.files.length === 0) return [l.text(words.none)];
  const note =
    found.defaulted && words.defaulted !== undefined ? [`(${l.text(words.defaulted)})`] : [];
  return [...found.files, ...note];
}

function configLines(config: Diagnosis['config'], l: Locale): string[] {
  if (config.file === null) return [l.text('doctor.configNone')];
  const head = l.text(config.via === 'option' ? 'doctor.configGiven' : 'doctor.configFound', {
    file: config.file,
  });
  if (config.problem !== undefined)
    return [l.text('doctor.configUnusable', { head }), ...config.problem.split('\n')];
  const details = [
    config.locale !== undefined
      ? l.text('doctor.configLocale', { locale: config.locale })
      : l.text('doctor.configNoLocale'),
    ...(config.waivers !== undefined
      ? [l.text('doctor.configWaivers', { file: config.waivers })]
      : []),
  ];
  return [head, details.join('; ')];
}

function chromiumLines(chromium: Diagnosis['chromium'], l: Locale): string[] {
  if (chromium.found)
    return [l.text('doctor.chromiumFound', { path: chromium.path, via: chromium.via })];
  const searched =
    chromium.via === 'CHROMIUM_PATH'
      ? l.text('doctor.searchedPath', { path: chromium.tried.join(', ') })
      : l.text('doctor.searchedNames', { names: chromium.tried.join(', ') });
  return [l.text('doctor.chromiumMissing', { searched })];
}

/** `touchpoint doctor` as lines a user pastes into a bug report. */
function renderText(d: Diagnosis, width: number, l: Locale): string {
  const env = Object.entries(d.env).map(([name, value]) => `${name}=${value}`);
  const label = (key: UiKey) => l.text(key);
  return `${[
    `${d.tool.name} ${d.tool.version} (Node ${d.runtime.node})`,
    ...entry(
      label('doctor.platform'),
      [`${d.runtime.platform} ${d.runtime.arch} (${d.runtime.os})`],
      width,
    ),
    ...entry(label('doctor.directory'), [d.cwd], width),
    ...entry(label('doctor.config'), configLines(d.config, l), width),
    ...entry(
      label('doctor.inventories'),
      files(d.inventories, { none: 'doctor.none', defaulted: 'doctor.inventoriesDefault' }, l),
      width,
    ),
    ...entry(
      label('doctor.metrics'),
      files(d.metrics, { none: 'doctor.metricsNone', defaulted: 'doctor.metricsDefault' }, l),
      width,
    ),
    ...entry(label('doctor.events'), files(d.events, { none: 'doctor.eventsNone' }, l), width),
    ...entry(label('doctor.chromium'), chromiumLines(d.chromium, l), width),
    ...entry(
      label('doctor.locale'),
      [l.text('doctor.localeLine', { intl: d.locale.intl, timeZone: d.locale.timeZone })],
      width,
    ),
    ...entry(label('doctor.environment'), env.length > 0 ? env : [l.text('doctor.envNone')], width),
  ].join('\n')}\n`;
}

/**
 * The diagnosis as JSON (English, for scripts), or as text in the locale's language wrapped to
 * `width` columns (default 100).
 */
export function renderDiagnosis(
  diagnosis: Diagnosis,
  format: DoctorFormat,
  width = 100,
  locale: Locale = ENGLISH,
): string {
  return format === 'json'
    ? `${JSON.stringify(diagnosis, null, 2)}\n`
    : renderText(diagnosis, width, locale);
}
