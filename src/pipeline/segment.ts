import { mapPacked } from "./packed.js";
import type { Line } from "./types.js";

/** Any of CRLF, LF or a lone CR ends a line; output always uses LF (documented in the README). */
const LINE_BREAK = /\r\n|\n|\r/;

/** Splits a document into lines, 1-based; a final line break does not start an extra empty line. */
export function segment(text: string): Line[] {
  const parts = text.split(LINE_BREAK);
  if (parts.length > 1 && parts[parts.length - 1] === "") parts.pop();
  if (parts.length === 1 && parts[0] === "") return [];
  return mapPacked(parts, (t, i) => ({ number: i + 1, text: t, blank: t.trim() === "" }));
}
