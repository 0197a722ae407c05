import { appendFile } from 'node:fs/promises';
import type { AuditReport } from '../report.js';
import { RULE_CATALOGUE } from '../rules/index.js';
import type { CliIo } from './io.js';
import type { Locale } from '../i18n/locale.js';

/** Appends the Markdown job summary to $GITHUB_STEP_SUMMARY (GitHub Actions). */
export async function appendStepSummary(
  report: AuditReport,
  io: CliIo,
  locale: Locale,
): Promise<void> {
  const file = io.env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  const { renderGithubSummary } = await import('../reporters/github.js');
  await appendFile(
    file,
    renderGithubSummary(report, {
      cwd: io.cwd,
      color: false,
      rules: RULE_CATALOGUE,
      explain: false,
      by: 'touchpoint',
      locale,
    }),
  );
}
