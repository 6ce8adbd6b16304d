import { Command, CommanderError, Option } from "commander";
import { createRequire } from "node:module";
import { toConfig, toLearnConfig, UsageError, type RawOptions } from "./config.js";
import { learn } from "./corpus.js";
import { ExitCode } from "./exit.js";
import { run } from "./run.js";
import type { Streams } from "./terminal.js";

const { version } = createRequire(import.meta.url)("../../package.json") as { version: string };

/** Help is wrapped at a fixed width so that it reads the same everywhere (and in its golden file). */
const HELP_WIDTH = 100;

const EXIT_HELP = `
Exit codes:
  0    done (check: nothing to remove)
  1    check: removable lines found
  2    errors: a bad option, or inputs that could not be read or written (the others were processed)
  130  interrupted by Ctrl-C (SIGINT); 143 by SIGTERM. Finished outputs are complete; the report
       says where the run stopped`;

/** How inputs are read: shared by clean, check and learn. */
function readingOptions(cmd: Command): Command {
  return cmd
    .option("--format <format>", "input format, instead of the extension's (text, jsonl); stdin is sniffed")
    .option("--text-field <name>", "JSONL field holding the text", "text")
    .option("--id-field <name>", "JSONL field holding the document id (else file:line)", "id")
    .option("--site-field <name>", "JSONL field whose URL host is the site", "url")
    .option("--encoding <name>", "read inputs in this encoding (e.g. windows-1252, koi8-r, gb18030) instead of detecting it")
    .option("--max-doc-bytes <n>", "skip and report a text file or JSONL line larger than this (K, M, G: KiB, MiB, GiB)", "64M");
}

/** How documents are cleaned and reported: clean and check. */
function inputOptions(cmd: Command): Command {
  return readingOptions(cmd)
    .addOption(new Option("--mode <mode>", "how eager to remove: precise (cleanest output), balanced, recall (keeps the most text)").choices(["precise", "balanced", "recall"]).default("balanced"))
    .option("--lang <code>", "force the language (ISO 639-1 or 639-3) instead of detecting it")
    .option("--report <file>", "write a JSON report: totals, removals by reason, language and site, per document")
    .option("--removed <file>", "write every removed line as JSONL (id, path, line, detector, reason, text)")
    .option("-j, --jobs <n>", "threads cleaning documents; the output is the same for any number (default: one per core)")
    .addOption(new Option("--on-error <action>", "a malformed JSONL line: skip it, or pass it through unchanged").choices(["skip", "pass"]).default("skip"))
    .option("-q, --quiet", "no summary on stderr");
}

/** Corpus-level cleaning (docs/corpus.md): options of clean and check. */
function corpusOptions(cmd: Command): Command {
  return cmd
    .option("--corpus", "clean across documents: --site-boilerplate and --dedup-pages (reads the inputs up to three times)")
    .option("--site-boilerplate", "remove lines a site repeats on many of its pages (learned from the inputs first)")
    .option("--no-site-boilerplate", "with --corpus: keep them")
    .option("--profile <file>", "site statistics from `winnow learn` instead of learning them (implies --site-boilerplate)")
    .option("--dedup-pages", "leave out duplicate pages (exact, near-duplicate or contained copies) but the first by id")
    .option("--no-dedup-pages", "with --corpus: keep them")
    .option("--near-dup <j>", "Jaccard similarity from which two pages are duplicates (0 to 1)", "0.8")
    .option("--containment <c>", "share of a page inside a kept page from which it is a copy (0 to 1, 0 = off)", "0.9")
    .option("--cross-doc-paragraphs", "drop long paragraphs already kept on another page")
    .option("--prefer-date <field>", "of duplicate pages keep the one with the earliest date in this JSONL field, not the smallest id");
}

/**
 * The command line: parses `argv` (without node and the script), runs, and returns the exit code.
 * Never calls process.exit; bin/winnow.js sets process.exitCode from what this returns.
 */
export async function main(argv: readonly string[], streams: Streams): Promise<ExitCode> {
  let code: ExitCode = ExitCode.Ok;
  // A reader that went away (`winnow --help | head -1`) is no error of ours. Help and version text is
  // written outside the output sinks, which handle this for cleaned text; without a listener, EPIPE
  // would end the process with a stack trace.
  streams.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code !== "EPIPE") streams.stderr.write(`winnow: cannot write to standard output: ${err.message}\n`);
  });
  const program = new Command("winnow")
    .description("Turn scraped, multilingual news text into clean article text.")
    .version(version, "-V, --version")
    .showHelpAfterError("(run with --help for usage)")
    .configureHelp({ helpWidth: HELP_WIDTH, sortOptions: false })
    .configureOutput({
      writeOut: (s) => void streams.stdout.write(s),
      writeErr: (s) => void streams.stderr.write(s),
    })
    .exitOverride()
    .addHelpText("after", EXIT_HELP);

  const execute = (command: "clean" | "check") => async (inputs: string[], raw: RawOptions) => {
    code = await run(toConfig(command, inputs, raw), streams, version);
  };

  corpusOptions(inputOptions(
    program
      .command("clean")
      .description("clean documents and write the kept text (to stdout, or mirrored under -o DIR)")
      .argument("[inputs...]", "files, directories, globs, or - for stdin (the default)")
      .option("-o, --output <dir>", "write one cleaned file per input at the same relative path under DIR")
      .option("--explain", "print every line with its decision, detector, reason and score instead of the text")
      .option("--resume", "with -o: skip inputs whose output is already complete and up to date (finish an interrupted run)"),
  ))
    .addHelpText("after", `
Examples:
  cat page.txt | winnow clean > page.clean.txt
  winnow clean dumps/ -o clean/ --report report.json --removed removed.jsonl
  winnow clean shard.jsonl.gz --text-field body > shard.clean.jsonl`)
    .action(execute("clean"));

  corpusOptions(inputOptions(
    program
      .command("check")
      .description("list removable lines like a linter (path:line: detector/reason: text); writes nothing")
      .argument("[inputs...]", "files, directories, globs, or - for stdin (the default)")
      .option("--max-removed-ratio <r>", "tolerate documents with up to this share of removable lines (0 to 1)"),
  ))
    .addHelpText("after", `
Exits 1 when any document has removable lines (above --max-removed-ratio), 0 when clean, 2 on errors.`)
    .action(execute("check"));

  readingOptions(
    program
      .command("learn")
      .description("write the site statistics of the inputs to a profile for `clean --profile` (or merge profiles)")
      .argument("[inputs...]", "files, directories, globs, or - for stdin (the default); with --merge, profiles")
      .requiredOption("-o, --output <file>", "the profile to write")
      .option("--merge", "merge the profiles given as inputs (learned from shards) into one"),
  )
    .option("-q, --quiet", "no summary on stderr")
    .addHelpText("after", `
Examples:
  zcat dump.jsonl.gz | winnow learn -o site.profile && zcat dump.jsonl.gz | winnow clean --profile site.profile
  winnow learn --merge shard-*.profile -o all.profile`)
    .action(async (inputs: string[], raw: RawOptions) => {
      code = await learn(toLearnConfig(inputs, raw), streams);
    });

  for (const cmd of program.commands) cmd.exitOverride().configureHelp({ helpWidth: HELP_WIDTH, sortOptions: false });

  try {
    await program.parseAsync([...argv], { from: "user" });
    if (argv.length === 0) {
      streams.stderr.write(program.helpInformation());
      return ExitCode.Error;
    }
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here with exit code 0; usage mistakes were already printed.
      return err.exitCode === 0 ? ExitCode.Ok : ExitCode.Error;
    }
    if (err instanceof UsageError) {
      streams.stderr.write(`winnow: ${err.message}\n`);
      return ExitCode.Error;
    }
    const e = err as NodeJS.ErrnoException;
    if (e?.code && typeof e.code === "string" && e.code.startsWith("E")) {
      // A system error outside any one input (the report file, the output directory): no stack trace.
      streams.stderr.write(`winnow: ${e.message}\n`);
      return ExitCode.Error;
    }
    throw err;
  }
}
