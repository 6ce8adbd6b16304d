/** The exit codes, decided in one place (src/cli/run.ts and main.ts), set only by bin/. */
export enum ExitCode {
  /** Everything went through (for `check`: nothing to remove). */
  Ok = 0,
  /** `check` found removable lines. */
  Found = 1,
  /** Errors: a bad option, or inputs that could not be read or written (the others were processed). */
  Error = 2,
  /** Stopped by Ctrl-C (SIGINT): 128 + 2, what shells report for a process that died of SIGINT. */
  Interrupted = 130,
  /** Stopped by SIGTERM: 128 + 15, likewise. */
  Terminated = 143,
}
