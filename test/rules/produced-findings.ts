import path from 'node:path';
import type { Rule } from '../../src/rules/rule.js';

const RULE_TESTS = import.meta.dirname;

/**
 * The rule ids whose findings the current test file has produced. Each test file runs in its
 * own module graph, so this set belongs to one file; `test/setup/rule-file-check.ts` reads it
 * after a rule's own test file (test/rules/<family>/<name>.test.ts) to make sure that file
 * really made its rule report something, not just mentioned its id.
 */
const produced = new Set<string>();

/** Records what running `rule` reported (the harnesses call this); returns `reports`. */
export function recordReports<T>(rule: Pick<Rule, 'meta'>, reports: readonly T[]): readonly T[] {
  if (reports.length > 0) produced.add(rule.meta.id);
  return reports;
}

/**
 * Records findings made outside a rule harness (by the loaders, the CSV reader, the policy
 * step): every finding's `rule` counts. Returns `findings`, so a test can wrap the value it
 * asserts on: `expect(recordFindings(result.findings)).toEqual([...])`.
 */
export function recordFindings<T extends { readonly rule: string }>(
  findings: readonly T[],
): readonly T[] {
  for (const finding of findings) produced.add(finding.rule);
  return findings;
}

export function producedRuleIds(): ReadonlySet<string> {
  return produced;
}

/** The rule whose own test file `file` is (test/rules/<family>/<name>.test.ts), if any. */
export function ruleOfTestFile(file: string): string | undefined {
  const parts = path.relative(RULE_TESTS, file).split(path.sep);
  if (parts.length !== 2 || parts[0] === '..') return undefined;
  const [family = '', name = ''] = parts;
  return name.endsWith('.test.ts') ? `${family}/${name.slice(0, -'.test.ts'.length)}` : undefined;
}

/** Why a rule's own test file that ran in full falls short, or undefined when it does not. */
export function ruleFileProblem(file: string, produced: ReadonlySet<string>): string | undefined {
  const id = ruleOfTestFile(file);
  if (id === undefined || produced.has(id)) return undefined;
  return `test/rules/${id}.test.ts ran, but none of its tests made rule ${id} report a finding: run the rule through a harness (runRule) or wrap the findings in recordFindings()`;
}
