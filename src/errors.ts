import { EXIT_CANNOT_RUN } from './exit-codes.js';
import type { Finding } from './types.js';

/**
 * The one error path for user-facing failures: deep code throws one of these, and only
 * `main()` turns it into a message on stderr and an exit code.
 */
export class TouchpointError extends Error {
  readonly exitCode: number;
  /**
   * The UI string and facts the message was worded from, for the CLI to word it in the run's
   * language. Not enumerable: an error compares and prints by its message as before.
   */
  declare readonly wording: ErrorWording | undefined;
  constructor(message: string, exitCode: number = EXIT_CANNOT_RUN, wording?: ErrorWording) {
    super(message);
    this.name = new.target.name;
    this.exitCode = exitCode;
    if (wording !== undefined) Object.defineProperty(this, 'wording', { value: wording });
  }
}

/**
 * What an error's message is worded from: a UI string's key (src/i18n/ui-en.ts) and its facts;
 * `terms` fill placeholders with a noun (`config file`) or a wording of their own, each worded
 * in the same language. `inputError` and `usageError` (src/i18n/worded-error.ts) make them.
 */
export interface ErrorWording {
  readonly key: string;
  readonly data: Readonly<Record<string, string | number>>;
  readonly terms?: Readonly<Record<string, ErrorTerm>>;
  /** Lines under the first (an invalid file's problems), each worded the same way. */
  readonly lines?: readonly ErrorWording[];
}

/** A placeholder's words: a noun as code names it (looked up in the catalogues), or a wording. */
export type ErrorTerm = string | ErrorWording;

/** A bad flag or argument. */
export class UsageError extends TouchpointError {}

/** A file that could not be found, read or understood as a whole. */
export class InputError extends TouchpointError {}

/**
 * A file whose problems are findings (an invalid config), thrown by a layer that cannot word
 * them: the findings carry message ids and facts, and `renderFindingsError` (src/rules/) renders
 * their messages and the error's. Until then each line names the rule and message id.
 */
export class FindingsError extends InputError {
  readonly findings: readonly Finding[];
  /** The line above the findings (`invalid config`), if any. */
  readonly heading: string | undefined;
  constructor(findings: readonly Finding[], heading?: string) {
    super(findingsText(findings, heading));
    this.findings = findings;
    this.heading = heading;
  }
}

/** `heading`, then `file:line:column: message` for each finding in file order. */
function findingsText(findings: readonly Finding[], heading: string | undefined): string {
  const lines = [...findings]
    .sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column)
    .map(
      (f) =>
        `${f.location.file}:${String(f.location.line)}:${String(f.location.column)}: ${f.message === '' ? `(${f.rule} ${f.messageId})` : f.message}`,
    );
  return (heading === undefined ? lines : [heading, ...lines]).join('\n');
}
