import { describe, expect, it } from "vitest";
import { cleanCorpus } from "../../src/corpus/apply.js";
import { compareNatural } from "../../src/corpus/order.js";

// Two sites with their own chrome, in Latin, Cyrillic and Arabic script; site b syndicates a's story 3.
// Chrome that reads like prose: only the site statistics can tell it from the article.
const ABOUT = "Our reporters have covered the valley's councils, courts and schools since 1921, and we answer only to our readers";
const CHROME: Record<string, { head: string[]; foot: string[] }> = {
  "a.example": { head: ["Home | World | Sport | Culture", "Sign in to read more"], foot: ["Subscribe to our newsletter for the 5 best stories", ABOUT, "© 2024 A Media. All rights reserved."] },
  "b.example": { head: ["Главная — Новости — Спорт", "Войти"], foot: ["النشرة البريدية: اشترك الآن", "Все права защищены, 2024"] },
};
function body(n: number): string[] {
  const w = ["council", "river", "budget", "school", "storm", "bridge", "market", "health", "court", "energy", "harbour", "station"];
  return Array.from({ length: 5 }, (_, p) =>
    Array.from({ length: 30 }, (_, k) => w[(n * 7 + p * 13 + k * k * 3 + (k * n) % 11) % w.length]).join(" ") + ` (${n}.${p}).`);
}
function page(site: string, n: number, article = body(n)): string {
  const c = CHROME[site]!;
  return [...c.head, "", `Story number ${n} title`, "", ...article, "", ...c.foot].join("\n");
}
const docs = [
  ...Array.from({ length: 12 }, (_, i) => ({ id: String(100 + i), site: "a.example", text: page("a.example", i) })),
  ...Array.from({ length: 12 }, (_, i) => ({ id: String(200 + i), site: "b.example", text: page("b.example", 50 + i) })),
  { id: "300", site: "b.example", text: page("b.example", 3, [`Story number 3 title`, ...body(3)]) },
];

describe("cleanCorpus", () => {
  const result = cleanCorpus(docs);
  const byId = new Map(result.documents.map((d) => [d.id, d]));

  it("removes each site's chrome and keeps the articles", () => {
    const text = byId.get("105")!.text!;
    expect(text).not.toMatch(/Home \| World|newsletter|All rights|Our reporters/);
    expect(text).toContain(body(5)[2]);
    const removal = byId.get("105")!.document.lines.find((l) => l.text === ABOUT)!.removal;
    expect(removal).toMatchObject({ detector: "site-boilerplate", reason: "repeated-on-site", score: 1 });
    expect(byId.get("205")!.text).not.toMatch(/Главная|النشرة/);
  });

  it("drops the syndicated copy and names the original", () => {
    expect(byId.get("300")!.text).toBeNull();
    expect(byId.get("300")!.page).toMatchObject({ detector: "duplicate-page", ref: "103" });
    expect(result.clusters).toEqual([{ kept: "103", dropped: [{ id: "300", reason: expect.stringMatching(/page$/), similarity: expect.any(Number) }] }]);
  });

  it("gives the same output for any input order", () => {
    const norm = (r: ReturnType<typeof cleanCorpus>) => JSON.stringify({
      docs: [...r.documents].sort((x, y) => compareNatural(x.id, y.id)).map((d) => [d.id, d.text]),
      clusters: r.clusters,
      profile: r.profile,
      dedup: { ...r.dedup, stateBytes: 0 },
    });
    const reversed = cleanCorpus([...docs].reverse());
    const shuffled = cleanCorpus(docs.map((d, i) => ({ d, k: (i * 7919) % 25 })).sort((x, y) => x.k - y.k).map((x) => x.d));
    expect(norm(reversed)).toBe(norm(result));
    expect(norm(shuffled)).toBe(norm(result));
  });

  it("can leave pages alone", () => {
    const r = cleanCorpus(docs, { dedupPages: false, siteBoilerplate: false });
    expect(r.documents.every((d) => d.text !== null)).toBe(true);
    const detectors = new Set(r.documents.flatMap((d) => d.document.lines.map((l) => l.removal?.detector)));
    expect(detectors.has("site-boilerplate") || detectors.has("duplicate-page")).toBe(false);
  });
});
