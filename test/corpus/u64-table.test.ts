import { describe, expect, it } from "vitest";
import { U64Table } from "../../src/corpus/u64-table.js";

describe("U64Table", () => {
  it("counts, grows and keeps every key", () => {
    const t = new U64Table();
    for (let i = 0; i < 10_000; i++) t.add(i * 7919, i, 1);
    for (let i = 0; i < 10_000; i += 2) t.add(i * 7919, i, 1);
    expect(t.size).toBe(10_000);
    expect(t.get(0, 0)).toBe(2);
    expect(t.get(7919, 1)).toBe(1);
    expect(t.get(1, 123456)).toBe(0);
    expect(t.has(1, 123456)).toBe(false);
  });

  it("stays within 32 bytes per key", () => {
    const t = new U64Table();
    let worst = 0; // just after a doubling
    for (let n = 1; n <= 50_000; n++) {
      t.add(n * 2654435761, n, 1);
      if (n > 64) worst = Math.max(worst, t.byteLength / t.size);
    }
    expect(worst).toBeLessThanOrEqual(32);
    expect(worst).toBeGreaterThan(31); // the bound is tight: the docs state 16–32 bytes
  });

  it("sorts entries by key whatever the insertion order", () => {
    const keys = Array.from({ length: 500 }, (_, i) => [(i * 2246822507) >>> 0, (i * 3266489909) >>> 0] as const);
    const a = new U64Table();
    const b = new U64Table(1000);
    keys.forEach(([hi, lo], i) => a.set(hi, lo, i));
    [...keys].reverse().forEach(([hi, lo]) => b.set(hi, lo, keys.findIndex((k) => k[0] === hi && k[1] === lo)));
    const ea = a.sortedEntries();
    expect(ea).toEqual(b.sortedEntries());
    for (let j = 3; j < ea.length; j += 3) {
      expect(ea[j]! > ea[j - 3]! || (ea[j] === ea[j - 3] && ea[j + 1]! > ea[j - 2]!)).toBe(true);
    }
  });

  it("stores the reserved all-zero key", () => {
    const t = new U64Table();
    t.add(0, 0, 5);
    expect(t.get(0, 0)).toBe(5);
    expect(t.size).toBe(1);
  });
});
