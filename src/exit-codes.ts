/** Exit codes (DESIGN §6, README "Exit codes"): the one definition the CLI and errors use. */
export const EXIT_OK = 0;
/** Findings at or above `--fail-on` (the gate failed). */
export const EXIT_FAILED_GATE = 1;
/** The tool could not run: a usage error, an unreadable input, an internal error. */
export const EXIT_CANNOT_RUN = 2;
/** The conventional statuses of a process stopped by SIGINT, SIGTERM and SIGPIPE. */
export const EXIT_SIGNAL = { SIGINT: 130, SIGTERM: 143, SIGPIPE: 141 } as const;
