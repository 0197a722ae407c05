import { renderFinding } from '../../src/rules/message.js';
import type { Report, Rule } from '../../src/rules/rule.js';

/** A report as the rule tests compare it: the rendered message instead of its id and data. */
export type RenderedReport = Omit<Report, 'messageId' | 'data'> & { message: string };

/** Renders each report's message from the rule's templates, as the engine does. */
export function renderReports(
  rule: Pick<Rule, 'meta'>,
  reports: readonly Report[],
): RenderedReport[] {
  return reports.map(({ messageId, data, ...rest }) => ({
    message: renderFinding({ rule: rule.meta.id, messageId, data }, rule.meta.messages),
    ...rest,
  }));
}

/** The message id and data of each report, for tests of the facts a rule hands over. */
export function factsOf(reports: readonly Report[]): Pick<Report, 'messageId' | 'data'>[] {
  return reports.map(({ messageId, data }) => ({ messageId, data }));
}
