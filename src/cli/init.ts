import path from 'node:path';
import { choices, WordedUsageError } from './worded-usage-error.js';
import type { CliIo } from './io.js';
import { createLocale } from '../i18n/locale.js';
import type { Lang } from '../i18n/lang.js';
import { resolveLang } from './locale.js';

const TEMPLATES = ['b2b-saas', 'b2c'] as const;

/** `touchpoint init [dir] --template NAME [--force]`. */
export async function runInit(
  dir: string,
  options: { template: string; force?: boolean; lang?: Lang },
  io: CliIo,
): Promise<void> {
  const template = TEMPLATES.find((name) => name === options.template);
  if (!template)
    throw new WordedUsageError('cli.unknownTemplate', {
      template: options.template,
      ...choices(TEMPLATES),
    });
  const { initProject } = await import('../init/init.js');
  const written = await initProject(path.resolve(io.cwd, dir), {
    template,
    force: options.force === true,
  });
  // --lang or the locale environment: the scaffold's own config is not there yet.
  const words = createLocale(resolveLang(options.lang, undefined, io.env));
  for (const file of written)
    io.stderr.write(`${words.text('init.wrote', { file: path.relative(io.cwd, file) || file })}\n`);
  const target = dir === '.' ? '' : ` ${dir}`;
  io.stderr.write(
    `${words.text('init.next', { command: `touchpoint validate${target} && touchpoint audit${target}` })}\n`,
  );
}
