import os from 'node:os';
import { diagnose } from '../doctor/diagnose.js';
import { renderDiagnosis } from '../doctor/render-diagnosis.js';
import { userErrorMessage } from '../rules/loader-findings.js';
import type { DoctorFormat } from '../doctor/render-diagnosis.js';
import type { CliIo } from './io.js';
import { terminalWidth } from './terminal-width.js';

export interface DoctorOptions {
  config?: string;
  metrics?: string[];
  events?: string[];
  format: DoctorFormat;
}

/** `touchpoint doctor`: what the tool finds here, for a bug report. Always exit 0 once it ran. */
export async function runDoctor(
  inventory: string[],
  options: DoctorOptions,
  io: CliIo,
): Promise<void> {
  const diagnosis = await diagnose({
    inventory,
    ...(options.config !== undefined ? { config: options.config } : {}),
    ...(options.metrics !== undefined ? { metrics: options.metrics } : {}),
    ...(options.events !== undefined ? { events: options.events } : {}),
    cwd: io.cwd,
    env: io.env,
    errorMessage: userErrorMessage,
    runtime: {
      node: process.version,
      platform: process.platform,
      arch: process.arch,
      os: `${os.type()} ${os.release()}`,
    },
  });
  io.stdout.write(renderDiagnosis(diagnosis, options.format, terminalWidth(io)));
}
