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

  it('shows the score, the heatmap, the timeline with marks, and the sortable tables', () => {
    expect(html).toContain(
      '<div class="score-card grade-F" id="score"><div class="score">36.1</div><div class="grade">grade F</div><div class="errors">6 open errors</div></div>',
    );
    expect(html).toContain('<table class="heatmap">');
    expect(html).toContain('<tr class="gap"><th scope="row">adoption</th>');
    expect(html.match(/<svg class="timeline"/g)).toHaveLength(2);
    expect(html).toContain(
      'aria-label="enterprise: 9 touches, 1 collision, 1 silence over 365 days"',
    );
    expect(html).toContain('aria-label="smb: 5 touches, 0 collisions, 1 silence over 365 days"');
    expect(html).toContain('<table class="sortable" id="findings-table">');
    expect(html).toContain('<table class="sortable compact" id="scorecard-table">');
    expect(html).toContain('@media print');
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
    expect(out).not.toContain('id="timeline"');
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

  it('escapes the five HTML specials', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
  });
});
