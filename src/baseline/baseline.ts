import type { ErrorWording, InputError } from '../errors.js';
import { inputError, wording } from '../i18n/worded-error.js';
import type { StaleBaselineEntry } from '../report.js';
import type { Finding } from '../types.js';
import { compareText } from '../shared/compare-text.js';
import { fingerprint } from './fingerprint.js';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  fingerprint: string;
  rule: string;
  touchpoint?: string;
  field?: string;
  related?: string[];
}

/** The `--write-baseline` file: the findings a project has accepted for now. */
export interface BaselineFile {
  version: typeof BASELINE_VERSION;
  tool: 'touchpoint-audit';
  entries: BaselineEntry[];
}

/** An absent field sorts as the empty text, before any present one. */
function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  return (
    compareText(a.rule, b.rule) ||
    compareText(a.touchpoint ?? '', b.touchpoint ?? '') ||
    compareText(a.field ?? '', b.field ?? '') ||
    compareText(a.related?.join(',') ?? '', b.related?.join(',') ?? '') ||
    compareText(a.fingerprint, b.fingerprint)
  );
}

function entryFor(finding: Finding): BaselineEntry {
  const entry: BaselineEntry = { fingerprint: fingerprint(finding), rule: finding.rule };
  if (finding.touchpoint !== undefined) entry.touchpoint = finding.touchpoint;
  if (finding.field !== undefined) entry.field = finding.field;
  if (finding.related !== undefined && finding.related.length > 0) {
    entry.related = [...finding.related].sort();
  }
  return entry;
}

/**
 * A baseline of the given findings, sorted so the same findings always give the same file.
 * Waived findings are left out: they do not fail the gate today, and when their waiver
 * expires they should. A finding that occurs N times gives N entries.
 */
export function createBaseline(findings: readonly Finding[]): BaselineFile {
  const entries = findings.filter((f) => f.waived === undefined).map(entryFor);
  entries.sort(compareEntries);
  return { version: BASELINE_VERSION, tool: 'touchpoint-audit', entries };
}

/** The baseline as the text written by `--write-baseline` (two-space JSON, final newline). */
export function serializeBaseline(baseline: BaselineFile): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(
  entry: Record<string, unknown>,
  key: string,
  fail: (why: ErrorWording) => never,
): string | undefined {
  const value = entry[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') fail(wording('err.baselineString', { key }));
  return value;
}

/** `file: not a valid baseline: why`, one line. */
function invalid(file: string, why: ErrorWording): InputError {
  return inputError('err.baselineInvalid', { file }, { why });
}

function parseEntry(raw: unknown, index: number, file: string): BaselineEntry {
  const fail = (why: ErrorWording): never => {
    throw invalid(file, wording('err.baselineEntry', { index }, { why }));
  };
  if (!isRecord(raw)) return fail(wording('err.baselineMustBeObject'));
  const rule = raw.rule;
  if (typeof rule !== 'string' || rule === '') return fail(wording('err.baselineRule'));
  const entry: BaselineEntry = { fingerprint: '', rule };
  const touchpoint = optionalString(raw, 'touchpoint', fail);
  const field = optionalString(raw, 'field', fail);
  if (touchpoint !== undefined) entry.touchpoint = touchpoint;
  if (field !== undefined) entry.field = field;
  if (raw.related !== undefined) {
    if (!Array.isArray(raw.related) || !raw.related.every((r) => typeof r === 'string')) {
      return fail(wording('err.baselineRelated'));
    }
    entry.related = [...raw.related].sort();
  }
  const given = optionalString(raw, 'fingerprint', fail);
  if (given !== undefined && !/^[0-9a-f]{16}$/.test(given)) {
    return fail(wording('err.baselineFingerprint'));
  }
  // A hand-written entry may leave the fingerprint out; it is derived like a finding's.
  entry.fingerprint = given ?? fingerprint(entry);
  return entry;
}

/**
 * Reads a baseline file. Throws `InputError` (exit 2) with a one-line message when the text
 * is not JSON or not a version-1 baseline.
 */
export function parseBaseline(text: string, file: string): BaselineFile {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw invalid(file, wording('err.baselineJson', { why: why ?? '' }));
  }
  if (!isRecord(data)) {
    throw invalid(file, wording('err.baselineObject'));
  }
  if (data.version !== BASELINE_VERSION) {
    throw invalid(
      file,
      wording('err.baselineVersion', {
        version: data.version === undefined ? 'undefined' : JSON.stringify(data.version),
        expected: BASELINE_VERSION,
      }),
    );
  }
  if (data.tool !== undefined && data.tool !== 'touchpoint-audit') {
    throw invalid(file, wording('err.baselineTool'));
  }
  if (!Array.isArray(data.entries)) {
    throw invalid(file, wording('err.baselineEntries'));
  }
  const entries = data.entries.map((raw: unknown, i) => parseEntry(raw, i, file));
  return { version: BASELINE_VERSION, tool: 'touchpoint-audit', entries };
}

export interface BaselineResult {
  /** The findings in their original order; matched ones carry `baselined: true`. */
  findings: Finding[];
  /** Baseline entries that matched no finding (the problem was fixed): one per unmatched entry. */
  stale: StaleBaselineEntry[];
}

/**
 * Marks the findings the baseline already knows. An entry matches one finding with the same
 * fingerprint, so a fingerprint listed N times covers at most N findings and the (N+1)th is
 * new. The input findings are not mutated.
 */
export function applyBaseline(
  findings: readonly Finding[],
  baseline: BaselineFile,
): BaselineResult {
  const remaining = new Map<string, number>();
  for (const entry of baseline.entries) {
    remaining.set(entry.fingerprint, (remaining.get(entry.fingerprint) ?? 0) + 1);
  }
  const marked = findings.map((finding) => {
    const key = fingerprint(finding);
    const left = remaining.get(key) ?? 0;
    if (left === 0) return finding;
    remaining.set(key, left - 1);
    return { ...finding, baselined: true };
  });
  const stale: StaleBaselineEntry[] = [];
  for (const entry of baseline.entries) {
    const left = remaining.get(entry.fingerprint) ?? 0;
    if (left === 0) continue;
    remaining.set(entry.fingerprint, left - 1);
    const item: StaleBaselineEntry = { fingerprint: entry.fingerprint, rule: entry.rule };
    if (entry.touchpoint !== undefined) item.touchpoint = entry.touchpoint;
    stale.push(item);
  }
  return { findings: marked, stale };
}
