import { FindingsError } from '../errors.js';
import type { TouchpointError } from '../errors.js';
import type { Finding } from '../types.js';
import { findRule } from './index.js';
import { renderFinding } from './message.js';
import { findingMessageIn } from './translate-finding.js';
import type { Lang } from '../i18n/lang.js';
import { termIn } from '../i18n/worded-error.js';

/**
 * The findings the pipeline stages make outside the rules (the YAML parser, the schema
 * translator, the inventory and config loaders, the timeline step) carry a message id and
 * facts; this renders each one's English message from its rule's `meta.messages`. A rule or
 * message id without a template is a bug, so it throws rather than print an empty message.
 */
export function renderLoaderFindings(findings: readonly Finding[]): Finding[] {
  return findings.map((finding) => {
    const rule = findRule(finding.rule);
    if (rule === undefined) throw new Error(`no rule ${finding.rule} to word a finding`);
    return { ...finding, message: renderFinding(finding, rule.meta.messages) };
  });
}

/** An invalid file's error with its findings' messages rendered, and so its own message. */
export function renderFindingsError(error: FindingsError): FindingsError {
  return new FindingsError(renderLoaderFindings(error.findings), error.heading);
}

/**
 * The message of a user-facing error, with an invalid file's findings worded: in English from
 * the rules' templates, in another language from their translated templates (and its heading,
 * `invalid config`, too).
 */
export function userErrorMessage(error: TouchpointError, lang: Lang = 'en'): string {
  if (!(error instanceof FindingsError)) return error.message;
  const english = renderLoaderFindings(error.findings);
  if (lang === 'en') return new FindingsError(english, error.heading).message;
  const message = findingMessageIn(lang);
  return new FindingsError(
    english.map((finding) => ({ ...finding, message: message(finding) })),
    error.heading === undefined ? undefined : termIn(lang, error.heading),
  ).message;
}
