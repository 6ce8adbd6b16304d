/** The exit codes, decided in one place (src/cli/run.ts and main.ts), set only by bin/. */
export enum ExitCode {
  /** Everything went through (for `check`: nothing to remove). */
  Ok = 0,
  /** `check` found removable lines. */
  Found = 1,
  /** Errors: a bad option, or inputs that could not be read or written (the others were processed). */
  Error = 2,
}
