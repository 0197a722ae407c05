import { EXIT_CANNOT_RUN } from './exit-codes.js';

/**
 * The one error path for user-facing failures: deep code throws one of these, and only
 * `main()` turns it into a message on stderr and an exit code.
 */
export class TouchpointError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number = EXIT_CANNOT_RUN) {
    super(message);
    this.name = new.target.name;
    this.exitCode = exitCode;
  }
}

/** A bad flag or argument. */
export class UsageError extends TouchpointError {}

/** A file that could not be found, read or understood as a whole. */
export class InputError extends TouchpointError {}
