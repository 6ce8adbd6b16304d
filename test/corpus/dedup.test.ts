import { describe, expect, it } from "vitest";
import { CONTAINMENT_THRESHOLD, NEAR_DUP_THRESHOLD, PageIndex } from "../../src/corpus/dedup.js";
import { NUM_HASHES, signature } from "../../src/corpus/minhash.js";
import { compareNatural, fileKey } from "../../src/corpus/order.js";

/** Deterministic pseudo-text: paragraph p of a story, words drawn from a small vocabulary by an LCG. */
function paragraph(seed: number, words = 60): string {
  const vocab = ["river", "council", "vote", "market", "school", "storm", "minister", "bridge", "price", "team", "court", "water",
    "city", "plan", "report", "police", "health", "energy", "farm", "road", "election", "bank", "union", "fire"];
  let x = seed * 2654435761 + 12345;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out.push(vocab[x % vocab.length]!);
  }
  return out.join(" ") + ".";
}
const story = (s: number, n = 8) => Array.from({ length: n }, (_, i) => paragraph(s * 100 + i));

function decide(pages: { id: string; lines: string[] }[], opts = {}) {
  const index = new PageIndex(opts);
  for (const p of pages) index.add({ id: p.id }, p.lines);
  const plan = index.resolve();
  return { plan, verdict: Object.fromEntries(pages.map((p, i) => [p.id, plan.page(i)?.reason ?? "keep"])) };
}

describe("compareNatural", () => {
  it.each([
    ["page-9", "page-10"],
    ["999999", "1000000"],
    ["000123", "124"],
    ["a", "b"],
    ["07", "7"], // equal numerically: code-unit order decides
  ])("%s < %s", (a, b) => {
    expect(compareNatural(a, b)).toBeLessThan(0);
    expect(compareNatural(b, a)).toBeGreaterThan(0);
  });
  it("orders plain files by file name before directory", () => {
    expect(compareNatural(fileKey("z.example/000001.txt"), fileKey("a.example/000002.txt"))).toBeLessThan(0);
  });
});

describe("MinHash", () => {
  it("estimates Jaccard within noise", () => {
    const a = signature(story(1).join("\n"));
    const b = signature(story(1).slice(0, 6).join("\n") + "\n" + story(2).slice(0, 2).join("\n"));
    const sigs = new Uint32Array(NUM_HASHES * 2);
    sigs.set(a.sig, 0);
    sigs.set(b.sig, NUM_HASHES);
    let same = 0;
    for (let i = 0; i < NUM_HASHES; i++) if (a.sig[i] === b.sig[i]) same++;
    // 6 of 8 paragraphs shared: J ≈ 6/10.
    expect(same / NUM_HASHES).toBeGreaterThan(0.45);
    expect(same / NUM_HASHES).toBeLessThan(0.75);
  });
  it("shingles unspaced scripts on characters", () => {
    expect(signature("北京今天下雨了，明天会晴朗。").shingles).toBeGreaterThan(5);
  });
});

describe("PageIndex", () => {
  it("keeps the smallest id of exact and near duplicates, whatever the order", () => {
    const orig = story(1);
    const edited = [...orig];
    edited[3] = paragraph(999); // one paragraph of eight changed: J ≈ 0.78–0.8 with shingles crossing it
    const pages = [
      { id: "000010", lines: orig },
      { id: "000011", lines: story(2) },
      { id: "000012", lines: [...orig] },
      { id: "000013", lines: orig.map((l) => l.toUpperCase()) },
      { id: "000014", lines: [...orig, paragraph(5000, 10)] },
    ];
    const forward = decide(pages).verdict;
    expect(forward).toEqual({
      "000010": "keep", "000011": "keep", "000012": "exact-duplicate-page", "000013": "exact-duplicate-page",
      "000014": "near-duplicate-page",
    });
    expect(decide([...pages].reverse()).verdict).toEqual(forward);
    const { plan } = decide([...pages].reverse());
    expect(plan.clusters()).toEqual([{ kept: "000010", dropped: [
      { id: "000012", reason: "exact-duplicate-page", similarity: 1 },
      { id: "000013", reason: "exact-duplicate-page", similarity: 1 },
      { id: "000014", reason: "near-duplicate-page", similarity: expect.any(Number) },
    ] }]);
  });

  it("drops a copy with paragraphs cut as contained, not a longer page that contains it", () => {
    const orig = story(3, 10);
    const cut = [orig[0]!, ...orig.slice(4)]; // 3 of 10 paragraphs dropped: J ≈ 0.7, containment 1
    expect(decide([{ id: "1", lines: orig }, { id: "2", lines: cut }]).verdict).toEqual({ "1": "keep", "2": "contained-page" });
    expect(decide([{ id: "1", lines: cut }, { id: "2", lines: orig }]).verdict).toEqual({ "1": "keep", "2": "keep" });
    expect(decide([{ id: "1", lines: orig }, { id: "2", lines: cut }], { containment: 0 }).verdict["2"]).toBe("keep");
  });

  it("near-duplicate threshold: below keeps, at drops", () => {
    const a = story(4, 10);
    const b = [...a.slice(0, 5), ...story(5, 5)]; // J ≈ 1/3
    const { plan } = decide([{ id: "1", lines: a }, { id: "2", lines: b }], { containment: 0 });
    expect(plan.page(1)).toBeUndefined();
    const j = decide([{ id: "1", lines: a }, { id: "2", lines: [...a.slice(0, 9), paragraph(77)] }], { containment: 0 }).plan.page(1)?.score;
    expect(j).toBeGreaterThanOrEqual(NEAR_DUP_THRESHOLD);
    // Set the threshold just above the measured similarity: the same pair is kept.
    expect(decide([{ id: "1", lines: a }, { id: "2", lines: [...a.slice(0, 9), paragraph(77)] }], { containment: 0, threshold: j! + 0.01 }).plan.page(1)).toBeUndefined();
    expect(CONTAINMENT_THRESHOLD).toBeGreaterThan(NEAR_DUP_THRESHOLD);
  });

  it("does not chain: C like B but not like A stays when B is dropped for A", () => {
    const s = story(6, 10);
    const a = s;
    const b = [...s.slice(0, 9), ...story(7, 1)];
    const c = [...s.slice(0, 7), ...story(7, 3)];
    const v = decide([{ id: "a", lines: a }, { id: "b", lines: b }, { id: "c", lines: c }], { containment: 0, threshold: 0.85 }).verdict;
    expect(v.a).toBe("keep");
    expect(v.b).toBe("near-duplicate-page");
    expect(v.c).toBe("keep");
  });

  it("prefers the earliest date when asked", () => {
    const s = story(8);
    const index = new PageIndex({ preferDate: true });
    index.add({ id: "1", date: "2024-05-02" }, s);
    index.add({ id: "2", date: "2024-05-01" }, s);
    index.add({ id: "0" }, s);
    const plan = index.resolve();
    expect([plan.page(0)?.ref, plan.page(1), plan.page(2)?.ref]).toEqual(["2", undefined, "2"]);
  });

  it("keeps empty pages and never matches them", () => {
    expect(decide([{ id: "1", lines: [] }, { id: "2", lines: [] }]).verdict).toEqual({ "1": "keep", "2": "keep" });
  });

  it("cross-doc paragraphs: the page first in key order keeps a long paragraph", () => {
    const shared = paragraph(4242, 40);
    const short = "A short line both pages have.";
    const pages = [
      { id: "20", lines: [...story(9, 3), shared, short] },
      { id: "10", lines: [shared, ...story(10, 4), short] },
    ];
    const index = new PageIndex({ crossDocParagraphs: true });
    pages.forEach((p) => index.add({ id: p.id }, p.lines));
    const plan = index.resolve();
    expect(plan.paragraph(0, shared)).toEqual({ detector: "cross-doc-paragraph", reason: "kept-on-other-page", ref: "10" });
    expect(plan.paragraph(1, shared)).toBeUndefined();
    expect(plan.paragraph(0, short)).toBeUndefined();
  });
});
