import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/config.js';
// The library's loaders: they word the findings' messages from the rule catalogue.
import { parseConfigText } from '../../src/index.js';
import { auditLoaded } from '../../src/audit.js';
import { durationRangeProblem, MAX_DURATION_DAYS } from '../../src/inventory/duration.js';
import { expandTimeline, MAX_RECURRENCES_TOTAL } from '../../src/timeline/expand.js';
import { entry, HEADER, loadText, validateText } from '../helpers/validate-text.js';

describe('duration ranges (README "Security and limits")', () => {
  it('knows each range', () => {
    expect(MAX_DURATION_DAYS).toBe(36_500);
    expect(durationRangeProblem(-36_500, 'offset')).toBeUndefined();
    expect(durationRangeProblem(36_501, 'offset')).toBe('must be between -100y and 100y');
    expect(durationRangeProblem(0, 'positive')).toBe('must be more than 0 and at most 100y');
    expect(durationRangeProblem(0, 'length')).toBeUndefined();
    expect(durationRangeProblem(-1, 'length')).toBe('must be between 0 and 100y');
    expect(durationRangeProblem(Infinity, 'offset')).toBe('must be between -100y and 100y');
  });

  it('reports absurd timings at their value and keeps them off the timeline', () => {
    const text =
      HEADER +
      entry({ id: 'zero', timing: '{ anchor: go-live, at: 1d, every: 0d }' }) +
      entry({ id: 'negative', timing: '{ anchor: go-live, at: 1d, every: -3d }' }) +
      entry({ id: 'digits', timing: `{ anchor: go-live, at: ${'9'.repeat(400)}d }` }) +
      entry({ id: 'far', timing: '{ anchor: go-live, at: 99999999d, until: 999y }' }) +
      entry({ id: 'late', timing: '{ anchor: go-live, at: 1d, every: 1d, until: 101y }' });
    expect(validateText(text)).toEqual([
      '13:47 schema/invalid timing.every of touchpoint \'zero\' is "0d": a duration here must be more than 0 and at most 100y',
      '20:47 schema/invalid timing.every of touchpoint \'negative\' is "-3d": a duration here must be more than 0 and at most 100y',
      `27:36 schema/invalid timing.at of touchpoint 'digits' is "${'9'.repeat(40)}…": a duration here must be between -100y and 100y`,
      '34:36 schema/invalid timing.at of touchpoint \'far\' is "99999999d": a duration here must be between -100y and 100y',
      '41:58 schema/invalid timing.until of touchpoint \'late\' is "101y": a duration here must be between -100y and 100y',
    ]);
    const { inventory } = loadText(text);
    const byId = Object.fromEntries(inventory.touchpoints.map((t) => [t.id, t.timing]));
    expect(byId.zero).toEqual({ kind: 'scheduled', anchor: 'go-live', at: 1 });
    expect(byId.digits).toBeUndefined();
    expect(byId.late).toEqual({ kind: 'scheduled', anchor: 'go-live', at: 1, every: 1 });
  });

  it('reports a lifecycle event out of range and leaves it off the timeline', () => {
    const text =
      HEADER.replace('renewal: 365d', 'renewal: 99999999y') +
      entry({ timing: '{ anchor: renewal, at: 1d }' });
    expect(validateText(text)).toEqual([
      '4:57 schema/invalid lifecycle event \'renewal\' is "99999999y": a duration here must be between -100y and 100y',
    ]);
    const { inventory } = loadText(text);
    const timeline = expandTimeline(inventory, defaultConfig());
    expect(timeline.horizon).toBe(365);
    expect([...timeline.segments.values()].flat()).toEqual([]);
  });

  it('refuses config durations out of range with their positions', () => {
    const config = [
      'horizon: P999999999Y',
      'period: 99999999y',
      'density: { window: 0d, segments: { smb: { max: 2, window: -1d } } }',
      'silence: { max: 45d, channels: { email: 101y } }',
      'collision: { window: 1d }',
      '',
    ].join('\n');
    expect(() => parseConfigText(config, 'c.yaml')).toThrow(
      [
        'invalid config',
        'c.yaml:1:10: horizon is "P999999999Y": a duration here must be more than 0 and at most 100y',
        'c.yaml:2:9: period is "99999999y": a duration here must be more than 0 and at most 100y',
        'c.yaml:3:20: density.window is "0d": a duration here must be more than 0 and at most 100y',
        'c.yaml:3:59: density.segments.smb.window is "-1d": a duration here must be more than 0 and at most 100y',
        'c.yaml:4:41: silence.channels.email is "101y": a duration here must be between 0 and 100y',
      ].join('\n'),
    );
    expect(parseConfigText('horizon: 100y\nperiod: 1d\n', 'c.yaml').horizon).toBe(36_500);
  });
});

describe('recurrence fan-out cap', () => {
  it('counts every segment a recurrence lands in, and reports each touchpoint it cut', () => {
    const segments = Array.from({ length: 200 }, (_, i) => `s${i}`);
    let text = HEADER.replace('segments: [enterprise, smb]', `segments: [${segments.join(', ')}]`);
    text = text.replace('renewal: 365d', 'renewal: 100y');
    for (let i = 0; i < 20; i++) {
      text += entry({
        id: `daily-${String(i).padStart(2, '0')}`,
        timing: '{ anchor: go-live, at: 1d, every: 1d }',
      });
    }
    const loaded = loadText(text);
    const timeline = expandTimeline(loaded.inventory, defaultConfig());
    const slots = [...timeline.segments.values()].reduce((sum, list) => sum + list.length, 0);
    // First occurrences are always kept; recurrences stop at the total cap.
    expect(slots).toBeLessThanOrEqual(MAX_RECURRENCES_TOTAL + 20 * 200);
    expect(timeline.truncated).toHaveLength(20);
    const report = auditLoaded({ loaded, config: defaultConfig(), asOf: '2026-11-15' });
    const cut = report.findings.filter((f) => f.message.includes('was cut short'));
    expect(cut.map((f) => `${f.location.line}:${f.location.column} ${f.touchpoint}`)).toEqual(
      Array.from({ length: 20 }, (_, i) => `${13 + 7 * i}:40 daily-${String(i).padStart(2, '0')}`),
    );
    expect(cut[0]?.message).toBe(
      "the recurrence of touchpoint 'daily-00' was cut short: the timeline holds at most 10,000 occurrences per touchpoint and 250,000 recurrences (counted per segment) in all; use a longer every: or an until:",
    );
  });
});
