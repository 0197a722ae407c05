import { posix, win32 } from 'node:path';

/**
 * A file path as reporters print it: relative to `cwd` when it is absolute, with POSIX
 * separators, so reports do not depend on the machine they were made on. Relative paths
 * stay as given (only `\` becomes `/`); `-` (stdin) stays `-`. No file system access and no
 * `process.cwd()`: absolute paths are only ever resolved against the given `cwd`.
 */
export function reportPath(file: string, cwd: string): string {
  if (win32.isAbsolute(file) && /^(?:[a-zA-Z]:|\\\\)/.test(file)) {
    return win32.relative(cwd, file).replaceAll('\\', '/') || '.';
  }
  if (posix.isAbsolute(file)) {
    return posix.relative(cwd.replaceAll('\\', '/'), file) || '.';
  }
  return file.replaceAll('\\', '/');
}
