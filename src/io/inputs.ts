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
  const matches = globMatcher(parts.join("/"));
  let matched = false;
  for await (const item of walk(root, "", format, exclude, matches)) {
    if ("rel" in item) matched = true;
    yield item;
  }
  if (!matched) yield { path: pattern, message: "no such file, and no .txt/.jsonl/.ndjson(.gz) file matches this pattern" };
}

type GlobToken =
  | { readonly t: "lit"; readonly c: string }
  | { readonly t: "one" } // ?
  | { readonly t: "star" } // *: any run without "/"
  | { readonly t: "any" } // **: any run
  | { readonly t: "dirs" } // **/: nothing, or any run ending in "/"
  | { readonly t: "class"; readonly negate: boolean; readonly ranges: readonly (readonly [string, string])[] };

/**
 * A matcher for a glob: `**` spans directories, `*` and `?` do not, `[...]` is a character class
 * (`[!...]` or `[^...]` negated). The pattern comes from the user, so it is not turned into a
 * RegExp (nested `**` can backtrack exponentially, and a bad class would throw): it runs as a set
 * of states over the name, O(name × pattern) whatever the pattern, and every pattern is valid.
 */
export function globMatcher(glob: string): (name: string) => boolean {
  const tokens = parseGlob(glob);
  const n = tokens.length;
  const close = (states: Uint8Array) => {
    // Tokens that can match nothing let the next token start at the same place.
    for (let i = 0; i < n; i++) {
      const t = tokens[i]!.t;
      if (states[i] && (t === "star" || t === "any" || t === "dirs")) states[i + 1] = 1;
    }
  };
  return (name) => {
    let states = new Uint8Array(n + 1);
    states[0] = 1;
    close(states);
    for (const c of name) {
      const next = new Uint8Array(n + 1);
      let live = false;
      for (let i = 0; i < n; i++) {
        if (!states[i]) continue;
        const tok = tokens[i]!;
        let stay = false;
        let advance = false;
        switch (tok.t) {
          case "lit": advance = c === tok.c; break;
          case "one": advance = c !== "/"; break;
          case "star": stay = c !== "/"; break;
          case "any": stay = true; break;
          case "dirs": stay = true; advance = c === "/"; break;
          case "class": advance = c !== "/" && tok.ranges.some(([lo, hi]) => c >= lo && c <= hi) !== tok.negate; break;
        }
        if (stay) { next[i] = 1; live = true; }
        if (advance) { next[i + 1] = 1; live = true; }
      }
      if (!live) return false;
      close(next);
      states = next;
    }
    return states[n] === 1;
  };
}

function parseGlob(glob: string): GlobToken[] {
  const chars = Array.from(glob);
  const tokens: GlobToken[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === "*") {
      if (chars[i + 1] === "*") {
        i++;
        if (chars[i + 1] === "/") { i++; tokens.push({ t: "dirs" }); } else tokens.push({ t: "any" });
      } else tokens.push({ t: "star" });
    } else if (c === "?") tokens.push({ t: "one" });
    else if (c === "[") {
      let j = i + 1;
      const negate = chars[j] === "!" || chars[j] === "^";
      if (negate) j++;
      const end = chars.indexOf("]", j + 1);
      if (end < 0) { tokens.push({ t: "lit", c }); continue; }
      const body = chars.slice(j, end);
      const ranges: [string, string][] = [];
      for (let k = 0; k < body.length; k++) {
        if (body[k + 1] === "-" && k + 2 < body.length) { ranges.push([body[k]!, body[k + 2]!]); k += 2; }
        else ranges.push([body[k]!, body[k]!]);
      }
      tokens.push({ t: "class", negate, ranges });
      i = end;
    } else tokens.push({ t: "lit", c });
  }
  return tokens;
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
