import type { DetectorMeta } from "./types.js";

/**
 * Lines the document's site repeats on many pages, as the corpus state reports them through
 * `CleanOptions.corpus.siteBoilerplate`. The pipeline only asks; the statistics live in src/corpus.
 * A hit is a removal, except on a line that is clearly article text on its own (`isClearArticle` in
 * classifier.ts: ends like a sentence, at least lengthHigh long, stopword-dense): syndicated or
 * templated article paragraphs repeat across a site too, and losing article text costs more than a
 * leftover line. Clear article text is the only protection: a short line the site repeats goes.
 */
export const meta: DetectorMeta = {
  id: "site-boilerplate",
  description: "Lines the corpus state reports as repeated across the document's site; long sentence-like lines are protected.",
  languages: "any",
  reasons: { "site-repeated": "the site repeats this line on many pages (the corpus hook may name its own reason)" },
};
