#!/usr/bin/env node
// Calls main() and sets the exit code; nothing else. Never process.exit(): output may be buffered.
import { main } from "../dist/cli/main.js";

process.exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
