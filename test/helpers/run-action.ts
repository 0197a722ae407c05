import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ROOT } from './golden.js';

/**
 * action.yml run the way GitHub runs a composite action: every `run:` step with
 * `bash --noprofile --norc -eo pipefail`, `${{ … }}` expressions substituted, a fresh
 * GITHUB_OUTPUT file per step, and the step's outputs read back from it.
 */

export interface ActionStep {
  name?: string;
  id?: string;
  shell?: string;
  run?: string;
  uses?: string;
  'working-directory'?: string;
  env?: Record<string, string>;
}

export interface Action {
  inputs: Record<string, { description: string; default: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

export const ACTION = parseYaml(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as Action;

interface Context {
  inputs: Record<string, string>;
  actionPath: string;
  steps: Record<string, Record<string, string>>;
}

/** Replaces `${{ inputs.x }}`, `${{ github.action_path }}` and `${{ steps.id.outputs.x }}`. */
function substitute(text: string, ctx: Context): string {
  return text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_all, expression: string) => {
    const input = /^inputs\.([\w-]+)$/.exec(expression);
    if (input?.[1] !== undefined) {
      const value = ctx.inputs[input[1]];
      if (value === undefined)
        throw new Error(`action.yml uses an undeclared input: ${expression}`);
      return value;
    }
    if (expression === 'github.action_path') return ctx.actionPath;
    const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
    if (output?.[1] !== undefined && output[2] !== undefined) {
      return ctx.steps[output[1]]?.[output[2]] ?? '';
    }
    throw new Error(`unsupported expression in action.yml: ${expression}`);
  });
}

/** `key=value` lines of a GITHUB_OUTPUT file (the action writes no multi-line values). */
function readOutputs(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  const outputs: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const at = line.indexOf('=');
    if (at > 0) outputs[line.slice(0, at)] = line.slice(at + 1);
  }
  return outputs;
}

export interface ActionRun {
  /** Exit status of each step that ran, by name; the run stops at the first failure. */
  statuses: Record<string, number | null>;
  /** The last step's stdout and stderr. */
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

export function runAction(options: {
  workspace: string;
  actionPath: string;
  inputs?: Record<string, string>;
  selectStep?: (step: ActionStep) => boolean;
}): ActionRun {
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(ACTION.inputs)) inputs[name] = spec.default;
  Object.assign(inputs, options.inputs);
  const ctx: Context = { inputs, actionPath: options.actionPath, steps: {} };
  const temp = mkdtempSync(path.join(tmpdir(), 'tp-action-runner-'));
  const summary = path.join(temp, 'step-summary.md');
  const run: ActionRun = { statuses: {}, stdout: '', stderr: '', outputs: {}, summary: '' };
  for (const [index, step] of ACTION.runs.steps.entries()) {
    if (options.selectStep && !options.selectStep(step)) continue;
    expect(step.shell).toBe('bash');
    if (step.run === undefined) throw new Error(`step ${String(index)} has no run:`);
    const script = path.join(temp, `step-${String(index)}.sh`);
    writeFileSync(script, substitute(step.run, ctx));
    const output = path.join(temp, `output-${String(index)}`);
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_ACTION_PATH: options.actionPath,
      RUNNER_TEMP: temp,
    };
    for (const [name, value] of Object.entries(step.env ?? {})) env[name] = substitute(value, ctx);
    const cwd = path.resolve(options.workspace, substitute(step['working-directory'] ?? '.', ctx));
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd,
      env,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    run.statuses[step.name ?? String(index)] = result.status;
    run.stdout = result.stdout;
    run.stderr = result.stderr;
    if (step.id !== undefined) ctx.steps[step.id] = readOutputs(output);
    if (result.status !== 0) break;
  }
  for (const [name, spec] of Object.entries(ACTION.outputs)) {
    run.outputs[name] = substitute(spec.value, ctx);
  }
  run.summary = existsSync(summary) ? readFileSync(summary, 'utf8') : '';
  return run;
}

/** The user's repository: a copy of examples/b2b-saas at `<tmp>/workspace/<sub>`. */
export function actionWorkspace(sub = '.'): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'tp-action-')), 'workspace');
  cpSync(path.join(ROOT, 'examples/b2b-saas'), path.join(dir, sub), { recursive: true });
  return dir;
}
