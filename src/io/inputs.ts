import { opendir, stat } from "node:fs/promises";
import { basename, join, relative, resolve, sep } from "node:path";

export type Format = "text" | "jsonl";

/** One thing to read: a file, or standard input. */
export interface Input {
  /** The path as shown in messages (as the user wrote it, joined with what the walk found). */
  readonly path: string;
  /** Where the cleaned copy goes below `-o DIR`, with `/` separators. */
  readonly rel: string;
  /** Format from `--format`, else from the extension; `undefined` for stdin until sniffed. */
  readonly format: Format | undefined;
  readonly gzip: boolean;
  readonly stdin: boolean;
  /** The directory the file sits in, relative to the argument it came from (a site, for plain files). */
  readonly dir: string;
}

/** Something that could not be read as an input, reported as `path: message`. */
export interface InputProblem {
  readonly path: string;
  readonly message: string;
}

const KNOWN = /\.(txt|jsonl|ndjson)(\.gz)?$/i;
const GLOB_CHARS = /[*?[]/;

/** Format and compression from a file name; unknown extensions read as text. */
export function formatOf(name: string): { format: Format; gzip: boolean } {
  const gzip = /\.gz$/i.test(name);
  const base = gzip ? name.slice(0, -3) : name;
  return { format: /\.(jsonl|ndjson)$/i.test(base) ? "jsonl" : "text", gzip };
}

/**
 * Expands the command line's inputs lazily, in a stable order: arguments as given; inside a
 * directory, entries sorted by name (code unit order), so the order never depends on the file
 * system. Directories are walked recursively for .txt, .jsonl, .ndjson and their .gz; symbolic
 * links to directories are not followed (they can loop). `exclude` is a directory never entered
 * (the output directory, when it lies inside an input).
 */
export async function* expandInputs(
  args: readonly string[],
  options: { format?: Format; exclude?: string } = {},
): AsyncGenerator<Input | InputProblem> {
  const list = args.length === 0 ? ["-"] : args;
  const exclude = options.exclude ? resolve(options.exclude) : undefined;
  for (const arg of list) {
    if (arg === "-") {
      yield { path: "<stdin>", rel: "stdin", format: options.format, gzip: false, stdin: true, dir: "" };
      continue;
    }
    let info;
    try {
      info = await stat(arg);
    } catch (err) {
      if (GLOB_CHARS.test(arg)) {
        yield* expandGlob(arg, options.format, exclude);
        continue;
      }
      yield { path: arg, message: describeFsError(err, "cannot read input") };
      continue;
    }
    if (info.isDirectory()) {
      if (exclude && resolve(arg) === exclude) {
        yield { path: arg, message: "refusing to write over the input: -o names this same directory; choose another" };
        continue;
      }
      yield* walk(arg, "", options.format, exclude, () => true);
    } else {
      const f = formatOf(arg);
      yield { path: arg, rel: basename(arg), format: options.format ?? f.format, gzip: f.gzip, stdin: false, dir: "" };
    }
  }
}

async function* walk(
  root: string,
  relDir: string,
  format: Format | undefined,
  exclude: string | undefined,
  accept: (rel: string) => boolean,
): AsyncGenerator<Input | InputProblem> {
  const dirPath = relDir ? join(root, relDir) : root;
  if (exclude && resolve(dirPath) === exclude) return;
  const names: { name: string; dir: boolean }[] = [];
  try {
    for await (const entry of await opendir(dirPath)) {
      if (entry.isDirectory()) names.push({ name: entry.name, dir: true });
      else if (entry.isFile() || entry.isSymbolicLink()) names.push({ name: entry.name, dir: false });
    }
  } catch (err) {
    yield { path: dirPath, message: describeFsError(err, "cannot list directory") };
    return;
  }
  names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { name, dir } of names) {
    const rel = relDir ? `${relDir}/${name}` : name;
    if (dir) {
      yield* walk(root, rel, format, exclude, accept);
    } else if (KNOWN.test(name) && accept(rel)) {
      const f = formatOf(name);
      yield { path: join(root, rel), rel, format: format ?? f.format, gzip: f.gzip, stdin: false, dir: relDir };
    }
  }
}

/** Quoted globs (`'dumps/**\/*.jsonl.gz'`) for trees too large for the shell's argument list. */
async function* expandGlob(pattern: string, format: Format | undefined, exclude: string | undefined): AsyncGenerator<Input | InputProblem> {
  const parts = pattern.split(/[\\/]/);
  const fixed: string[] = [];
  while (parts.length > 1 && !GLOB_CHARS.test(parts[0]!)) fixed.push(parts.shift()!);
  const root = fixed.length ? fixed.join(sep) || sep : ".";
  const re = globToRegExp(parts.join("/"));
  let matched = false;
  for await (const item of walk(root, "", format, exclude, (rel) => re.test(rel))) {
    if ("rel" in item) matched = true;
    yield item;
  }
  if (!matched) yield { path: pattern, message: "no such file, and no .txt/.jsonl/.ndjson(.gz) file matches this pattern" };
}

/** `**` spans directories, `*` and `?` do not, `[...]` is a character class. */
export function globToRegExp(glob: string): RegExp {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*") {
      if (glob[i + 1] === "*") {
        i++;
        if (glob[i + 1] === "/") { i++; re += "(?:.*/)?"; } else re += ".*";
      } else re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const end = glob.indexOf("]", i + 1);
      if (end < 0) re += "\\[";
      else { re += "[" + glob.slice(i + 1, end).replace(/^!/, "^").replace(/\\/g, "\\\\") + "]"; i = end; }
    } else re += c.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

/** A file system error as a short phrase with what to check, never a stack trace. */
export function describeFsError(err: unknown, what: string): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT": return `${what}: no such file or directory`;
    case "EACCES":
    case "EPERM": return `${what}: permission denied`;
    case "EISDIR": return `${what}: is a directory`;
    case "ENOTDIR": return `${what}: a part of the path is not a directory`;
    case "ELOOP": return `${what}: too many levels of symbolic links`;
    case "ENOSPC": return `${what}: no space left on device`;
    case "EMFILE": return `${what}: too many open files`;
    default: return `${what}: ${(err as Error)?.message ?? String(err)}`;
  }
}

/** True when `inner` is `outer` or lies below it. */
export function isWithin(outer: string, inner: string): boolean {
  const rel = relative(resolve(outer), resolve(inner));
  return rel === "" || (!rel.startsWith("..") && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}
