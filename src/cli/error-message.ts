import { AppendSourceError } from '../config/append-source.js';
import type { AppendSourceProblem } from '../config/append-source.js';
import type { TouchpointError } from '../errors.js';
import { EngineError, EventFilesError } from '../events/errors.js';
import type { EngineProblem, EventFilesProblem } from '../events/errors.js';
import { existingFiles, InitError } from '../init/init.js';
import { userErrorMessage } from '../rules/loader-findings.js';
import type { InitProblem } from '../init/init.js';

/** The problems whose way out is a flag of the CLI. */
type FlagProblem = EventFilesProblem | EngineProblem | AppendSourceProblem | InitProblem;

/** Each problem worded for the flags that fix it: one entry a kind, checked complete. */
const FLAG_WORDING: {
  [K in FlagProblem['kind']]: (problem: Extract<FlagProblem, { kind: K }>) => string;
} = {
  'parquet-needs-duckdb': ({ file, noun }) =>
    `${file}: Parquet ${noun}s are read by the DuckDB engine; add --engine duckdb`,
  'logs-and-aggregates': () =>
    'pass either raw event logs or one aggregate from touchpoint sql to --events, not both',
  'accounts-with-aggregate': () =>
    'an accounts file applies to raw event logs; a touchpoint sql result has it built in (give the accounts table to touchpoint sql with --accounts-table)',
  'duckdb-not-installed': ({ package: name }) =>
    `--engine duckdb needs the ${name} package, which is not installed; add it with: npm install ${name} (or drop --engine duckdb to use the built-in streaming engine)`,
  'csv-and-parquet': () =>
    '--events with --engine duckdb takes either CSV or Parquet files, not both',
  'match-exists': ({ file, match }) =>
    `${file} already has a sources: entry for "${match}": edit it, or remove it before --write`,
  'files-exist': ({ files }) =>
    `${existingFiles(files)}; use --force to overwrite (nothing was written)`,
};

/**
 * The line `main()` prints for a user-facing error. The library words its errors in its own
 * terms (engines, files, the config); where the way out is a flag, the flag is named here, from
 * the error's typed `problem`.
 */
export function cliErrorMessage(error: TouchpointError): string {
  if (
    error instanceof EventFilesError ||
    error instanceof EngineError ||
    error instanceof AppendSourceError ||
    error instanceof InitError
  ) {
    const { problem } = error;
    // TypeScript cannot pair a union's kind with its entry; FLAG_WORDING's type does.
    return (FLAG_WORDING[problem.kind] as (problem: FlagProblem) => string)(problem);
  }
  return userErrorMessage(error);
}
