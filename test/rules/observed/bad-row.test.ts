import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/config/config.js';
import { readEvents } from '../../../src/events/read.js';
import type { Inventory } from '../../../src/types.js';
import { badRowFindings } from '../../events/observed-harness.js';

const dir = mkdtempSync(path.join(tmpdir(), 'touchpoint-bad-row-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
const inventory: Inventory = {
  version: 1,
  journey: { stages: [] },
  segments: [],
  lifecycle: {},
  touchpoints: [],
  files: ['touchpoints.yaml'],
  locations: {},
};

describe('observed/bad-row', () => {
  it('reports each unusable event row at its line and column; after ten, one summary', async () => {
    const file = path.join(dir, 'bad.csv');
    const rows = Array.from({ length: 12 }, (_, i) => `acct-${String(i)},x,never`);
    writeFileSync(file, `account_id,touchpoint_id,timestamp\n,x,2025-01-01\n${rows.join('\n')}\n`);
    const result = await readEvents([file], { inventory, config: defaultConfig() });
    const findings = badRowFindings(result);
    expect(findings.map((f) => f.rule)).toEqual(Array(11).fill('observed/bad-row'));
    expect(findings[0]?.location).toEqual({ file, line: 2, column: 1 });
    expect(findings[1]?.message).toBe(
      "row 3: timestamp 'never' is not a date (expected YYYY-MM-DD, an ISO 8601 timestamp or DD/MM/YYYY); the row is skipped",
    );
    expect([findings[1]?.messageId, findings[1]?.data]).toEqual([
      'notADate',
      { line: 3, column: 'timestamp', text: 'never' },
    ]);
    expect(findings[10]?.message).toBe(`3 more unusable rows in ${file} were skipped`);
    expect(result.aggregate.window.skipped).toBe(13);
  });
});
