import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/config.js';
import { findConfigFile } from '../../src/config/load-config.js';
// The library's loaders: they word the findings' messages from the rule catalogue.
import { loadConfig, parseConfigText } from '../../src/index.js';
import { InputError } from '../../src/errors.js';

describe('config', () => {
  it('fills defaults for an empty file', () => {
    expect(parseConfigText('', 'c.yaml')).toEqual({ ...defaultConfig(), file: 'c.yaml' });
  });

  it('reads every section into days and overrides', () => {
    const config = parseConfigText(
      [
        'rules: { overlap/density: error, gap/silence: off }',
        'horizon: 2y',
        'collision: { window: 2d, channels: { email: 0d } }',
        'density: { max: 4, window: 1w, segments: { smb: { max: 2 } } }',
        'silence: { max: 30d, segments: { enterprise: 21d } }',
        'freshness: 14d',
        'period: 60d',
        'scoring: { weights: { hygiene: 5 }, grades: { A: 95 }, stages: { onboarding: 2 } }',
        'channels: [podcast]',
        'aliases: { "Welcome Series": welcome-email }',
        'ignore: ["test-*"]',
        'waivers:',
        '  - rule: gap/below-target',
        '    touchpoint: nps-survey',
        '    reason: New survey vendor from January.',
        '    expires: 2027-01-31',
        'sources:',
        '  - { match: "mailchimp-*.csv", touchpoint: Campaign, metric: open_rate, ratio: { numerator: Opens, denominator: Delivered } }',
        '',
      ].join('\n'),
      'touchpoint.config.yaml',
    );
    expect(config.rules).toEqual({ 'overlap/density': 'error', 'gap/silence': 'off' });
    expect(config.horizon).toBe(730);
    expect(config.collisionWindow).toEqual({ default: 2, segments: {}, channels: { email: 0 } });
    expect(config.density).toEqual({
      default: { max: 4, window: 7 },
      segments: { smb: { max: 2, window: 7 } },
      channels: {},
    });
    expect(config.silence).toEqual({ default: 30, segments: { enterprise: 21 }, channels: {} });
    expect([config.freshness, config.period]).toEqual([14, 60]);
    expect(config.scoring).toEqual({
      weights: { documentation: 25, evidence: 25, performance: 35, hygiene: 5 },
      grades: { A: 95, B: 80, C: 70, D: 60 },
      stages: { onboarding: 2 },
    });
    expect(config.channels).toEqual(['podcast']);
    expect(config.aliases).toEqual({ 'Welcome Series': 'welcome-email' });
    expect(config.waivers).toEqual([
      {
        rule: 'gap/below-target',
        touchpoint: 'nps-survey',
        reason: 'New survey vendor from January.',
        expires: '2027-01-31',
        location: {
          file: 'touchpoint.config.yaml',
          line: 13,
          column: 5,
          endLine: 16,
          endColumn: 24,
          path: 'waivers[0]',
        },
      },
    ]);
    expect(config.sources).toEqual([
      {
        match: 'mailchimp-*.csv',
        touchpoint: 'Campaign',
        metric: 'open_rate',
        ratio: { numerator: 'Opens', denominator: 'Delivered' },
        // Where the entry is, for the findings about it (metrics/unused-source).
        location: {
          file: 'touchpoint.config.yaml',
          line: 18,
          column: 5,
          endLine: 18,
          endColumn: 127,
          path: 'sources[0]',
        },
      },
    ]);
  });

  it('rejects an invalid config with positioned messages (exit 2)', () => {
    const attempt = (): unknown =>
      parseConfigText(
        'rules:\n  gap/silence: loud\ndensty: { max: 2 }\n',
        'touchpoint.config.yaml',
      );
    expect(attempt).toThrow(InputError);
    expect(attempt).toThrow(
      [
        'invalid config',
        "touchpoint.config.yaml:2:16: rules.gap/silence of the config is 'loud': expected one of error, warning, info, off",
        "touchpoint.config.yaml:3:1: unknown key 'densty' in the config — did you mean 'density'?",
      ].join('\n'),
    );
  });

  it('rejects a config with a YAML syntax error', () => {
    expect(() => parseConfigText('rules: [\n', 'c.yaml')).toThrow(
      /^invalid config\nc\.yaml:2:1: YAML syntax error/,
    );
  });

  it('finds the nearest config upward', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tp-config-'));
    mkdirSync(path.join(dir, 'a/b'), { recursive: true });
    writeFileSync(path.join(dir, 'touchpoint.config.yaml'), 'period: 30d\n');
    expect(await findConfigFile(path.join(dir, 'a/b'))).toBe(
      path.join(dir, 'touchpoint.config.yaml'),
    );
    expect((await loadConfig(path.join(dir, 'touchpoint.config.yaml'))).period).toBe(30);
    await expect(loadConfig(path.join(dir, 'missing.yaml'), 'missing.yaml')).rejects.toThrow(
      'missing.yaml: cannot read the config file (ENOENT)',
    );
  });
});

describe('a waivers file', () => {
  function project(files: Record<string, string>): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'tp-waivers-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    return dir;
  }

  it('reads waivers from the file the config names, with positions in that file', async () => {
    const dir = project({
      'touchpoint.config.yaml': 'period: 60d\nwaivers: waivers.yaml\n',
      'waivers.yaml':
        'waivers:\n  - rule: gap/no-data\n    touchpoint: legacy-*\n    reason: Retired next quarter.\n',
    });
    const config = await loadConfig(
      path.join(dir, 'touchpoint.config.yaml'),
      'touchpoint.config.yaml',
    );
    expect(config.period).toBe(60);
    expect(config.waivers).toEqual([
      {
        rule: 'gap/no-data',
        touchpoint: 'legacy-*',
        reason: 'Retired next quarter.',
        location: {
          file: 'waivers.yaml',
          line: 2,
          column: 5,
          endLine: 4,
          endColumn: 34,
          path: 'waivers[0]',
        },
      },
    ]);
  });

  it('rejects a missing waivers file, a waiver without a reason, and other keys', async () => {
    const missing = project({ 'touchpoint.config.yaml': 'waivers: nope.yaml\n' });
    await expect(
      loadConfig(path.join(missing, 'touchpoint.config.yaml'), 'touchpoint.config.yaml'),
    ).rejects.toThrow(
      'nope.yaml: cannot read the waivers file named in touchpoint.config.yaml (ENOENT)',
    );
    const noReason = project({
      'touchpoint.config.yaml': 'waivers: w.yaml\n',
      'w.yaml': 'waivers:\n  - rule: gap/no-data\n',
    });
    await expect(
      loadConfig(path.join(noReason, 'touchpoint.config.yaml'), 'touchpoint.config.yaml'),
    ).rejects.toThrow("invalid config\nw.yaml:2:5: waiver 'gap/no-data' has no reason");
    const extra = project({
      'touchpoint.config.yaml': 'waivers: w.yaml\n',
      'w.yaml': 'period: 10d\nwaivers: []\n',
    });
    await expect(
      loadConfig(path.join(extra, 'touchpoint.config.yaml'), 'touchpoint.config.yaml'),
    ).rejects.toThrow('w.yaml: a waivers file holds only a waivers: list');
  });

  it('rejects a mapped metric without exactly one reading, and a regex alias that can backtrack', () => {
    const attempt = (): unknown =>
      parseConfigText(
        [
          'aliases:',
          '  "/(a+)+$/": welcome',
          'sources:',
          '  - match: "x.csv"',
          '    touchpoint: { id: csat-survey }',
          '    metrics:',
          '      - metric: csat',
          '      - metric: nps',
          '        value: Score',
          '        aggregate: { fn: mean, column: Score }',
          '',
        ].join('\n'),
        'touchpoint.config.yaml',
      );
    expect(attempt).toThrow(
      new InputError(
        [
          'invalid config',
          'touchpoint.config.yaml:7:9: a metric needs one of value, ratio or aggregate',
          'touchpoint.config.yaml:8:9: a metric takes one of value, ratio or aggregate, not value and aggregate',
          'touchpoint.config.yaml:2:3: the alias pattern /(a+)+$/: a quantified group holding a quantifier can backtrack for ever: write it without the nesting',
        ].join('\n'),
      ),
    );
  });

  it('suggests the key meant for a misspelt mapping key, with its position', () => {
    const attempt = (): unknown =>
      parseConfigText(
        'sources:\n  - match: "x.csv"\n    touchpoint: { id: csat-survey }\n    metrics:\n      - metric: csat\n        agregate: { fn: count }\n',
        'touchpoint.config.yaml',
      );
    expect(attempt).toThrow(/touchpoint\.config\.yaml:6:9: .*agregate.*aggregate/);
  });
});
