import { stat } from "node:fs/promises";

/**
 * How `--resume` knows an output is complete and current, without a manifest to keep in step:
 *
 * - Complete: outputs are written under a temporary name and renamed into place only when finished
 *   (src/io/write.ts), so a file under its final name is whole. A run killed half-way leaves at most
 *   a temporary file, which is not the final name (and is swept on the next run).
 * - Current: before the rename, the output is given its input's modification time (like `rsync -t`).
 *   An input that changed since has another mtime, so it is cleaned again; so is an output someone
 *   edited or touched. Compared at whole milliseconds, the precision utimes() keeps everywhere.
 *
 * Not covered, by design: a run with other options (--mode, --lang…) over the same -o directory.
 * --resume finishes *the same* run; use a fresh -o directory after changing options.
 */
export async function upToDate(inputPath: string, outputPath: string): Promise<boolean> {
  try {
    const [input, output] = await Promise.all([stat(inputPath), stat(outputPath)]);
    // utimes() goes through a Date (whole milliseconds) and a float of seconds, so the copy can land
    // a hair either side of a millisecond boundary: within 1 ms is "the same time" (was flaky with floor).
    return output.isFile() && Math.abs(output.mtimeMs - input.mtimeMs) < 1;
  } catch {
    return false;
  }
}

/** The modification time to give the output of `inputPath` (undefined for stdin or when unknown). */
export async function inputMtime(inputPath: string): Promise<Date | undefined> {
  try {
    return (await stat(inputPath)).mtime;
  } catch {
    return undefined;
  }
}
