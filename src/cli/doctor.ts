import os from 'node:os';
import { diagnose } from '../doctor/diagnose.js';
import { createLocale } from '../i18n/locale.js';
import type { Lang } from '../i18n/lang.js';
import { renderDiagnosis } from '../reporters/diagnosis.js';
import { wordedErrorMessage } from './error-message.js';
import type { DoctorFormat } from '../reporters/diagnosis.js';
import { resolveLang } from './locale.js';
import type { CliIo } from './io.js';
import { terminalWidth } from './terminal-width.js';

export interface DoctorOptions {
  config?: string;
  metrics?: string[];
  events?: string[];
  format: DoctorFormat;
  lang?: Lang;
}

/** `touchpoint doctor`: what the tool finds here, for a bug report. Always exit 0 once it ran. */
export async function runDoctor(
  inventory: string[],
  options: DoctorOptions,
  io: CliIo,
): Promise<void> {
  // --lang or the locale environment: the config is what doctor examines, not where it looks.
  const lang = resolveLang(options.lang, undefined, io.env);
  const diagnosis = await diagnose({
    inventory,
    ...(options.config !== undefined ? { config: options.config } : {}),
    ...(options.metrics !== undefined ? { metrics: options.metrics } : {}),
    ...(options.events !== undefined ? { events: options.events } : {}),
    cwd: io.cwd,
    env: io.env,
    errorMessage: (error) => wordedErrorMessage(error, lang),
    runtime: {
      node: process.version,
      platform: process.platform,
      arch: process.arch,
      os: `${os.type()} ${os.release()}`,
    },
  });
  const words = createLocale(lang);
  io.stdout.write(renderDiagnosis(diagnosis, options.format, terminalWidth(io), words));
}
