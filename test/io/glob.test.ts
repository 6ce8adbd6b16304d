import { describe, expect, it } from "vitest";
import { globMatcher } from "../../src/io/inputs.js";

describe("globMatcher", () => {
  const table: [string, string, boolean][] = [
    ["**/*.txt", "a/b/c.txt", true],
    ["**/*.txt", "c.txt", true],
    ["*.txt", "a/c.txt", false],
    ["a/**/b.jsonl", "a/b.jsonl", true],
    ["a/**/b.jsonl", "a/x/y/b.jsonl", true],
    ["a/**", "a/x/y.txt", true],
    ["?.txt", "/.txt", false],
    ["[a-c]?.txt", "bx.txt", true],
    ["[!a-c]?.txt", "bx.txt", false],
    ["[^a-c]?.txt", "dx.txt", true],
    ["[z-a].txt", "q.txt", false], // a reversed range matches nothing (a RegExp would throw)
    ["x[.txt", "x[.txt", true], // an unclosed class is a literal
    ["(a|b)+.txt", "(a|b)+.txt", true], // RegExp syntax is literal
    ["*é*.txt", "café.txt", true],
    ["*.txt", "日本/記事.txt", false],
  ];
  for (const [glob, name, expected] of table) {
    it(`${glob} ${expected ? "matches" : "does not match"} ${name}`, () => expect(globMatcher(glob)(name)).toBe(expected));
  }

  it("runs in linear time on patterns that make a backtracking RegExp explode", () => {
    const glob = "**/".repeat(20) + "*a";
    const name = "b/".repeat(5000) + "c";
    const start = performance.now();
    expect(globMatcher(glob)(name)).toBe(false);
    expect(globMatcher("*".repeat(50) + "a")("b".repeat(20_000))).toBe(false);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
