import { compareText } from '../shared/compare-text.js';
import type { Config, Waiver } from '../config/config.js';
import type { Finding, Severity } from '../types.js';
import { compileGlobs } from '../text/glob.js';
import type { GlobMatcher } from '../text/glob.js';
import { messageTemplate, renderFinding, renderMessage } from './message.js';
import type { Report, Rule, RuleInput } from './rule.js';
import waiverExpired, { expiredWaiverReport } from './waiver/expired.js';

/** Compiled once per pattern: a waiver is checked against every finding. */
const compiled = new Map<string, GlobMatcher>();
function glob(pattern: string): GlobMatcher {
  let matcher = compiled.get(pattern);
  if (!matcher) {
    matcher = compileGlobs(pattern);
    compiled.set(pattern, matcher);
  }
  return matcher;
}

export type { RuleInput };

/** The finding a rule's report makes: the rule id, the severity, the rendered message. */
function findingOf(meta: Rule['meta'], severity: Severity, report: Report<object>): Finding {
  // Neither copied: a rule builds its data and related ids for the one report (the move search
  // later adds `suggestion` and `search` to a timeline finding's own data); and a rule points
  // at where its touchpoint was read (`touchpointLocation`), which findings share and nothing
  // changes. 100,000 findings need no 100,000 copies of them.
  const data = report.data as Record<string, unknown>;
  const { messageId, location, touchpoint, related, field } = report;
  const message = renderMessage(
    messageTemplate(meta.id, meta.messages, messageId),
    data,
    meta.messages,
  );
  // The usual finding about a touchpoint's field made whole at once: keys added one by one
  // move past the object's own slots into a second block, one more object per finding.
  if (
    touchpoint !== undefined &&
    related !== undefined &&
    related.length > 0 &&
    field !== undefined
  )
    return {
      rule: meta.id,
      severity,
      message,
      messageId,
      data,
      location,
      touchpoint,
      related,
      field,
    };
  const finding: Finding = { rule: meta.id, severity, message, messageId, data, location };
  if (touchpoint !== undefined) finding.touchpoint = touchpoint;
  if (related !== undefined && related.length > 0) finding.related = related;
  if (field !== undefined) finding.field = field;
  return finding;
}

/**
 * A timeline finding that involves calendar touches says they were placed at their worst-case
 * alignment (`data.calendar`, and the rule's `calendarNote` after its message): a rule opts in
 * by having that message. The lanes are the finding's `data.segments`.
 */
function withCalendarNote(finding: Finding, meta: Rule['meta'], input: RuleInput): Finding {
  const placed = input.timeline?.calendar;
  if (placed === undefined || !Object.hasOwn(meta.messages, CALENDAR_NOTE)) return finding;
  const lanes = Array.isArray(finding.data.segments) ? finding.data.segments.map(String) : [];
  const involved = [finding.touchpoint, ...(finding.related ?? [])];
  const calendar = [
    ...new Set(
      involved.filter(
        (id): id is string =>
          id !== undefined && lanes.some((lane) => placed.get(lane)?.has(id) === true),
      ),
    ),
  ].sort(compareText);
  if (calendar.length === 0) return finding;
  finding.data = { ...finding.data, calendar };
  const note = renderFinding({ ...finding, messageId: CALENDAR_NOTE }, meta.messages);
  finding.message = `${finding.message} (${note})`;
  return finding;
}

/** The message a timeline rule adds when a calendar touch is involved. */
const CALENDAR_NOTE = 'calendarNote';

/** Runs the rules of the given phases and returns their findings at default severity. */
export function runRules(
  rules: readonly Rule[],
  input: RuleInput,
  phases: readonly Rule['phase'][],
): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (!rule.check || !phases.includes(rule.phase)) continue;
    if (input.config.rules[rule.meta.id] === 'off') continue;
    const { meta } = rule;
    rule.check({
      ...input,
      report(report) {
        findings.push(withCalendarNote(findingOf(meta, meta.defaultSeverity, report), meta, input));
      },
    });
  }
  return findings;
}

function waiverApplies(waiver: Waiver, finding: Finding): boolean {
  if (!glob(waiver.rule)(finding.rule)) return false;
  if (waiver.touchpoint === undefined) return true;
  return finding.touchpoint !== undefined && glob(waiver.touchpoint)(finding.touchpoint);
}

export const compareFindings = (a: Finding, b: Finding): number =>
  compareText(a.location.file, b.location.file) ||
  a.location.line - b.location.line ||
  a.location.column - b.location.column ||
  compareText(a.rule, b.rule) ||
  compareText(a.message, b.message);

export interface PolicyOptions {
  config: Config;
  /** ISO date the waivers' expiry is judged against. */
  asOf: string;
}

/**
 * Applies the configuration to raw findings: severities per rule (`off` drops a rule) and
 * waivers (an expired waiver stops applying
 * and is reported). Returns the findings sorted by file, line, column and rule.
 */
export function applyPolicy(findings: readonly Finding[], options: PolicyOptions): Finding[] {
  const { config, asOf } = options;
  const out: Finding[] = [];
  const expiredReported = new Set<Waiver>();
  for (const raw of findings) {
    const setting = config.rules[raw.rule];
    if (setting === 'off') continue;
    // One key order for every finding, wherever it was made: the JSON report reads the same.
    const { rule, severity, message, messageId, data, ...rest } = raw;
    const finding: Finding = {
      rule,
      severity: setting ?? severity,
      message,
      messageId,
      data,
      ...rest,
    };
    for (const waiver of config.waivers) {
      if (!waiverApplies(waiver, finding)) continue;
      if (waiver.expires !== undefined && waiver.expires < asOf) {
        const { meta } = waiverExpired;
        const expiredSetting = config.rules[meta.id];
        if (!expiredReported.has(waiver) && expiredSetting !== 'off') {
          expiredReported.add(waiver);
          out.push(
            findingOf(
              meta,
              expiredSetting ?? meta.defaultSeverity,
              expiredWaiverReport({ ...waiver, expires: waiver.expires }, config.file),
            ),
          );
        }
        continue;
      }
      finding.waived =
        waiver.expires === undefined
          ? { reason: waiver.reason }
          : { reason: waiver.reason, expires: waiver.expires };
      break;
    }
    out.push(finding);
  }
  return out.sort(compareFindings);
}
