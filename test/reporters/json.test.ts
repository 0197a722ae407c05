import { describe, expect, it } from 'vitest';
import { textPieces } from '../../src/fs/text-pieces.js';
import type { AuditReport } from '../../src/report.js';
import { renderJson, renderJsonChunks } from '../../src/reporters/json.js';
import { sarifChunks, sarifLog, sarifReporter } from '../../src/reporters/sarif.js';
import type { ReportChunks } from '../../src/reporters/types.js';
import { auditExample } from '../helpers/audit-example.js';
import {
  ESCAPES,
  HOSTILE_FILE,
  HOSTILE_NAME,
  MARKDOWN,
  hostileReport,
} from '../fixtures/reporters/hostile.js';
import { fixtureContext, fixtureReport } from '../fixtures/reporters/report.js';

const HOSTILE = `${HOSTILE_NAME} ${ESCAPES} ${MARKDOWN} \u2028\u2029 😀 \ud800 \u0000 Pelanggan — é`;

/** The JSON report as one JSON.stringify: the report without the scores' in-memory texts. */
function expectedJson(report: AuditReport): string {
  const copy = structuredClone(report);
  for (const score of copy.scores?.touchpoints ?? []) delete score.texts;
  return `${JSON.stringify(copy, null, 2)}\n`;
}

/** A report of `size` findings and touchpoint scores, hostile text in every string it copies. */
function generatedReport(size: number): AuditReport {
  const [finding] = hostileReport.findings;
  const [score] = hostileReport.scores?.touchpoints ?? [];
  if (finding === undefined || score === undefined) throw new Error('fixture has no finding');
  return {
    ...hostileReport,
    findings: Array.from({ length: size }, (_, i) => ({
      ...finding,
      message: `${HOSTILE} #${i}`,
      touchpoint: `tp-${i}\n${HOSTILE}`,
      data: { ...finding.data, members: [`${HOSTILE}-${i}`, i], nested: { text: HOSTILE } },
      location: { file: `${HOSTILE_FILE}${i}`, line: i + 1, column: 1 },
    })),
    scores: hostileReport.scores && {
      ...hostileReport.scores,
      touchpoints: Array.from({ length: size }, (_, i) => ({
        ...score,
        id: `tp-${i}`,
        name: `${HOSTILE} ${i}`,
      })),
    },
  };
}

const joined = (chunks: ReportChunks): string => [...chunks].join('');

const EXAMPLES = ['b2b-saas', 'b2c-retail', 'support-tiers'];

describe('the JSON and SARIF reports in pieces', () => {
  it('are JSON.stringify(…, null, 2) byte for byte on the fixtures and the examples', async () => {
    const reports = [fixtureReport, hostileReport];
    for (const example of EXAMPLES) reports.push(await auditExample(example));
    for (const report of reports) {
      expect(joined(renderJsonChunks(report, fixtureContext))).toBe(expectedJson(report));
      expect(renderJson(report, fixtureContext)).toBe(expectedJson(report));
      const sarif = `${JSON.stringify(sarifLog(report, fixtureContext), null, 2)}\n`;
      expect(joined(sarifChunks(report, fixtureContext))).toBe(sarif);
      expect(sarifReporter(report, fixtureContext)).toBe(sarif);
    }
  });

  it('are JSON.stringify byte for byte on a generated report with hostile strings', () => {
    const report = generatedReport(300);
    expect(joined(renderJsonChunks(report, fixtureContext))).toBe(expectedJson(report));
    expect(joined(sarifChunks(report, fixtureContext))).toBe(
      `${JSON.stringify(sarifLog(report, fixtureContext), null, 2)}\n`,
    );
  });

  it('write a report far longer than the longest string allowed, never holding it whole', () => {
    // V8 allows about 512 MiB in one string; here the limit is 16 KiB and the report 100 times that.
    const limit = 16 * 1024;
    const report = generatedReport(800);
    for (const [render, expected] of [
      [renderJsonChunks, expectedJson(report)],
      [sarifChunks, `${JSON.stringify(sarifLog(report, fixtureContext), null, 2)}\n`],
    ] as const) {
      expect(expected.length).toBeGreaterThan(100 * limit);
      const written: string[] = [];
      const write = (text: string): void => {
        if (text.length > limit) throw new RangeError('Invalid string length');
        written.push(text);
      };
      let longest = 0;
      const chunks = function* (): Generator<string> {
        for (const chunk of render(report, fixtureContext)) {
          longest = Math.max(longest, chunk.length);
          yield chunk;
        }
      };
      for (const piece of textPieces(chunks(), limit)) write(piece);
      expect(longest).toBeLessThan(limit);
      expect(written.length).toBeGreaterThan(100);
      expect(written.join('')).toBe(expected);
    }
  });
});
