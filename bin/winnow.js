#!/usr/bin/env node
// Calls main() and sets the exit code; nothing else. Never process.exit(): output may be buffered.
import { main } from "../dist/cli/main.js";

// Ctrl-C / SIGTERM ask the run to stop between documents and write its report; a second one
// ends the process at once (the default action), for a run stuck on a slow read.
const stop = new AbortController();
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.once(sig, () => {
    stop.abort(sig);
    process.once(sig, () => process.kill(process.pid, sig));
  });
}

process.exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  signal: stop.signal,
});
