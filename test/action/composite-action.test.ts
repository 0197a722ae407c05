import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/golden.js';
import { ACTION, actionWorkspace as workspace, runAction } from '../helpers/run-action.js';
import type { ActionStep } from '../helpers/run-action.js';

const AUDIT_ONLY = (step: ActionStep): boolean => step.id === 'audit';
const AS_OF = { 'as-of': '2026-11-15' };

describe('action.yml', () => {
  it('is a composite action that installs from its own checkout and uploads nothing', () => {
    expect(ACTION.runs.using).toBe('composite');
    expect(ACTION.runs.steps.map((s) => s.uses)).toEqual([undefined, undefined]);
    expect(ACTION.runs.steps[0]?.['working-directory']).toBe('${{ github.action_path }}');
    expect(Object.keys(ACTION.inputs).sort()).toEqual(
      [
        'inventory',
        'metrics',
        'config',
        'formats',
        'sarif',
        'fail-on',
        'max-warnings',
        'min-score',
        'fail-any-under',
        'baseline',
        'as-of',
        'working-directory',
      ].sort(),
    );
    expect(Object.keys(ACTION.outputs)).toEqual(['sarif', 'score', 'grade']);
  });

  it('passes the gate inputs through: fail-on never passes, min-score fails', () => {
    const relaxed = runAction({
      workspace: workspace(),
      actionPath: ROOT,
      selectStep: AUDIT_ONLY,
      inputs: { ...AS_OF, 'fail-on': 'never' },
    });
    expect(relaxed.statuses).toEqual({ 'Audit touchpoints': 0 });
    const strict = runAction({
      workspace: workspace(),
      actionPath: ROOT,
      selectStep: AUDIT_ONLY,
      inputs: { ...AS_OF, 'fail-on': 'never', 'min-score': '95' },
    });
    expect(strict.statuses).toEqual({ 'Audit touchpoints': 1 });
    expect(strict.stderr).toContain('89.1');
    expect(strict.outputs.score).toBe('89.1');
  });

  it('takes inventory, metrics, config, formats, baseline and working-directory', () => {
    const repo = workspace('audit');
    const dir = path.join(repo, 'audit');
    // A baseline of every current finding: the same audit then passes.
    const baseline = runAction({
      workspace: repo,
      actionPath: ROOT,
      selectStep: AUDIT_ONLY,
      inputs: {
        ...AS_OF,
        'working-directory': 'audit',
        inventory: 'touchpoints.yaml',
        metrics: 'metrics/*.csv',
        config: 'touchpoint.config.yaml',
        formats: 'junit=report.xml',
        'fail-on': 'never',
      },
    });
    expect(baseline.statuses).toEqual({ 'Audit touchpoints': 0 });
    expect(baseline.outputs).toEqual({
      sarif: 'audit/touchpoint.sarif',
      score: '89.1',
      grade: 'B',
    });
    expect(readFileSync(path.join(dir, 'report.xml'), 'utf8')).toMatch(/^<\?xml/);
    execFileSync(process.execPath, [
      path.join(ROOT, 'bin/touchpoint.js'),
      'audit',
      path.join(dir, 'touchpoints.yaml'),
      '--as-of',
      AS_OF['as-of'],
      '--fail-on',
      'never',
      '--write-baseline',
      path.join(dir, 'baseline.json'),
      '-f',
      'json',
      '-o',
      path.join(dir, 'ignored.json'),
    ]);
    const gated = runAction({
      workspace: repo,
      actionPath: ROOT,
      selectStep: AUDIT_ONLY,
      inputs: { ...AS_OF, 'working-directory': 'audit', baseline: 'baseline.json', formats: '' },
    });
    expect(gated.statuses).toEqual({ 'Audit touchpoints': 0 });
  });

  it('hands the SARIF path on when the inventory does not parse, and no outputs when the tool could not run', () => {
    const repo = workspace();
    writeFileSync(path.join(repo, 'touchpoints.yaml'), 'version: 1\ntouchpoints: [\n');
    const broken = runAction({
      workspace: repo,
      actionPath: ROOT,
      selectStep: AUDIT_ONLY,
      inputs: AS_OF,
    });
    expect(broken.statuses).toEqual({ 'Audit touchpoints': 1 });
    expect(broken.outputs.sarif).toBe('touchpoint.sarif');
    expect(broken.stdout).toContain('schema/syntax');
    const missing = runAction({
      workspace: repo,
      actionPath: ROOT,
      selectStep: AUDIT_ONLY,
      inputs: { ...AS_OF, inventory: 'nowhere.yaml' },
    });
    expect(missing.statuses).toEqual({ 'Audit touchpoints': 2 });
    expect(missing.stderr).toContain('touchpoint: nowhere.yaml: no such file or directory');
    expect(missing.outputs).toEqual({ sarif: '', score: '', grade: '' });
  });
});
