import { describe, expect, it } from 'vitest';

import { executiveSummary, scopeText } from '../../src/reporters/executive-summary.js';
import { htmlReporter } from '../../src/reporters/html.js';
import { markdownReporter } from '../../src/reporters/markdown.js';
import { reportNames } from '../../src/reporters/names.js';
import { renderTable } from '../../src/reporters/table.js';
import { fixtureContext, fixtureReport } from '../fixtures/reporters/report.js';

describe('executive summary', () => {
  it('leads with the ranked actions; a validation (no scores) has none', () => {
    const summary = executiveSummary(fixtureReport, 2);
    expect(summary?.actions.map((a) => [a.rank, a.points, a.touchpoint])).toEqual([
      [1, 4.2, 'renewal-reminder'],
      [2, 2.5, 'qbr'],
    ]);
    expect(summary?.moreActions).toBe(1);
    expect(summary?.morePoints).toBe(0);
    expect(
      executiveSummary({ ...fixtureReport, command: 'validate', scores: undefined }),
    ).toBeUndefined();
  });

  it('states the scope: every stage, or the stages in scope', () => {
    expect(scopeText(fixtureReport)).toBe('10 stages, 2 segments (enterprise, smb)');
    const scoped = {
      ...fixtureReport,
      inventory: { ...fixtureReport.inventory, scope: ['onboarding', 'renewal', 'nope'] },
    };
    expect(scopeText(scoped)).toBe(
      '2 of 10 stages in scope (onboarding and renewal), 2 segments (enterprise, smb)',
    );
  });

  it('names touchpoints and owners from the scores, the actions and the roster', () => {
    const names = reportNames(fixtureReport);
    expect(names.touchpoint('qbr')).toEqual({ id: 'qbr', name: 'Quarterly business review' });
    expect(names.touchpoint('promo-sms')).toEqual({ id: 'promo-sms' });
    expect(names.owner('cs')).toEqual({
      id: 'cs',
      name: 'Customer Success',
      contact: 'cs-lead@acme.example',
    });
    expect(names.owner('marketing-ops')).toEqual({
      id: 'marketing-ops',
      name: 'Marketing Operations',
    });
    expect(names.owner('TBD')).toEqual({ id: 'TBD' });
  });

  it('table: summary, top actions and owners come before the findings, by severity, then scores', () => {
    const lines = renderTable(fixtureReport, fixtureContext).split('\n');
    const headings = [
      'Top actions (points each fix recovers for the inventory score)',
      'By owner',
      'Errors (5)',
      'Warnings (5)',
      'Info (1)',
      'Waived or in the baseline (2)',
      'Scores by stage',
      'Scores by owner',
    ];
    expect(lines.filter((l) => headings.includes(l))).toEqual(headings);
    expect(lines.slice(0, 5)).toContain('Scope: 10 stages, 2 segments (enterprise, smb)');
    const start = lines.indexOf('Top actions (points each fix recovers for the inventory score)');
    expect(lines.slice(start + 1, start + 5)).toEqual([
      '   1.   +4.2  =Renewal reminder (T-5) (renewal-reminder) · (unowned)',
      '              error Touchpoint "renewal-reminder" has no owner',
      '              Fix: Add an owner from the `owners:` roster.',
      '   2.   +2.5  Quarterly business review (qbr) · Customer Success (cs) <cs-lead@acme.example>',
    ]);
    expect(lines).toContain(
      '  Customer Success (cs): 1 action, +2.5 points · cs-lead@acme.example',
    );
    expect(lines).toContain(
      '│ Customer Success (cs)                │  81.5 │   B   │           2 │',
    );
  });

  it('html: the summary states the as-of date and scope, and the actions name people', () => {
    const html = htmlReporter(fixtureReport, fixtureContext);
    expect(html).toContain(
      '<div><dt>As of</dt><dd>2026-10-30</dd></div><div><dt>Scope</dt><dd>10 stages, 2 segments (enterprise, smb)</dd></div>',
    );
    expect(html).toContain(
      '<td data-label="Touchpoint">Quarterly business review <span class="id">(<code>qbr</code>)</span></td><td data-label="Owner">Customer Success <span class="id">(<code>cs</code>)</span><span class="contact">cs-lead@acme.example</span></td>',
    );
    expect(html.indexOf('id="actions"')).toBeLessThan(html.indexOf('id="heatmap"'));
  });

  it('markdown: the top actions table and what each owner has to do', () => {
    const md = markdownReporter(fixtureReport, fixtureContext);
    expect(md).toContain(
      '| 2 | +2.5 | Quarterly business review (`qbr`) | Customer Success (`cs`)<br>cs-lead@acme.example | warning: attendance_rate of "qbr" is 0.62, target >= 0.9 (+1 more) | Improve the touchpoint (content, timing, channel), or revisit the target. |',
    );
    expect(md).toContain(
      '- `(unowned)`: 2 actions, +4.2 points\n- Customer Success (`cs`): 1 action, +2.5 points · cs-lead@acme.example\n',
    );
  });
});
