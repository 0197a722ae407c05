import { FindingsError } from '../errors.js';
import type { TouchpointError } from '../errors.js';
import type { Finding } from '../types.js';
import { findRule } from './index.js';
import { renderFinding } from './message.js';

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

/** The message of a user-facing error, with an invalid file's findings worded. */
export function userErrorMessage(error: TouchpointError): string {
  return error instanceof FindingsError ? renderFindingsError(error).message : error.message;
}
