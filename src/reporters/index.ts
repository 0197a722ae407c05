import type { ChunkedReporter, Reporter } from './types.js';

/**
 * Every output format, loaded on demand so that start-up pays only for the formats used.
 * Adding a format is one file and one line here.
 */
export const REPORTERS = {
  table: async () => (await import('./table.js')).renderTable,
  json: async () => (await import('./json.js')).renderJsonChunks,
  csv: async () => (await import('./csv.js')).csvReporter,
  markdown: async () => (await import('./markdown.js')).markdownReporter,
  html: async () => (await import('./html.js')).htmlReporter,
  sarif: async () => (await import('./sarif.js')).sarifChunks,
  junit: async () => (await import('./junit.js')).junitReporter,
  github: async () => (await import('./github.js')).githubReporter,
} satisfies Record<string, () => Promise<Reporter | ChunkedReporter>>;

export type FormatName = keyof typeof REPORTERS;

export const FORMAT_NAMES = Object.keys(REPORTERS) as FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(REPORTERS, name);
}

export async function loadReporter(name: FormatName): Promise<Reporter | ChunkedReporter> {
  return REPORTERS[name]();
}
