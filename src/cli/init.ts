import path from 'node:path';
import { choices, WordedUsageError } from './worded-usage-error.js';
import type { CliIo } from './io.js';

const TEMPLATES = ['b2b-saas', 'b2c'] as const;

/** `touchpoint init [dir] --template NAME [--force]`. */
export async function runInit(
  dir: string,
  options: { template: string; force?: boolean },
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
  for (const file of written) io.stderr.write(`wrote ${path.relative(io.cwd, file) || file}\n`);
  io.stderr.write(
    `next: touchpoint validate${dir === '.' ? '' : ` ${dir}`} && touchpoint audit${dir === '.' ? '' : ` ${dir}`}\n`,
  );
}
