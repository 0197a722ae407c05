import { describe, expect, it } from 'vitest';

import type { AuditReport } from '../../src/report.js';
import {
  escapeData,
  escapeProperty,
  githubReporter,
  renderGithubSummary,
} from '../../src/reporters/github.js';
import type { Finding, Severity } from '../../src/types.js';
import { fixtureContext, fixtureReport } from '../fixtures/reporters/report.js';
import { expectGolden } from './golden.js';

function many(severity: Severity, n: number): Finding[] {
  return Array.from({ length: n }, (_, i) => ({
    rule: 'gap/no-data',
    severity,
    message: `${severity} ${i + 1}`,
    messageId: 'x',
    data: {},
    touchpoint: `tp-${i + 1}`,
    location: { file: 'touchpoints.yaml', line: i + 1, column: 3 },
  }));
}

function withFindings(findings: Finding[]): AuditReport {
  return { ...fixtureReport, findings, baseline: undefined };
}

describe('github reporter', () => {
  it('matches the golden file', () => {
    const text = githubReporter(fixtureReport, fixtureContext);
    expect(githubReporter(fixtureReport, fixtureContext)).toBe(text);
    expectGolden('github.txt', text);
  });

  it('escapes data and properties exactly like @actions/core', () => {
    expect(escapeData('100% done:\r\nnext, then')).toBe('100%25 done:%0D%0Anext, then');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });

  it('puts col and endColumn only on single-line ranges and annotates active findings only', () => {
    const lines = githubReporter(fixtureReport, fixtureContext).trimEnd().split('\n');
    expect(lines).toContain(
      '::error file=touchpoints.yaml,line=75,endLine=75,col=12,endColumn=15,title=ownerless/placeholder-owner (nps-survey)::Owner "TBD" of "nps-survey" is a placeholder',
    );
    expect(lines).toContain(
      '::warning file=touchpoints.yaml,line=40,endLine=52,title=overlap/collision (qbr)::qbr and renewal-reminder both land on day 360 for segment enterprise',
    );
    // CRLF in user text is one line break, like LF
    expect(lines).toContain(
      '::error file=touchpoints.yaml,line=90,endLine=91,title=schema/vague-purpose (upsell-webinar)::Purpose "TBD: 100%25, soon" is not a sentence:%0Awrite what the touchpoint achieves%0Afor the customer',
    );
    expect(lines).toContain(
      '::notice file=touchpoints.yaml,line=88,endLine=88,col=5,title=gap/no-data (upsell-webinar)::No rows for metric "registrations" of "upsell-webinar" in the exports',
    );
    expect(lines).toContain(
      '::error file=metrics/hubspot #2.csv,line=3,endLine=3,col=1,title=gap/undocumented-touchpoint (promo-sms)::Touchpoint "promo-sms" appears in 38 metric rows but not in the inventory',
    );
    // waived overlap/density and baselined metrics/bad-row are not annotated
    expect(lines.some((l) => l.includes('overlap/density'))).toBe(false);
    expect(lines.some((l) => l.includes('metrics/bad-row'))).toBe(false);
    expect(lines).toHaveLength(11);
  });

  it('prints nothing when there is nothing to act on', () => {
    expect(githubReporter(withFindings([]), fixtureContext)).toBe('');
  });

  it('emits exactly 10 annotations per type and no notice at the limit', () => {
    const text = githubReporter(
      withFindings([...many('error', 10), ...many('warning', 10), ...many('info', 10)]),
      fixtureContext,
    );
    const lines = text.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(10);
    expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(10);
    expect(lines.filter((l) => l.startsWith('::notice '))).toHaveLength(10);
    expect(lines).toHaveLength(30);
  });

  it('caps each type and says how many were left out, listing them in a group', () => {
    const text = githubReporter(
      withFindings([...many('error', 13), ...many('warning', 4), ...many('info', 12)]),
      fixtureContext,
    );
    const lines = text.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(10);
    expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(4);
    // 9 finding notices + 1 notice about what was left out = GitHub's 10
    expect(lines.filter((l) => l.startsWith('::notice '))).toHaveLength(10);
    expect(lines.slice(23)).toEqual([
      '::notice title=touchpoint-audit::6 findings not annotated (3 error, 3 notice): GitHub shows at most 10 annotations of each type per step. The full list is in this log and in the job summary.',
      '::group::Findings not annotated (6)',
      '- touchpoints.yaml:11:3 error error 11 [gap/no-data]',
      '- touchpoints.yaml:12:3 error error 12 [gap/no-data]',
      '- touchpoints.yaml:13:3 error error 13 [gap/no-data]',
      '- touchpoints.yaml:10:3 info info 10 [gap/no-data]',
      '- touchpoints.yaml:11:3 info info 11 [gap/no-data]',
      '- touchpoints.yaml:12:3 info info 12 [gap/no-data]',
      '::endgroup::',
    ]);
  });
});

describe('renderGithubSummary', () => {
  it('matches the golden file', () => {
    expectGolden('github-summary.md', renderGithubSummary(fixtureReport, fixtureContext));
  });

  it('caps the findings table at 100 rows', () => {
    const text = renderGithubSummary(withFindings(many('warning', 130)), fixtureContext);
    expect(text.split('\n').filter((l) => l.startsWith('| warning |'))).toHaveLength(100);
    expect(text).toContain('… and 30 more (see the full report).');
  });
});
