import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/schema/unknown-reference.js';
import { entry, HEADER, validateText } from '../../helpers/validate-text.js';

describe('schema/unknown-reference', () => {
  it('is an error of the validate phase', () => {
    expect(rule.meta.id).toBe('schema/unknown-reference');
    expect(rule.meta.defaultSeverity).toBe('error');
    expect(rule.phase).toBe('validate');
  });

  it('reports a stage outside the journey, with a suggestion', () => {
    expect(validateText(HEADER + entry({ stage: 'onbording' }))).toEqual([
      "9:5 schema/unknown-reference stage 'onbording' of touchpoint 'welcome-email' is not a stage of the b2b-saas journey — did you mean 'onboarding'?",
    ]);
  });

  it('reports an unknown channel, and accepts a known one', () => {
    expect(validateText(HEADER + entry({ channel: 'fax' }))).toEqual([
      "11:5 schema/unknown-reference channel 'fax' of touchpoint 'welcome-email' is not a known channel (add custom channels under channels: in the config)",
    ]);
    expect(validateText(HEADER + entry({ channel: 'in-app' }))).toEqual([]);
  });

  it('reports an excludes id that is no touchpoint, with a suggestion', () => {
    const text =
      HEADER +
      entry({ excludes: '[setup-help-emial, ghost]', when: 'no-site' }) +
      entry({ id: 'setup-help-email' });
    expect(validateText(text)).toEqual([
      "15:5 schema/unknown-reference excludes of touchpoint 'welcome-email' names 'ghost', which is not a touchpoint of the inventory",
      "15:5 schema/unknown-reference excludes of touchpoint 'welcome-email' names 'setup-help-emial', which is not a touchpoint of the inventory — did you mean 'setup-help-email'?",
    ]);
  });

  it('reports exclusive ids that are neither touchpoints nor when: labels, at the item', () => {
    const text =
      HEADER.replace(
        'touchpoints:\n',
        'exclusive:\n  - [welcome-email, no-site]\n  - [welcome-emial, setup-help]\ntouchpoints:\n',
      ) + entry({ when: 'no-site' });
    expect(validateText(text)).toEqual([
      "9:6 schema/unknown-reference exclusive group 2 names 'welcome-emial', which is neither a touchpoint id nor a when: label — did you mean 'welcome-email'?",
      "9:21 schema/unknown-reference exclusive group 2 names 'setup-help', which is neither a touchpoint id nor a when: label",
    ]);
  });

  it('reports a scope stage outside the journey, and a journey stage applying to an unknown segment', () => {
    const scoped = HEADER.replace(
      'touchpoints:\n',
      'scope: { stages: [onboarding, renewl] }\ntouchpoints:\n',
    );
    expect(validateText(scoped + entry())).toEqual([
      "7:31 schema/unknown-reference scope stage 'renewl' is not a stage of the journey — did you mean 'renewal'?",
    ]);
    const journey = HEADER.replace(
      'journey: b2b-saas',
      'journey: [{ id: trial, segments: [trail] }, onboarding]',
    ).replace('segments: [enterprise, smb]', 'segments: [trial, enterprise]');
    expect(validateText(journey + entry())).toEqual([
      "2:35 schema/unknown-reference journey stage 'trial' applies to segment 'trail', which is not in the inventory's segments — did you mean 'trial'?",
    ]);
  });
});
