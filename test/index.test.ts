import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

const ROOT = path.resolve(import.meta.dirname, '..');

describe('the public library API', () => {
  it('exports the pipeline functions by the names DESIGN §7 gives', () => {
    for (const name of [
      'loadInventory',
      'validateInventory',
      'readMetrics',
      'audit',
      'score',
      'renderJson',
      'renderTable',
      'renderSarif',
      'renderCsv',
    ]) {
      expect(typeof (api as Record<string, unknown>)[name], name).toBe('function');
    }
  });

  it('runs the same audit as the CLI without spawning a process', async () => {
    const report = await api.audit({
      inventory: ['examples/b2c-retail'],
      metrics: ['examples/b2c-retail/metrics'],
      config: await api.loadConfig(
        path.join(ROOT, 'examples/b2c-retail/touchpoint.config.yaml'),
        'examples/b2c-retail/touchpoint.config.yaml',
      ),
      cwd: ROOT,
      asOf: '2026-11-15',
    });
    expect(report.summary).toMatchObject({ score: 94.7, grade: 'A' });
    const json = api.renderJson(report, {
      cwd: ROOT,
      color: false,
      rules: api.RULE_CATALOGUE,
      explain: false,
      by: 'touchpoint',
    });
    // The JSON is the report, less the scores' in-memory texts (the labels as data).
    const touchpoints = report.scores?.touchpoints ?? [];
    expect(touchpoints.every((t) => t.texts !== undefined)).toBe(true);
    const inMemory = JSON.parse(JSON.stringify(report)) as typeof report;
    for (const t of inMemory.scores?.touchpoints ?? []) delete t.texts;
    expect(JSON.parse(json)).toEqual(inMemory);
    expect(json).not.toContain('"texts"');
  });

  it('validates an inventory loaded from memory', () => {
    const loaded = api.parseInventoryTexts([
      { file: 'inline.yaml', text: 'version: 1\njourney: b2c\ntouchpoints: []\n' },
    ]);
    expect(api.validateInventory(loaded, { asOf: '2026-11-15' })).toEqual([]);
  });
});
