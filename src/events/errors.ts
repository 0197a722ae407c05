import { InputError, UsageError } from '../errors.js';

/** What is wrong with the event files given, as facts the CLI can word for its flags. */
export type EventFilesProblem =
  | { kind: 'parquet-needs-duckdb'; file: string; noun: string }
  | { kind: 'logs-and-aggregates'; aggregates: string[]; logs: string[] }
  | { kind: 'accounts-with-aggregate'; accounts: string; aggregate: string };

/**
 * Event files the chosen engine cannot read, or not together. The message speaks of the files and the
 * engines, not of flags: the CLI words it for `--events`, `--engine` and `--accounts` from
 * `problem`.
 */
export class EventFilesError extends InputError {
  constructor(readonly problem: EventFilesProblem) {
    super(problemMessage(problem));
  }
}

/** What the DuckDB engine cannot do, as facts the CLI can word for its flags. */
export type EngineProblem =
  | { kind: 'duckdb-not-installed'; package: string }
  | { kind: 'csv-and-parquet'; csv: string[]; parquet: string[] };

/**
 * The DuckDB engine cannot run as asked. The message speaks of the engine, not of flags: the
 * CLI words it for `--engine` and `--events` from `problem`.
 */
export class EngineError extends UsageError {
  constructor(readonly problem: EngineProblem) {
    super(problemMessage(problem));
  }
}

function problemMessage(problem: EventFilesProblem | EngineProblem): string {
  switch (problem.kind) {
    case 'parquet-needs-duckdb':
      return `${problem.file}: Parquet ${problem.noun}s are read by the DuckDB engine, not the streaming one`;
    case 'logs-and-aggregates':
      return 'the event files are either raw event logs or one aggregate from touchpoint sql, not both';
    case 'accounts-with-aggregate':
      return `${problem.accounts}: an accounts file applies to raw event logs; ${problem.aggregate}, a touchpoint sql result, has it built in (touchpoint sql takes the accounts table)`;
    case 'duckdb-not-installed':
      return `the DuckDB engine needs the ${problem.package} package, which is not installed; add it with: npm install ${problem.package} (or use the built-in streaming engine)`;
    case 'csv-and-parquet':
      return 'the DuckDB engine reads either CSV or Parquet event files in one run, not both';
  }
}
