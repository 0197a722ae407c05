import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';

import type { AuditReport } from '../../src/report.js';
import { htmlReporter, scoreColour } from '../../src/reporters/html.js';
import { escapeHtml } from '../../src/reporters/html-escape.js';
import { fixtureContext, fixtureReport } from '../fixtures/reporters/report.js';
import { expectGolden } from './golden.js';

const html = htmlReporter(fixtureReport, fixtureContext);

describe('html reporter', () => {
  it('matches the golden file and is byte-identical across runs', () => {
    expect(htmlReporter(fixtureReport, fixtureContext)).toBe(html);
    expectGolden('html', html);
  });

  it('references nothing outside the file', () => {
    expect(html).not.toMatch(/https?:/i);
    expect(html).not.toMatch(/\s(src|href|srcset|action|poster|data)=/i);
    expect(html).not.toMatch(/url\(|@import/i);
    expect(html).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-[A-Za-z0-9+/]{43}='; img-src data:; base-uri 'none'; form-action 'none'">/,
    );
  });

  it('allows only its own inline script, by the SHA-256 of the exact script text', () => {
    const policy = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
    const scriptSrc = policy.split('; ').find((d) => d.startsWith('script-src ')) ?? '';
    expect(scriptSrc).not.toContain('unsafe');
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
    expect(scripts).toHaveLength(1);
    const hash = createHash('sha256')
      .update(scripts[0] ?? '', 'utf8')
      .digest('base64');
    expect(scriptSrc).toBe(`script-src 'sha256-${hash}'`);
  });

  it('escapes every user string', () => {
    expect(html).not.toContain('<b>Pro</b>');
    expect(html).toContain('Upsell webinar | &lt;b&gt;Pro&lt;/b&gt; &amp; &quot;Team&quot;');
    const hostile: AuditReport = {
      ...fixtureReport,
      inventory: { ...fixtureReport.inventory, name: '</title><script>alert(1)</script>' },
    };
    const out = htmlReporter(hostile, fixtureContext);
    expect(out).toContain(
      '<title>Touchpoint audit: &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>',
    );
    expect(out.match(/<script>/g)).toHaveLength(1);
  });

  it('shows the score, the heatmap, the journey map with marks, and the sortable tables', () => {
    expect(html).toContain(
      '<div class="score-card grade-F" id="score"><div class="score">36.1</div><div class="grade">grade F</div><div class="errors">6 open errors</div></div>',
    );
    expect(html).toContain('<table class="heatmap reflow">');
    // Only a stage with no touchpoint is a gap; an empty stage × channel cell is plain.
    expect(html).toContain(
      '<tr class="gap"><th scope="row">adoption <span class="gap-mark">gap</span></th><td class="empty"></td>',
    );
    expect(html).toContain(
      '<tr><th scope="row">retention</th><td class="empty"></td><td data-label="video-call" data-score="71"',
    );
    // One wide and one narrow day strip per segment.
    expect(html.match(/<svg class="timeline wide"/g)).toHaveLength(2);
    expect(html.match(/<svg class="timeline narrow"/g)).toHaveLength(2);
    expect(html).toContain(
      'aria-label="enterprise: 9 touches, 1 collision, 0 density breaches, 1 silence, day 0 to day 365"',
    );
    expect(html).toContain(
      'aria-label="smb: 5 touches, 0 collisions, 0 density breaches, 1 silence, day 0 to day 365"',
    );
    // Wide tables reflow into cards on narrow screens and in print; cells carry their labels.
    expect(html).toContain('<table class="sortable reflow" id="findings-table">');
    expect(html).toContain('<table class="sortable compact reflow-wide" id="scorecard-table">');
    expect(html).toContain('<table class="actions reflow">');
    expect(html).toContain(
      '<td data-label="Id"><code>kickoff-call</code></td><td data-label="Name">Kickoff call</td>',
    );
    expect(html).toContain('@media print');
  });

  it('lists every score component in visible text, not only in the score cell hover', () => {
    const section = /<section id="score-components"[^]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(section).toContain('<h2>How the scores were computed</h2>');
    expect(section).toContain(
      '<li><code>welcome-email</code> 88: documentation +22.5, evidence +25, performance +33.3, hygiene +9</li>',
    );
    expect(section.match(/<li>/g)?.length).toBe(fixtureReport.scores?.touchpoints.length);
  });

  it('leaves out scores, heatmap and timeline for validate', () => {
    const report: AuditReport = {
      ...fixtureReport,
      command: 'validate',
      scores: undefined,
      timeline: undefined,
      summary: { ...fixtureReport.summary, score: null, grade: null },
    };
    const out = htmlReporter(report, fixtureContext);
    expect(out).toContain('<div class="score-card grade-none" id="score">');
    expect(out).not.toContain('id="heatmap"');
    expect(out).not.toContain('id="journey"');
    expect(out).not.toContain('id="scorecard"');
    expect(out).toContain('id="findings-table"');
  });

  it.each([
    [0, 'hsl(0 70% 82%)'],
    [40, 'hsl(0 70% 82%)'],
    [58, 'hsl(36 70% 82%)'],
    [70, 'hsl(60 70% 82%)'],
    [100, 'hsl(120 70% 82%)'],
    [140, 'hsl(120 70% 82%)'],
  ])('scoreColour(%d) is %s', (score, colour) => {
    expect(scoreColour(score)).toBe(colour);
  });

  it('draws the journey map: a lane switch, stage columns, cards and printed mark labels', () => {
    expect(html).toContain(
      '<div class="journey"><span class="lane-title">Lanes:</span><input type="radio" name="journey-lanes" id="lanes-segment" value="segment" checked><label for="lanes-segment">by segment</label><input type="radio" name="journey-lanes" id="lanes-owner" value="owner"><label for="lanes-owner">by owner</label><input type="radio" name="journey-lanes" id="lanes-channel" value="channel"><label for="lanes-channel">by channel</label>',
    );
    for (const kind of ['segment', 'owner', 'channel']) {
      expect(html).toContain(
        `<div class="journey-grid" data-lanes="${kind}" style="--stages: 10"><div class="jm-corner"></div><div class="jm-stage gap">awareness<span class="jm-gap">gap</span></div>`,
      );
    }
    // The card: name with its id, channel, owner's name with id, grade and score, first day.
    expect(html).toContain(
      '<div class="jm-card jm-A" data-touchpoint="kickoff-call"><span class="jm-name">Kickoff call <span class="id">(<code>kickoff-call</code>)</span></span><span class="jm-meta">video-call · Customer Success <span class="id">(<code>cs</code>)</span></span><span class="jm-foot"><b class="jm-grade">A 92</b> · day 17</span></div>',
    );
    expect(html).toContain(
      '<div class="jm-lane">Marketing Operations <span class="id">(<code>marketing-ops</code>)</span></div>',
    );
    // Labels are text in the SVG and in a list under it, not hover titles only.
    expect(html).toContain('font-size="13">collision</text>');
    expect(html).toContain('font-size="13">silent 73 d</text>');
    expect(html).toContain(
      '<ol class="marks"><li class="label-silence"><strong>silent 73 d</strong>: Segment enterprise: no proactive touch from day 17 to day 90 (73 days; allowed 45d)</li><li class="label-collision"><strong>collision, day 360</strong>: qbr and renewal-reminder both land on day 360 for segment enterprise</li></ol>',
    );
  });

  it('draws days before contract start and density breaches on the day axis', () => {
    const report: AuditReport = {
      ...fixtureReport,
      findings: [
        {
          rule: 'overlap/density',
          severity: 'warning',
          messageId: 'sameDay',
          data: { segments: ['smb'], peak: 4, max: 3, window: 7, from: 0, to: 0, touchpoints: [] },
          message: 'smb gets 4 touches on day 0',
          touchpoint: 'welcome-email',
          location: { file: 'touchpoints.yaml', line: 1, column: 1 },
        },
      ],
      timeline: {
        horizon: 365,
        segments: [
          {
            id: 'smb',
            occurrences: [
              { touchpoint: 'welcome-email', day: -14 },
              ...[0, 0, 0, 0].map((day) => ({ touchpoint: 'nps-survey', day })),
            ],
          },
        ],
      },
    };
    const out = htmlReporter(report, fixtureContext);
    expect(out).toContain(
      'aria-label="smb: 5 touches, 0 collisions, 1 density breach, 0 silences, day −14 to day 365"',
    );
    expect(out).toMatch(/<rect class="before-start" x="26" /);
    expect(out).toContain('data-touchpoint="welcome-email" data-day="-14"');
    expect(out).toContain('>−14</text>');
    expect(out).toContain('class="density"');
    expect(out).toContain('font-size="13">4 in 7 d (max 3)</text>');
    expect(out).toContain('<strong>4 in 7 d (max 3)</strong>: smb gets 4 touches on day 0');
    expect(out).toContain('<span class="jm-foot"><b class="jm-grade">B 88</b> · day −14</span>');
  });

  it('states the tool version, as-of date, period and every input in the footer', () => {
    expect(html).toContain(
      '<footer id="report-footer"><p>Generated by touchpoint-audit 0.1.0 · as of 2026-10-30, period 2026-08-01 to 2026-10-30 (91 days)</p><p>Inputs: inventory <code>touchpoints.yaml</code>; metric exports <code>metrics/hubspot #2.csv</code>, <code>metrics/cs export.csv</code>; baseline <code>touchpoint-baseline.json</code>.</p></footer>',
    );
  });

  it('escapes the five HTML specials', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
  });
});
