import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';

/** gap/not-running (issue 14, point 8): planned, but the send counts show nobody received it. */
const INVENTORY = path.join(ROOT, 'examples/b2b-saas/touchpoints.yaml');

interface JsonReport {
  findings: {
    rule: string;
    touchpoint?: string;
    message: string;
    data: Record<string, unknown>;
    location: { file: string; line: number; column: number };
  }[];
}

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tp-not-running-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

/** Audits the example inventory in `dir`, with the export paths relative to it, as a user types them. */
function notRunning(dir: string, args: readonly string[]) {
  const result = runCli(
    ['audit', INVENTORY, '-f', 'json', '--as-of', '2026-12-01', '--fail-on', 'warning', ...args],
    { cwd: dir },
  );
  const report = JSON.parse(result.stdout) as JsonReport;
  return {
    status: result.status,
    findings: report.findings
      .filter((f) => f.rule === 'gap/not-running')
      .map(({ touchpoint, message, data, location }) => ({
        touchpoint,
        message,
        data,
        line: location.line,
      })),
  };
}

describe('gap/not-running (binary)', () => {
  it('names the planned segment a long export shows no sends to', () => {
    const dir = folder({
      'sends.csv': [
        'touchpoint_id,metric,value,date,segment',
        'welcome-email,sent,120,2026-11-20,enterprise',
        'welcome-email,sent,0,2026-11-20,mid-market',
        'welcome-email,sent,0,2026-11-27,mid-market',
        'welcome-email,sent,30,2026-11-20,smb',
        'kickoff-call,sent,4,2026-11-20,enterprise',
        '',
      ].join('\n'),
    });
    const { status, findings } = notRunning(dir, ['-m', 'sends.csv']);
    expect(status).toBe(1);
    expect(findings).toEqual([
      {
        touchpoint: 'welcome-email',
        message:
          'planned for enterprise, mid-market and smb, but sent in sends.csv shows no sends to mid-market in the period',
        data: {
          metric: 'sent',
          planned: ['enterprise', 'mid-market', 'smb'],
          segments: ['mid-market'],
          absent: [],
          file: 'sends.csv',
          line: 2,
          rows: 4,
          since: '2026-09-03',
          asOf: '2026-12-01',
        },
        line: 116,
      },
      {
        touchpoint: 'kickoff-call',
        message:
          'planned for enterprise and mid-market, but sent in sends.csv shows no sends to mid-market in the period',
        data: {
          metric: 'sent',
          planned: ['enterprise', 'mid-market'],
          segments: ['mid-market'],
          absent: ['mid-market'],
          file: 'sends.csv',
          line: 6,
          rows: 1,
          since: '2026-09-03',
          asOf: '2026-12-01',
        },
        line: 133,
      },
    ]);
  });

  it('reads a mapped vendor export summed per campaign: zero deliveries is not running', () => {
    const dir = folder({
      'campaigns.csv': [
        'Campaign,Send Date,Successful Deliveries',
        'Welcome,2026-11-02,0',
        'Welcome,2026-11-09,0',
        'Renewal notice,2026-11-09,88',
        '',
      ].join('\n'),
      'touchpoint.config.yaml': [
        'sources:',
        '  - match: campaigns.csv',
        '    touchpoint: Campaign',
        '    date: Send Date',
        '    metrics:',
        '      - metric: delivered',
        '        aggregate: { fn: sum, column: Successful Deliveries }',
        'aliases:',
        '  Welcome: welcome-email',
        '  Renewal notice: renewal-notice',
        '',
      ].join('\n'),
    });
    const { findings } = notRunning(dir, ['-m', 'campaigns.csv', '-c', 'touchpoint.config.yaml']);
    expect(findings.map((f) => [f.touchpoint, f.message])).toEqual([
      [
        'welcome-email',
        'delivered is 0 in every row of the period (2 rows from campaigns.csv:2): the touchpoint is planned but sent nothing',
      ],
    ]);
  });
});
