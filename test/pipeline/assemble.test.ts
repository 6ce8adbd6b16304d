import { describe, expect, it } from "vitest";
import { assemble } from "../../src/pipeline/assemble.js";
import { segment } from "../../src/pipeline/segment.js";

/** Keeps the lines whose text is not in `drop`. */
function keepAllBut(text: string, drop: string[]) {
  return segment(text).map((l) => ({ ...l, keep: l.blank || !drop.includes(l.text), ...(drop.includes(l.text) && { removal: { detector: "t", reason: "t" } }) }));
}

describe("segment", () => {
  it("splits on LF, CRLF and lone CR, without an extra line for a final break", () => {
    expect(segment("a\r\nb\rc\nd\n").map((l) => l.text)).toEqual(["a", "b", "c", "d"]);
    expect(segment("")).toEqual([]);
    expect(segment("\n")).toEqual([]);
    expect(segment("\n\n").map((l) => [l.number, l.blank])).toEqual([[1, true], [2, true]]);
  });
  it("numbers lines from 1 and marks white-space-only lines blank", () => {
    expect(segment("x\n \t\ny")).toEqual([
      { number: 1, text: "x", blank: false },
      { number: 2, text: " \t", blank: true },
      { number: 3, text: "y", blank: false },
    ]);
  });
});

describe("assemble", () => {
  it("keeps a blank-line layout when a paragraph between is removed", () => {
    expect(assemble(keepAllBut("A\n\nX\n\nB\n", ["X"]))).toBe("A\n\nB\n");
  });
  it("keeps a single-newline layout", () => {
    expect(assemble(keepAllBut("A\nX\nB\nC", ["X"]))).toBe("A\nB\nC\n");
  });
  it("drops leading and trailing blank lines and trailing white space, never inner text", () => {
    expect(assemble(keepAllBut("\n\n  A  \n\n\nB\t\n\n", []))).toBe("  A\n\n\nB\n");
  });
  it("writes nothing when nothing is kept", () => {
    expect(assemble(keepAllBut("X\n\nY\n", ["X", "Y"]))).toBe("");
  });
});
