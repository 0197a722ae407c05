import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// The library's loaders: they word the findings' messages from the rule catalogue.
import { loadInventory } from '../../src/index.js';
import { validateInventory } from '../../src/validate.js';
import { entry, HEADER } from '../helpers/validate-text.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tp-merge-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const SECOND = `version: 1
touchpoints:
${entry({ id: 'kickoff-call', channel: 'video-call', timing: '{ anchor: go-live, at: 3d }' })}`;

describe('merging several inventory files', () => {
  it('merges files given one by one, keeping each touchpoint’s own file and line', async () => {
    const dir = project({ 'a.yaml': HEADER + entry(), 'b.yaml': SECOND });
    const { inventory, findings } = await loadInventory(['a.yaml', 'b.yaml'], { cwd: dir });
    expect(findings).toEqual([]);
    expect(inventory.files).toEqual(['a.yaml', 'b.yaml']);
    expect(inventory.touchpoints.map((tp) => [tp.id, tp.location.file, tp.location.line])).toEqual([
      ['welcome-email', 'a.yaml', 8],
      ['kickoff-call', 'b.yaml', 3],
    ]);
    expect(inventory.touchpoints[1]?.segments).toEqual(['enterprise', 'smb']);
    expect(inventory.lifecycle).toEqual({ 'contract-start': 0, 'go-live': 14, renewal: 365 });
  });

  it('expands a directory (leaving out the config file) and a glob, in sorted order', async () => {
    const dir = project({
      'inv/b.yml': SECOND,
      'inv/a.yaml': HEADER + entry(),
      'inv/touchpoint.config.yaml': 'rules: {}\n',
    });
    const byDir = await loadInventory(['inv'], { cwd: dir });
    expect(byDir.inventory.files).toEqual(['inv/a.yaml', 'inv/b.yml']);
    const byGlob = await loadInventory(['inv/*.y*ml'], { cwd: dir });
    expect(byGlob.inventory.files).toEqual(['inv/a.yaml', 'inv/b.yml']);
  });

  it('reports an id used in two files at the second one', async () => {
    const dir = project({
      'a.yaml': HEADER + entry(),
      'b.yaml': `version: 1\ntouchpoints:\n${entry()}`,
    });
    const loaded = await loadInventory(['a.yaml', 'b.yaml'], { cwd: dir });
    expect(
      validateInventory(loaded, { asOf: '2026-11-15' }).map(
        (f) => `${f.location.file}:${f.location.line}:${f.location.column} ${f.message}`,
      ),
    ).toEqual(["b.yaml:3:9 touchpoint id 'welcome-email' is used twice (first at a.yaml:8)"]);
  });

  it('reports a journey declared differently in two files', async () => {
    const dir = project({ 'a.yaml': HEADER + entry(), 'b.yaml': 'version: 1\njourney: b2c\n' });
    const loaded = await loadInventory(['a.yaml', 'b.yaml'], { cwd: dir });
    expect(
      loaded.findings.map((f) => `${f.location.file}:${f.location.line} ${f.message}`),
    ).toEqual(['b.yaml:2 journey is declared differently in two files (first at a.yaml:2)']);
  });

  it('reads - from stdin', async () => {
    const loaded = await loadInventory(['-'], {
      cwd: tmpdir(),
      readStdin: () => Promise.resolve(HEADER + entry()),
    });
    expect(loaded.inventory.files).toEqual(['<stdin>']);
    expect(loaded.inventory.touchpoints[0]?.location).toMatchObject({
      file: '<stdin>',
      line: 8,
      column: 5,
    });
  });
});
