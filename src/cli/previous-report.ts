import path from 'node:path';
import { inputError } from '../i18n/worded-error.js';
import { maxInputBytes, readInputFile } from '../fs/read-input.js';
import type { AuditReport } from '../report.js';
import { getValidator } from '../schema/validators.js';
import type { CliIo } from './io.js';

/**
 * Reads a JSON report written by `touchpoint audit -f json` (`--compare`, `touchpoint diff`).
 * Anything else — not JSON, another tool's file, a report of another format version — is a
 * one-line error (exit 2) naming the file and the first thing wrong, never a wrong comparison.
 */
export async function readReportFile(file: string, io: CliIo, what: string): Promise<AuditReport> {
  const bytes = await readInputFile(path.resolve(io.cwd, file), file, what, maxInputBytes(io.env));
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8').decode(bytes)) as unknown;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw inputError('err.notJson', { file, why }, { what });
  }
  const validate = getValidator('report');
  if (!validate(data)) {
    const first = validate.errors?.[0];
    const where = first?.instancePath === '' || first === undefined ? '/' : first.instancePath;
    throw inputError('err.notReport', { file, where, why: first?.message ?? 'invalid' }, { what });
  }
  return data as AuditReport;
}
