import { describe, expect, it } from 'vitest';
import { entry, HEADER, validateText } from '../helpers/validate-text.js';

// Line 8 is the first touchpoint entry in HEADER + entry(); field lines follow in order:
// 8 id, 9 stage, 10 purpose, 11 channel, 12 owner, 13 timing, 14 metric.
describe('inventory validation', () => {
  it('accepts a valid inventory with no findings', () => {
    expect(validateText(HEADER + entry())).toEqual([]);
  });

  const invalid: { name: string; text: string; findings: string[] }[] = [
    {
      name: 'missing purpose',
      text: HEADER + entry({ purpose: '' }),
      findings: ["8:5 schema/invalid touchpoint 'welcome-email' has no purpose"],
    },
    {
      name: 'missing channel',
      text: HEADER + entry({ channel: '' }),
      findings: ["8:5 schema/invalid touchpoint 'welcome-email' has no channel"],
    },
    {
      name: 'missing timing',
      text: HEADER + entry({ timing: '' }),
      findings: ["8:5 schema/invalid touchpoint 'welcome-email' has no timing"],
    },
    {
      name: 'missing metric',
      text: HEADER + entry({ metric: '' }),
      findings: ["8:5 schema/invalid touchpoint 'welcome-email' has no metric"],
    },
    {
      name: 'metric without target',
      text: HEADER + entry({ metric: '{ name: open_rate }' }),
      findings: ["14:5 schema/invalid metric of touchpoint 'welcome-email' has no target"],
    },
    {
      name: 'unreadable target',
      text: HEADER + entry({ metric: '{ name: open_rate, target: lots }' }),
      findings: [
        `14:40 schema/invalid metric target of touchpoint 'welcome-email' is 'lots': write a comparison and a number such as ">= 0.9", "<= 4", "90%" or "<= 1h", or a map of segments to such targets`,
      ],
    },
    {
      name: 'an unknown segment in a per-segment target, with a suggestion',
      text:
        HEADER +
        entry({
          metric:
            '{ name: reply_hours, unit: hours, target: { enterprse: "<= 1h", default: "<= 2d" } }',
        }),
      findings: [
        "14:57 schema/unknown-reference target segment 'enterprse' of touchpoint 'welcome-email' is not in the inventory's segments — did you mean 'enterprise'?",
      ],
    },
    {
      name: 'an unreadable per-segment target, at its value',
      text: HEADER + entry({ metric: '{ name: open_rate, target: { smb: soon } }' }),
      findings: [
        `14:47 schema/invalid target 'smb' of touchpoint 'welcome-email' is 'soon': write a comparison and a number such as ">= 0.9", "<= 4", "90%" or "<= 1h", or a map of segments to such targets`,
      ],
    },
    {
      name: 'an empty per-segment target map',
      text: HEADER + entry({ metric: '{ name: open_rate, target: {} }' }),
      findings: [
        `14:40 schema/invalid metric target of touchpoint 'welcome-email' is {}: write a comparison and a number such as ">= 0.9", "<= 4", "90%" or "<= 1h", or a map of segments to such targets`,
      ],
    },
    {
      name: 'a duration target without a time unit',
      text: HEADER + entry({ metric: '{ name: reply, target: { smb: "<= 3h" } }' }),
      findings: [
        "14:5 schema/invalid metric of touchpoint 'welcome-email' has a duration target, which needs unit: seconds, minutes, hours or days to convert it to",
      ],
    },
    {
      name: 'a duration target on a ratio metric',
      text: HEADER + entry({ metric: '{ name: reply, target: "<= 3h", unit: ratio }' }),
      findings: [
        "14:51 schema/invalid metric.unit of touchpoint 'welcome-email' is 'ratio', but its target is a duration, which needs unit: seconds, minutes, hours or days",
      ],
    },
    {
      name: 'missing owner is left to the ownerless family',
      text: HEADER + entry({ owner: '' }),
      findings: ["8:5 ownerless/missing-owner 'welcome-email' has no owner"],
    },
    {
      name: 'an empty owner once, by the ownerless family',
      text: HEADER + entry({ owner: '~' }),
      findings: ["12:5 ownerless/missing-owner 'welcome-email' has no owner"],
    },
    {
      name: 'a placeholder owner once, by the ownerless family',
      text: HEADER + entry({ owner: 'TBD' }),
      findings: ["12:5 ownerless/placeholder-owner 'welcome-email' has a placeholder owner 'TBD'"],
    },
    {
      name: 'an unknown owner once, by the ownerless family',
      text: HEADER + entry({ owner: 'cx' }),
      findings: [
        "12:5 ownerless/unknown-owner owner 'cx' of 'welcome-email' is not in the owners roster; did you mean 'cs'?",
      ],
    },
    {
      name: 'unknown key with suggestion',
      text: HEADER + entry({ chanel: 'email' }),
      findings: [
        "15:5 schema/unknown-key unknown key 'chanel' in touchpoint 'welcome-email' — did you mean 'channel'?",
      ],
    },
    {
      name: 'unknown key without suggestion',
      text: HEADER + entry({ budget: '5000' }),
      findings: [
        "15:5 schema/unknown-key unknown key 'budget' in touchpoint 'welcome-email' (custom data goes under meta:)",
      ],
    },
    {
      name: 'unknown key inside a flow mapping',
      text: HEADER + entry({ timing: '{ anchor: go-live, at: 1d, evry: 1mo }' }),
      findings: [
        "13:40 schema/unknown-key unknown key 'evry' in timing of touchpoint 'welcome-email' — did you mean 'every'?",
      ],
    },
    {
      name: 'duplicate id',
      text: HEADER + entry() + entry({ purpose: 'A second welcome that repeats the first one.' }),
      findings: [
        "15:9 schema/duplicate-id touchpoint id 'welcome-email' is used twice (first at inventory.yaml:8)",
      ],
    },
    {
      name: 'unknown stage',
      text: HEADER + entry({ stage: 'onbording' }),
      findings: [
        "9:5 schema/unknown-reference stage 'onbording' of touchpoint 'welcome-email' is not a stage of the b2b-saas journey — did you mean 'onboarding'?",
      ],
    },
    {
      name: 'unknown channel',
      text: HEADER + entry({ channel: 'fax' }),
      findings: [
        "11:5 schema/unknown-reference channel 'fax' of touchpoint 'welcome-email' is not a known channel (add custom channels under channels: in the config)",
      ],
    },
    {
      name: 'unknown segment',
      text: HEADER + entry({ segments: '[enterprize]' }),
      findings: [
        "15:5 schema/unknown-reference segment 'enterprize' of touchpoint 'welcome-email' is not in the inventory's segments — did you mean 'enterprise'?",
      ],
    },
    {
      name: 'unknown anchor inside a flow mapping',
      text: HEADER + entry({ timing: '{ anchor: golive, at: 1d }' }),
      findings: [
        "13:15 schema/unknown-reference anchor 'golive' of touchpoint 'welcome-email' is not a lifecycle event — did you mean 'go-live'?",
      ],
    },
    {
      name: 'unknown until anchor',
      text: HEADER + entry({ timing: '{ anchor: go-live, at: 1d, every: 1mo, until: renewl }' }),
      findings: [
        "13:52 schema/unknown-reference until 'renewl' of touchpoint 'welcome-email' is neither a lifecycle event nor a duration — did you mean 'renewal'?",
      ],
    },
    {
      name: 'bad duration',
      text: HEADER + entry({ timing: '{ anchor: go-live, at: 3 days }' }),
      findings: [
        "13:36 schema/invalid timing.at of touchpoint 'welcome-email' is '3 days', which is not valid: use an integer and a unit such as 3d, -90d, 2w, 3mo, 1y, 4h, or P3M, or a window such as 2d..3d",
      ],
    },
    {
      name: 'window ending before it starts',
      text: HEADER + entry({ timing: '{ anchor: go-live, at: 3d..2d }' }),
      findings: [
        `13:36 schema/invalid timing.at of touchpoint 'welcome-email' is "3d..2d": a window ends after it starts (2d..3d)`,
      ],
    },
    {
      name: 'reactive timing with a scheduled key',
      text: HEADER + entry({ timing: '{ trigger: signup, at: 1d }' }),
      findings: [
        "13:32 schema/invalid 'at' does not belong in the timing of touchpoint 'welcome-email': a reactive timing takes only trigger and sla",
      ],
    },
    {
      name: 'scheduled timing without an offset',
      text: HEADER + entry({ timing: '{ anchor: go-live }' }),
      findings: ["13:5 schema/invalid timing of touchpoint 'welcome-email' has no at"],
    },
    {
      name: 'always-on timing must be true',
      text: HEADER + entry({ timing: '{ continuous: false }' }),
      findings: [
        "13:27 schema/invalid timing.continuous of touchpoint 'welcome-email' is false: it must be true",
      ],
    },
    {
      name: 'vague purpose: placeholder',
      text: HEADER + entry({ purpose: 'TBD' }),
      findings: [
        "10:5 schema/vague-purpose purpose of touchpoint 'welcome-email' is a placeholder ('TBD'): write a sentence saying what it is for",
      ],
    },
    {
      name: 'vague purpose: one word',
      text: HEADER + entry({ purpose: 'Onboarding' }),
      findings: [
        "10:5 schema/vague-purpose purpose of touchpoint 'welcome-email' is too short ('Onboarding'): write a sentence saying what it is for",
      ],
    },
    {
      name: 'vague purpose: empty string',
      text: HEADER + entry({ purpose: '""' }),
      findings: [
        "10:5 schema/vague-purpose purpose of touchpoint 'welcome-email' is empty: write a sentence saying what it is for",
      ],
    },
    {
      name: 'enum with suggestion',
      text: HEADER + entry({ type: 'humn' }),
      findings: [
        "15:11 schema/invalid type of touchpoint 'welcome-email' is 'humn': expected one of human, digital, product, administrative — did you mean 'human'?",
      ],
    },
    {
      name: 'wrong type',
      text: HEADER + entry({ segments: 'enterprise' }),
      findings: ["15:15 schema/invalid segments of touchpoint 'welcome-email' must be a list"],
    },
    {
      name: 'bad journey preset',
      text: HEADER.replace('journey: b2b-saas', 'journey: b2b') + entry(),
      findings: [
        "2:10 schema/invalid journey is 'b2b': use a preset (b2b-saas, b2c) or a list of stage ids",
      ],
    },
    {
      name: 'unsupported version',
      text: HEADER.replace('version: 1', 'version: 2') + entry(),
      findings: ['1:10 schema/invalid version of the inventory is 2: it must be 1'],
    },
  ];

  for (const { name, text, findings } of invalid) {
    it(`reports ${name}`, () => {
      expect(validateText(text)).toEqual(findings);
    });
  }

  it('accepts per-segment targets with a default, and duration targets', () => {
    const text =
      HEADER +
      entry({
        metric:
          '{ name: reply_hours, unit: hours, target: { enterprise: "<= 1h", smb: "<= 24h", default: "<= 48h" } }',
      });
    expect(validateText(text)).toEqual([]);
  });

  it('accepts an explicit journey, ISO durations and a percent target', () => {
    const text =
      HEADER.replace('journey: b2b-saas', 'journey: [discover, buy, use]') +
      entry({
        stage: 'use',
        timing: '{ anchor: go-live, at: P1W, every: P3M, until: renewal }',
        metric: '{ name: csat, target: "90%", unit: percent }',
      });
    expect(validateText(text)).toEqual([]);
  });
});
