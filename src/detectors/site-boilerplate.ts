import type { DetectorMeta } from "./types.js";

/**
 * Lines the document's site repeats on many pages, as the corpus state reports them through
 * `CleanOptions.corpus.siteBoilerplate`. The pipeline only asks; the statistics live in src/corpus.
 * A hit is a removal, except on a line the classifier is very sure is article text
 * (score ≥ SITE_PROTECT_SCORE): syndicated or templated article paragraphs repeat across a site too,
 * and losing article text costs more than a leftover line.
 */
export const meta: DetectorMeta = {
  id: "site-boilerplate",
  description: "Lines the corpus state reports as repeated across the document's site; long sentence-like lines are protected.",
  languages: "any",
  reasons: { "site-repeated": "the site repeats this line on many pages (the corpus hook may name its own reason)" },
};

/** Article-likeness from which a site hit is ignored: long (≥ lengthHigh), dense and ending in a stop. */
export const SITE_PROTECT_SCORE = 0.95;
