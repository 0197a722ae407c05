import { AppendSourceError } from '../config/append-source.js';
import type { AppendSourceProblem } from '../config/append-source.js';
import type { TouchpointError } from '../errors.js';
import { EngineError, EventFilesError } from '../events/errors.js';
import type { EngineProblem, EventFilesProblem } from '../events/errors.js';
import type { Lang } from '../i18n/lang.js';
import { wording, wordingIn } from '../i18n/worded-error.js';
import type { ErrorWording } from '../errors.js';
import { InitError } from '../init/init.js';
import { userErrorMessage } from '../rules/loader-findings.js';
import type { InitProblem } from '../init/init.js';

/** The problems whose way out is a flag of the CLI. */
type FlagProblem = EventFilesProblem | EngineProblem | AppendSourceProblem | InitProblem;

/** Each problem worded for the flags that fix it: one entry a kind, checked complete. */
const FLAG_WORDING: {
  [K in FlagProblem['kind']]: (problem: Extract<FlagProblem, { kind: K }>) => ErrorWording;
} = {
  'parquet-needs-duckdb': ({ file, noun }) => wording('err.parquetNeedsDuckdb', { file }, { noun }),
  'logs-and-aggregates': () => wording('err.logsAndAggregates'),
  'accounts-with-aggregate': () => wording('err.accountsWithAggregate'),
  'duckdb-not-installed': ({ package: name }) =>
    wording('err.duckdbNotInstalled', { package: name }),
  'csv-and-parquet': () => wording('err.csvAndParquet'),
  'match-exists': ({ file, match }) => wording('err.matchExists', { file, match }),
  'files-exist': ({ files }) =>
    wording(files.length === 1 ? 'err.filesExistOne' : 'err.filesExistMany', {
      files: files.join(', '),
    }),
};

/**
 * The line `main()` prints for a user-facing error, in `lang`. The library words its errors in
 * its own terms (engines, files, the config); where the way out is a flag, the flag is named
 * here, from the error's typed `problem`. An error worded from a UI string (its `wording`) is
 * worded again in `lang`; an invalid file's findings get their messages in `lang`.
 */
export function cliErrorMessage(error: TouchpointError, lang: Lang = 'en'): string {
  if (
    error instanceof EventFilesError ||
    error instanceof EngineError ||
    error instanceof AppendSourceError ||
    error instanceof InitError
  ) {
    const { problem } = error;
    // TypeScript cannot pair a union's kind with its entry; FLAG_WORDING's type does.
    const worded = (FLAG_WORDING[problem.kind] as (problem: FlagProblem) => ErrorWording)(problem);
    return wordingIn(lang, worded) ?? error.message;
  }
  return wordedErrorMessage(error, lang);
}

/** A library error's message in `lang`: from its `wording`, or its findings' templates. */
export function wordedErrorMessage(error: TouchpointError, lang: Lang): string {
  if (error.wording !== undefined && lang !== 'en')
    return wordingIn(lang, error.wording) ?? error.message;
  return userErrorMessage(error, lang);
}
