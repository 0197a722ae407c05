import { describe, expect, it } from 'vitest';
import type { AuditReport, ObservedReport } from '../../src/report.js';
import { htmlReporter } from '../../src/reporters/html.js';
import { markdownReporter } from '../../src/reporters/markdown.js';
import { formatEvery } from '../../src/reporters/observed-cadence.js';
import { renderTable } from '../../src/reporters/table.js';
import { reporterLocale } from '../../src/rules/translate-finding.js';
import { FIXTURE_CWD, fixtureContext, fixtureReport } from '../fixtures/reporters/report.js';

const observed: ObservedReport = {
  engine: 'streaming',
  files: [`${FIXTURE_CWD}/logs/sends.csv`],
  window: { from: '2025-01-01', to: '2025-12-31', rows: 190692, skipped: 2 },
  accounts: 5001,
  segments: [
    {
      id: '',
      accounts: 1,
      planned: { touches: 0, everyDays: null, longestSilence: 365 },
      observed: {
        medianTouches: 0,
        medianEveryDays: null,
        medianDays: 47,
        medianLongestSilence: 47,
        overSilence: 1,
        silenceLimit: 45,
      },
      text: '',
    },
    {
      id: 'enterprise',
      accounts: 2500,
      planned: { touches: 26, everyDays: 14, longestSilence: 21 },
      observed: {
        medianTouches: 1,
        medianEveryDays: 47,
        medianDays: 47,
        medianLongestSilence: 40,
        overSilence: 3,
        silenceLimit: 21,
      },
      text: '',
    },
    {
      id: 'a|b <c>',
      accounts: 2500,
      planned: { touches: 53, everyDays: 6.8, longestSilence: 7 },
      observed: {
        medianTouches: 38,
        medianEveryDays: 9.6,
        medianDays: 365,
        medianLongestSilence: 10,
        overSilence: 0,
        silenceLimit: 45,
      },
      text: '',
    },
  ],
};
const report: AuditReport = { ...fixtureReport, findings: [], observed };

/** The lines of the Markdown section whose heading starts with `heading`. */
function markdownSection(text: string, heading: string): string[] {
  const start = text.indexOf(heading);
  return text.slice(start, text.indexOf('\n## ', start + 1)).split('\n');
}

describe('planned vs observed cadence in the reports', () => {
  it('names weekly cadences in weeks', () => {
    expect([1, 7, 14, 6.8, 10].map((days) => formatEvery(days))).toEqual([
      'every day',
      'every week',
      'every 2 weeks',
      'every 6.8 days',
      'every 10 days',
    ]);
    expect([1, 7, 14, 6.8].map((days) => formatEvery(days, reporterLocale('id')))).toEqual([
      'setiap hari',
      'setiap minggu',
      'setiap 2 minggu',
      'setiap 6,8 hari',
    ]);
  });

  it('markdown: a section with one escaped row per segment, before the findings', () => {
    const text = markdownReporter(report, fixtureContext);
    expect(markdownSection(text, '## Planned vs observed cadence')).toEqual([
      '## Planned vs observed cadence',
      '',
      'Event logs `logs/sends.csv`, 2025-01-01 to 2025-12-31: 190692 event rows (2 skipped), 5001 accounts, streaming engine.',
      '',
      '| Segment | Accounts | Planned | Observed (median account) | Longest silence | Over the silence limit |',
      '| --- | ---: | --- | --- | --- | --- |',
      '| (no segment) | 1 | nothing planned | no proactive touch (0 touches in 47 days) | planned 365 days; median account 47 days | 1 (100%) over 45 days |',
      '| enterprise | 2500 | every 2 weeks (26 touches in 365 days) | 1 touch every 47 days (1 touch in 47 days) | planned 21 days; median account 40 days | 3 (0.1%) over 21 days |',
      '| a\\|b &lt;c> | 2500 | every 6.8 days (53 touches in 365 days) | 1 touch every 9.6 days (38 touches in 365 days) | planned 7 days; median account 10 days | 0 (0%) over 45 days |',
      '',
    ]);
    expect(text.indexOf('## Planned vs')).toBeLessThan(text.indexOf('## Gaps'));
    expect(markdownReporter(fixtureReport, fixtureContext)).not.toContain('Planned vs observed');
  });

  it('markdown in Indonesian: the same section in its words, numbers and dates', () => {
    const text = markdownReporter(report, { ...fixtureContext, locale: reporterLocale('id') });
    expect(markdownSection(text, '## Cadence rencana')).toEqual([
      '## Cadence rencana vs yang teramati',
      '',
      'Event log `logs/sends.csv`, 1 Januari 2025 s.d. 31 Desember 2025: 190.692 baris event (2 dilewati), 5.001 akun, engine streaming.',
      '',
      '| Segmen | Akun | Rencana | Teramati (median akun) | Jeda terpanjang | Melewati batas jeda |',
      '| --- | ---: | --- | --- | --- | --- |',
      '| (tanpa segmen) | 1 | tidak ada yang direncanakan | tanpa sentuhan proaktif (0 sentuhan dalam 47 hari) | rencana 365 hari; median akun 47 hari | 1 (100%) lebih dari 45 hari |',
      '| enterprise | 2.500 | setiap 2 minggu (26 sentuhan dalam 365 hari) | 1 sentuhan setiap 47 hari (1 sentuhan dalam 47 hari) | rencana 21 hari; median akun 40 hari | 3 (0,1%) lebih dari 21 hari |',
      '| a\\|b &lt;c> | 2.500 | setiap 6,8 hari (53 sentuhan dalam 365 hari) | 1 sentuhan setiap 9,6 hari (38 sentuhan dalam 365 hari) | rencana 7 hari; median akun 10 hari | 0 (0%) lebih dari 45 hari |',
      '',
    ]);
  });

  it('html: an escaped table after the journey map and its lifecycle timeline', () => {
    const html = htmlReporter(report, fixtureContext);
    const section = html.slice(html.indexOf('<section id="observed"'));
    expect(section.slice(0, section.indexOf('</section>')).split('\n')).toEqual([
      '<section id="observed" aria-labelledby="observed-title">',
      '<h2 id="observed-title">Planned vs observed cadence</h2>',
      '<p class="note">Event logs <code>logs/sends.csv</code>, 2025-01-01 to 2025-12-31: 190692 event rows (2 skipped), 5001 accounts, streaming engine.</p>',
      '<table class="observed"><thead><tr><th scope="col">Segment</th><th scope="col" class="num">Accounts</th><th scope="col">Planned</th><th scope="col">Observed (median account)</th><th scope="col">Longest silence</th><th scope="col">Over the silence limit</th></tr></thead><tbody>' +
        '<tr><th scope="row">(no segment)</th><td class="num">1</td><td>nothing planned</td><td>no proactive touch (0 touches in 47 days)</td><td>planned 365 days; median account 47 days</td><td>1 (100%) over 45 days</td></tr>' +
        '<tr><th scope="row">enterprise</th><td class="num">2500</td><td>every 2 weeks (26 touches in 365 days)</td><td>1 touch every 47 days (1 touch in 47 days)</td><td>planned 21 days; median account 40 days</td><td>3 (0.1%) over 21 days</td></tr>' +
        '<tr><th scope="row">a|b &lt;c&gt;</th><td class="num">2500</td><td>every 6.8 days (53 touches in 365 days)</td><td>1 touch every 9.6 days (38 touches in 365 days)</td><td>planned 7 days; median account 10 days</td><td>0 (0%) over 45 days</td></tr></tbody></table>',
      '',
    ]);
    expect(html.indexOf('id="journey"')).toBeLessThan(html.indexOf('id="observed"'));
    expect(html.indexOf('id="observed"')).toBeLessThan(html.indexOf('id="findings"'));
    expect(htmlReporter(fixtureReport, fixtureContext)).not.toContain('id="observed"');
  });

  it('table: a section within the terminal width', () => {
    const text = renderTable(report, { ...fixtureContext, width: 100 });
    const lines = text.split('\n');
    const start = lines.indexOf('Planned vs observed cadence');
    const section = lines.slice(start, lines.indexOf('', start));
    expect(section.slice(0, 2)).toEqual([
      'Planned vs observed cadence',
      'event logs 2025-01-01 to 2025-12-31: 190692 event rows (2 skipped), 5001 accounts, streaming engine',
    ]);
    expect(section.slice(2)).toEqual([
      '┌────────────┬──────────┬───────────────────┬────────────────────┬───────────────┬─────────────────┐',
      '│ Segment    │ Accounts │ Planned           │ Observed (median   │ Longest       │ Over the        │',
      '│            │          │                   │ account)           │ silence       │ silence limit   │',
      '├────────────┼──────────┼───────────────────┼────────────────────┼───────────────┼─────────────────┤',
      '│ (no        │        1 │ nothing planned   │ no proactive touch │ planned 365   │ 1 (100%) over   │',
      '│ segment)   │          │                   │ (0 touches in 47   │ days; median  │ 45 days         │',
      '│            │          │                   │ days)              │ account 47    │                 │',
      '│            │          │                   │                    │ days          │                 │',
      '│ enterprise │     2500 │ every 2 weeks (26 │ 1 touch every 47   │ planned 21    │ 3 (0.1%) over   │',
      '│            │          │ touches in 365    │ days (1 touch in   │ days; median  │ 21 days         │',
      '│            │          │ days)             │ 47 days)           │ account 40    │                 │',
      '│            │          │                   │                    │ days          │                 │',
      '│ a|b <c>    │     2500 │ every 6.8 days    │ 1 touch every 9.6  │ planned 7     │ 0 (0%) over 45  │',
      '│            │          │ (53 touches in    │ days (38 touches   │ days; median  │ days            │',
      '│            │          │ 365 days)         │ in 365 days)       │ account 10    │                 │',
      '│            │          │                   │                    │ days          │                 │',
      '└────────────┴──────────┴───────────────────┴────────────────────┴───────────────┴─────────────────┘',
    ]);
    expect(Math.max(...section.map((l) => l.length))).toBe(100);
    expect(renderTable(fixtureReport, fixtureContext)).not.toContain('Planned vs observed');
  });
});
