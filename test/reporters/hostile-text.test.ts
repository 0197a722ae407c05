import { describe, expect, it } from 'vitest';

import { githubReporter, renderGithubSummary } from '../../src/reporters/github.js';
import { markdownReporter } from '../../src/reporters/markdown.js';
import { renderTable } from '../../src/reporters/table.js';
import type { ReporterContext } from '../../src/reporters/types.js';
import { hostileReport, RAW_CONTROL } from '../fixtures/reporters/hostile.js';
import { fixtureContext } from '../fixtures/reporters/report.js';
import { expectGolden } from './golden.js';

/** chalk's colour codes, the one kind of escape sequence the table may emit. */
// eslint-disable-next-line no-control-regex -- matching ESC is the point
const SGR = /\u001b\[[0-9;]*m/g;

const explain: ReporterContext = { ...fixtureContext, explain: true };
const HUMAN: [string, string][] = [
  ['table', renderTable(hostileReport, explain)],
  ['table in colour', renderTable(hostileReport, { ...explain, color: true })],
  ['scorecard table', renderTable({ ...hostileReport, command: 'scorecard' }, explain)],
  [
    'scorecard table by owner',
    renderTable({ ...hostileReport, command: 'scorecard' }, { ...explain, by: 'owner' }),
  ],
  ['markdown', markdownReporter(hostileReport, explain)],
  ['github', githubReporter(hostileReport, explain)],
  ['github step summary', renderGithubSummary(hostileReport, explain)],
];

/** Markdown outside code spans: what a renderer reads as syntax. */
function outsideCode(markdown: string): string {
  return markdown.replace(/(`+)(?:(?!\1)[\s\S])*?\1/g, '');
}

describe('hostile user text in every human format', () => {
  it.each(HUMAN)('%s shows control characters as escapes', (_, text) => {
    const colourless = text.replace(SGR, '');
    expect(colourless.match(RAW_CONTROL)).toBeNull();
    // Markdown escapes the backslashes and brackets of the escapes again
    expect(colourless).toMatch(/\\{1,2}x1b\\?\]0;owned\\{1,2}x07/);
    expect(colourless).toMatch(/\\{1,2}u\{202e\}txt\.exe/);
  });

  it('table: only chalk colours its output (every ESC starts an SGR colour code)', () => {
    const coloured = HUMAN[1]?.[1] ?? '';
    expect(coloured).toContain('\u001b[31m');
    expect(coloured.replace(SGR, '')).not.toContain('\u001b');
  });

  it.each(HUMAN.filter(([name]) => name.startsWith('markdown') || name.includes('summary')))(
    '%s: no link, image or HTML tag forms from user text and table rows keep their columns',
    (_, text) => {
      const syntax = outsideCode(text);
      expect(syntax).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\]\(/);
      expect(syntax).not.toMatch(/<(?!br>)[a-z!/]/i);
      for (const table of text.split(/\n\n+/).filter((block) => block.startsWith('| '))) {
        const rows = table.split('\n');
        const columns = (row: string): number => row.split(/(?<!\\)\|/).length;
        expect(rows.map(columns)).toEqual(rows.map(() => columns(rows[0] ?? '')));
      }
    },
  );

  it.each(HUMAN.filter(([name]) => name !== 'github'))(
    '%s: no line can start a CI workflow command',
    (_, text) => {
      expect(text.split('\n').filter((line) => /^\s*::/.test(line))).toEqual([]);
    },
  );

  it('table: a line that would be a workflow command shows its first colon escaped', () => {
    expect(HUMAN[0]?.[1]).toMatch(/^ +\\x3a:stop-commands::pwned$/m);
  });

  it('github: every line is a workflow command of ours or a plain "- " log line', () => {
    const lines = (HUMAN[5]?.[1] ?? '').trimEnd().split('\n');
    const ours = /^::(error|warning|notice) (file=[^,:]*,)?[^:]*::|^::(group|endgroup)::/;
    expect(lines.filter((line) => !ours.test(line) && !line.startsWith('- '))).toEqual([]);
    expect(lines.some((line) => line.startsWith('- '))).toBe(true);
    for (const line of lines.filter((l) => l.startsWith('::error file=/work'))) {
      expect(line).toContain(
        'file=/work/acme/ok.yaml%0A%3A%3Aadd-mask%3A%3Asecret%0A%3A%3Aerror%3A%3Apwned.yaml,',
      );
    }
  });

  it.each(HUMAN)('%s matches its golden file', (name, text) => {
    expectGolden(`hostile.${name.replaceAll(' ', '-')}.txt`, text);
  });
});
