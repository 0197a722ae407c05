import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import type { ChromiumSearch } from '../report.js';

/** The executable names a Chromium goes by on Linux distributions. */
export const CHROMIUM_NAMES = ['chromium', 'chromium-browser'] as const;

function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds a Chromium: `CHROMIUM_PATH` when it is set (and then nothing else, so a wrong setting is
 * noticed rather than papered over), otherwise `chromium` or `chromium-browser` on `PATH`.
 */
export function findChromium(env: Readonly<Record<string, string | undefined>>): ChromiumSearch {
  const explicit = env.CHROMIUM_PATH;
  if (explicit !== undefined && explicit !== '') {
    return isExecutableFile(explicit)
      ? { found: true, path: explicit, via: 'CHROMIUM_PATH' }
      : {
          found: false,
          via: 'CHROMIUM_PATH',
          tried: [explicit],
          searched: `CHROMIUM_PATH=${explicit} (not an executable file)`,
        };
  }
  const dirs = (env.PATH ?? '').split(path.delimiter).filter((dir) => dir !== '');
  for (const dir of dirs) {
    for (const name of CHROMIUM_NAMES) {
      const candidate = path.join(dir, name);
      if (isExecutableFile(candidate)) return { found: true, path: candidate, via: 'PATH' };
    }
  }
  return {
    found: false,
    via: 'PATH',
    tried: [...CHROMIUM_NAMES],
    searched: `${CHROMIUM_NAMES.join(', ')} on PATH; CHROMIUM_PATH unset`,
  };
}
